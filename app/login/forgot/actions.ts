"use server";
import { headers } from "next/headers";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/auth/client-address";
import { admitResetRequest, queueResetRequest, RESET_REQUEST_ANSWER } from "@/lib/services/password-reset";
import type { TOneFieldState } from "@/components/auth/one-field-form";

/**
 * The same answer for every address. The request is recorded (and, for an active account, its
 * mail queued on the job queue) before answering; the link is made and mailed by the queue's
 * worker, so the response does not wait for the mail server.
 */
export async function requestResetAction(_previous: TOneFieldState, formData: FormData): Promise<TOneFieldState> {
  try {
    const email = await admitResetRequest({ email: formData.get("email") ?? "" }, clientAddress(await headers()));
    await queueResetRequest(email);
    return { message: RESET_REQUEST_ANSWER, done: true };
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fieldError: error.fieldErrors?.email?.[0] };
    throw error;
  }
}
