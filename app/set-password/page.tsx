import type { Metadata } from "next";
import Link from "next/link";
import { inspectPasswordToken, LINK_STATE_MESSAGES } from "@/lib/data/accounts";
import { hashToken } from "@/lib/services/accounts";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { formatDateTime } from "@/lib/domain/wareki";
import { Notice } from "@/components/ui/notice";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { setPasswordAction } from "./actions";
import type { TSearchParams } from "@/lib/search-params";

// The link's token is in the URL: never send it on to other sites as a referrer.
export const metadata: Metadata = { title: "パスワードの設定", referrer: "no-referrer" };

/** Public page opened from a one-time link (outside the role areas; proxy.ts does not cover it). */
export default async function SetPasswordPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const params = await searchParams;
  const token = typeof params.token === "string" && /^[A-Za-z0-9_-]{20,200}$/.test(params.token) ? params.token : null;
  const state = token ? await inspectPasswordToken(hashToken(token)) : ({ ok: false, reason: "unknown" } as const);

  return (
    <AuthCard title="パスワードの設定">
      {state.ok && token ? (
        <>
          <p className="mb-1 text-sm text-gray-700">{state.name} さんのアカウント</p>
          <p className="mb-4 text-sm">
            ログインID（メールアドレス）: <strong className="break-all">{state.email}</strong>
          </p>
          <p className="mb-4 text-xs text-gray-500">
            このリンクは {formatDateTime(state.expiresAt)} まで、一度だけ使えます。
          </p>
          <SetPasswordForm
            token={token}
            email={state.email}
            minLength={MIN_PASSWORD_LENGTH}
            action={setPasswordAction}
          />
        </>
      ) : (
        <>
          <Notice tone="error">{LINK_STATE_MESSAGES[state.ok ? "unknown" : state.reason]}</Notice>
          <p className="mt-4 text-sm">
            <Link href="/login" className="text-teal-800 underline">
              ログイン画面へ
            </Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}
