"use client";
import { Notice } from "@/components/ui/notice";
import { formatDateTime } from "@/lib/domain/wareki";

/** How an invitation went, as the services answer it (lib/services/invitations.ts). */
export type TInvitationOutcome =
  | { delivery: "EMAIL"; sent: true; expiresAt: string }
  | { delivery: "EMAIL"; sent: false; message: string }
  | { delivery: "SCREEN"; url: string; expiresAt: string };

/**
 * What the person who created (or re-invited) an account sees: the mail went out, it failed
 * (the account exists; send again), or — without a mail server — the link itself, shown once.
 */
export function InvitationResult({ email, outcome }: Readonly<{ email: string; outcome: TInvitationOutcome }>) {
  if (outcome.delivery === "EMAIL" && outcome.sent) {
    return (
      <Notice tone="success" title="招待メールを送りました">
        {email} に、パスワード設定用のリンク（{formatDateTime(new Date(outcome.expiresAt))} まで有効）を送りました。
      </Notice>
    );
  }
  if (outcome.delivery === "EMAIL") {
    return (
      <Notice tone="warning" title="招待メールを送れませんでした">
        {outcome.message}
      </Notice>
    );
  }
  return (
    <Notice tone="warning" title="メールサーバーが設定されていないため、招待メールは送っていません">
      <p>
        次のリンクを {email} の本人にだけ、安全な方法で渡してください。リンクは
        {formatDateTime(new Date(outcome.expiresAt))}{" "}
        まで有効で、一度だけ使えます。この画面を閉じると二度と表示されません（必要なら「招待を再送」で発行し直せます）。
      </p>
      <p
        className="mt-2 break-all rounded bg-white px-2 py-1 font-mono text-xs text-gray-900"
        data-testid="invitation-link"
      >
        {outcome.url}
      </p>
    </Notice>
  );
}
