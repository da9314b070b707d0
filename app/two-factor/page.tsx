import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ROLE_HOME } from "@/lib/auth/roles";
import { getPendingSignIn, getViewer } from "@/lib/auth/viewer";
import { safeRelativePath } from "@/lib/auth/safe-redirect";
import type { TSearchParams } from "@/lib/search-params";
import { hasDemoData } from "@/lib/data/viewer-context";
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET } from "@/lib/demo-accounts";
import { Notice } from "@/components/ui/notice";
import { AuthCard } from "@/components/auth/auth-card";
import { OneFieldForm } from "@/components/auth/one-field-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { verifyCodeAction } from "./actions";

export const metadata: Metadata = { title: "2段階認証" };

/** The second step of a sign-in, for a session that passed the password (public route, checks itself). */
export default async function TwoFactorPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const callbackUrl = safeRelativePath((await searchParams).callbackUrl);
  const viewer = await getViewer();
  if (viewer) redirect(callbackUrl ?? ROLE_HOME[viewer.role]);
  const pending = await getPendingSignIn();
  if (!pending) redirect("/login");
  if (pending.step === "enrol") {
    redirect(callbackUrl ? `/two-factor/setup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/two-factor/setup");
  }
  const isDemoAccount = DEMO_ACCOUNTS.some((a) => a.email === pending.email && "totp" in a) && (await hasDemoData());
  return (
    <AuthCard title="2段階認証">
      {isDemoAccount && (
        <Notice tone="warning" className="mb-4">
          デモ用アカウントです。確認コードは <code>npm run renkei -- demo-totp</code>{" "}
          で表示できます。認証アプリを使う場合はキー <code className="break-all">{DEMO_TOTP_SECRET}</code>{" "}
          を登録してください。
        </Notice>
      )}
      <p className="mb-4 text-sm text-gray-700">
        <span className="break-all">{pending.email}</span>{" "}
        のパスワードを確認しました。認証アプリに表示されている確認コードを入力してください。
      </p>
      <OneFieldForm
        name="code"
        label="確認コード"
        hint="6桁の数字。スマートフォンが手元にない場合は、回復コード（xxxxx-xxxxx）を入力できます。"
        autoComplete="one-time-code"
        submitLabel="確認する"
        pendingLabel="確認しています…"
        hidden={callbackUrl ? { callbackUrl } : {}}
        action={verifyCodeAction}
      />
      <div className="mt-6 flex items-center justify-between gap-2 border-t border-gray-100 pt-4 text-sm text-gray-600">
        <span>
          コードも回復コードもない場合は、都道府県の担当者（都道府県の方は全国管理者）にリセットを依頼してください。
        </span>
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
