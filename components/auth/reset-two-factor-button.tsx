import { ActionButton } from "@/components/prefecture/action-button";

/** The higher role's reset of someone's second factor (prefecture → respondents, admin → officers). */
export function ResetTwoFactorButton({ url, email }: Readonly<{ url: string; email: string }>) {
  return (
    <ActionButton
      url={url}
      size="sm"
      variant="ghost"
      confirm={`${email} の2段階認証をリセットします。本人はログイン中でもログアウトされ、次回ログイン時に設定し直します（本人にメールで通知します）。よろしいですか？`}
    >
      2段階認証をリセット
    </ActionButton>
  );
}
