"use server";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { setPasswordWithToken } from "@/lib/services/accounts";

export type TSetPasswordState = { message: string | null; fieldErrors?: Record<string, string[]> };

/** Sets the password with a one-time link's token, then sends the person to sign in. */
export async function setPasswordAction(_previous: TSetPasswordState, formData: FormData): Promise<TSetPasswordState> {
  try {
    await setPasswordWithToken({
      token: String(formData.get("token") ?? ""),
      password: String(formData.get("password") ?? ""),
      confirm: String(formData.get("confirm") ?? ""),
    });
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  redirect("/set-password/done");
}
