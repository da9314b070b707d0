import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getPendingSignIn, getViewer } from "@/lib/auth/viewer";
import { ROLE_HOME } from "@/lib/auth/roles";
import { hasDemoData } from "@/lib/data/viewer-context";
import { LoginForm } from "@/components/auth/login-form";
import { DemoBanner } from "@/components/layout/app-shell";
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET } from "@/lib/demo-accounts";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "ログイン" };

export default async function LoginPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await getViewer();
  if (viewer) redirect(ROLE_HOME[viewer.role]);
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  if (await getPendingSignIn()) {
    redirect(callbackUrl ? `/two-factor?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/two-factor");
  }
  const error = typeof params.error === "string" ? params.error : undefined;
  const signedOut = params.signedOut === "1";
  const showDemoAccounts = await hasDemoData();

  return (
    <div className="min-h-screen">
      {showDemoAccounts && <DemoBanner />}
      <main id="main" className="mx-auto flex max-w-md flex-col px-4 py-12">
        <div className="mb-8 text-center">
          <p className="text-3xl font-bold text-teal-800">連携</p>
          <p className="mt-1 text-sm font-semibold tracking-wide text-gray-500">Renkei</p>
          <p className="mt-3 text-sm text-gray-600">かかりつけ医機能報告・在宅医療連携拠点 自己評価</p>
        </div>
        <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">ログイン</h1>
          <LoginForm callbackUrl={callbackUrl} initialError={error} signedOut={signedOut} />
          <p className="mt-4 text-center text-sm">
            <Link href="/login/forgot" className="text-teal-800 underline">
              パスワードをお忘れの方
            </Link>
          </p>
        </div>
        {showDemoAccounts && (
          <details className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm" open>
            <summary className="cursor-pointer font-semibold text-amber-950">
              デモ用アカウント（パスワード共通: renkei-demo）
            </summary>
            <ul className="mt-2 space-y-1">
              {DEMO_ACCOUNTS.map((account) => (
                <li key={account.email}>
                  <code className="rounded bg-white px-1">{account.email}</code>
                  <span className="ml-2 text-gray-700">{account.description}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-amber-950">
              2段階認証ありのアカウントの確認コードは{" "}
              <code className="rounded bg-white px-1">npm run renkei -- demo-totp</code>{" "}
              で表示されます（認証アプリのキー:{" "}
              <code className="break-all rounded bg-white px-1">{DEMO_TOTP_SECRET}</code>）。
            </p>
          </details>
        )}
      </main>
    </div>
  );
}
