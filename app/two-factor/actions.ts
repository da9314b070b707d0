"use server";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { ROLE_HOME } from "@/lib/auth/roles";
import { getPendingSignIn, getViewer } from "@/lib/auth/viewer";
import { rewriteSessionClaims } from "@/lib/auth/session-token";
import { clearFlashedRecoveryCodes, flashRecoveryCodes } from "@/lib/auth/recovery-codes-flash";
import { safeRelativePath } from "@/lib/auth/safe-redirect";
import { confirmEnrolment, verifySecondFactor } from "@/lib/services/two-factor";
import type { TOneFieldState } from "@/components/auth/one-field-form";

const SIGN_IN_AGAIN = "ログインの有効期限が切れました。もう一度ログインしてください。";

/** The second step of a sign-in: a TOTP or recovery code completes the session. */
export async function verifyCodeAction(_previous: TOneFieldState, formData: FormData): Promise<TOneFieldState> {
  const pending = await getPendingSignIn();
  if (!pending || pending.step !== "verify") return { message: SIGN_IN_AGAIN };
  try {
    const method = await verifySecondFactor(pending.userId, String(formData.get("code") ?? ""));
    await rewriteSessionClaims({ mfa: method, mfaPending: null });
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fieldError: error.fieldErrors?.code?.[0] };
    throw error;
  }
  redirect(safeRelativePath(formData.get("callbackUrl")) ?? ROLE_HOME[pending.role]);
}

export type TEnrolmentState = { message: string | null; fieldError?: string; recoveryCodes?: string[]; next?: string };

/**
 * Confirms an enrolment with a first code — during a sign-in that requires one, or from the
 * security settings. The session then counts as passed with the app (and gets the new session
 * version: enrolling ends every other session of the account).
 */
export async function confirmEnrolmentAction(_previous: TEnrolmentState, formData: FormData): Promise<TEnrolmentState> {
  const pending = await getPendingSignIn();
  const viewer = pending ? null : await getViewer();
  const userId = pending?.step === "enrol" ? pending.userId : viewer?.userId;
  const role = pending?.role ?? viewer?.role;
  if (!userId || !role) return { message: SIGN_IN_AGAIN };
  try {
    const { recoveryCodes, sessionVersion } = await confirmEnrolment(userId, {
      sealed: String(formData.get("sealed") ?? ""),
      code: String(formData.get("code") ?? ""),
    });
    await rewriteSessionClaims({ mfa: "totp", mfaPending: null, sessionVersion });
    await flashRecoveryCodes(userId, recoveryCodes);
    const next = pending
      ? (safeRelativePath(formData.get("callbackUrl")) ?? ROLE_HOME[role])
      : `${ROLE_HOME[role]}/security`;
    return { message: null, recoveryCodes, next };
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fieldError: error.fieldErrors?.code?.[0] };
    throw error;
  }
}

/** 「保管しました。続ける」: the new recovery codes are not shown again. */
export async function finishEnrolmentAction(formData: FormData): Promise<void> {
  await clearFlashedRecoveryCodes();
  redirect(safeRelativePath(formData.get("next")) ?? "/");
}
