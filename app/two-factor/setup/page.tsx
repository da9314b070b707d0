import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ROLE_HOME } from "@/lib/auth/roles";
import { getPendingSignIn, getViewer } from "@/lib/auth/viewer";
import { safeRelativePath } from "@/lib/auth/safe-redirect";
import { prepareEnrolment } from "@/lib/services/two-factor";
import type { TSearchParams } from "@/lib/search-params";
import { AuthCard } from "@/components/auth/auth-card";
import { TwoFactorEnrolment } from "@/components/auth/two-factor-enrolment";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NewRecoveryCodes } from "@/components/auth/new-recovery-codes";
import { readFlashedRecoveryCodes } from "@/lib/auth/recovery-codes-flash";
import { confirmEnrolmentAction } from "../actions";

export const metadata: Metadata = { title: "2段階認証の設定" };

/** Enrolment on the first sign-in of a role that requires a second factor. */
export default async function TwoFactorSetupPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const callbackUrl = safeRelativePath((await searchParams).callbackUrl) ?? undefined;
  const viewer = await getViewer();
  if (viewer) {
    // Just enrolled (the confirming action rewrote the session, so the page is rendered again).
    const codes = await readFlashedRecoveryCodes(viewer.userId!);
    if (!codes) redirect(`${ROLE_HOME[viewer.role]}/security`);
    return (
      <AuthCard title="2段階認証の設定">
        <NewRecoveryCodes codes={codes} next={callbackUrl ?? ROLE_HOME[viewer.role]} />
      </AuthCard>
    );
  }
  const pending = await getPendingSignIn();
  if (!pending) redirect("/login");
  if (pending.step !== "enrol") redirect("/two-factor");
  const enrolment = await prepareEnrolment(pending);
  return (
    <AuthCard title="2段階認証の設定">
      <p className="mb-4 text-sm text-gray-700">
        このアカウント（<span className="break-all">{pending.email}</span>
        ）では、パスワードに加えて認証アプリの確認コードでログインします。最初に一度だけ設定してください。
      </p>
      <TwoFactorEnrolment
        qrSvgDataUrl={enrolment.qrSvgDataUrl}
        secret={enrolment.secret}
        sealed={enrolment.sealed}
        callbackUrl={callbackUrl}
        action={confirmEnrolmentAction}
      />
      <div className="mt-6 border-t border-gray-100 pt-4 text-right">
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
