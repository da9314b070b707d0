"use server";
import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/errors";
import { ROLE_HOME } from "@/lib/auth/roles";
import { requireViewer } from "@/lib/auth/viewer";
import { disableSecondFactor, regenerateRecoveryCodes } from "@/lib/services/two-factor";
import type { TOneFieldState } from "@/components/auth/one-field-form";

async function withCode(formData: FormData, run: (code: string) => Promise<TOneFieldState>): Promise<TOneFieldState> {
  try {
    return await run(String(formData.get("code") ?? ""));
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fieldError: error.fieldErrors?.code?.[0] };
    throw error;
  }
}

export async function regenerateRecoveryCodesAction(_previous: TOneFieldState, formData: FormData) {
  const viewer = await requireViewer();
  return withCode(formData, async (code) => ({
    message: null,
    recoveryCodes: await regenerateRecoveryCodes(viewer, code),
  }));
}

export async function disableSecondFactorAction(_previous: TOneFieldState, formData: FormData) {
  const viewer = await requireViewer();
  return withCode(formData, async (code) => {
    await disableSecondFactor(viewer, code);
    revalidatePath(`${ROLE_HOME[viewer.role]}/security`);
    return { message: "2段階認証を解除しました。", done: true };
  });
}
