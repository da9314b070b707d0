"use server";
import { after } from "next/server";
import { headers } from "next/headers";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/auth/client-address";
import { admitResetRequest, processResetRequest, RESET_REQUEST_ANSWER } from "@/lib/services/password-reset";
import type { TOneFieldState } from "@/components/auth/one-field-form";

/**
 * Answers at once, the same for every address; the link is made and mailed after the answer, so
 * the response time does not depend on whether the account exists.
 */
export async function requestResetAction(_previous: TOneFieldState, formData: FormData): Promise<TOneFieldState> {
  try {
    const email = await admitResetRequest({ email: formData.get("email") ?? "" }, clientAddress(await headers()));
    after(() => processResetRequest(email).catch((error) => console.error("password reset request failed", error)));
    return { message: RESET_REQUEST_ANSWER, done: true };
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fieldError: error.fieldErrors?.email?.[0] };
    throw error;
  }
}
