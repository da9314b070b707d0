import type { Metadata } from "next";
import Link from "next/link";
import { isMailConfigured } from "@/lib/services/mailer";
import { SELF_LINK_TTL_MINUTES } from "@/lib/services/password-reset";
import { AuthCard } from "@/components/auth/auth-card";
import { OneFieldForm } from "@/components/auth/one-field-form";
import { Notice } from "@/components/ui/notice";
import { requestResetAction } from "./actions";

export const metadata: Metadata = { title: "パスワードをお忘れの方" };

/** Public: a reset link is mailed to the holder of the address (only if mail is configured). */
export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="パスワードをお忘れの方"
      below={
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="text-teal-800 underline">
            ログイン画面へ戻る
          </Link>
        </p>
      }
    >
      {isMailConfigured() ? (
        <>
          <p className="mb-4 text-sm text-gray-700">
            ログインID（メールアドレス）を入力してください。登録されているアカウントであれば、そのメールアドレスにパスワード再設定用のリンクをお送りします（
            {SELF_LINK_TTL_MINUTES}分間・一度だけ有効）。
          </p>
          <OneFieldForm
            name="email"
            label="メールアドレス"
            type="email"
            autoComplete="username"
            submitLabel="再設定用のリンクを送る"
            pendingLabel="受け付けています…"
            action={requestResetAction}
          />
        </>
      ) : (
        <Notice>
          このシステムではメールを送信できないため、ここからは再設定できません。医療機関・拠点・協議の場の方は都道府県の担当者に、都道府県の方は全国管理者に、パスワード再設定を依頼してください。
        </Notice>
      )}
    </AuthCard>
  );
}
