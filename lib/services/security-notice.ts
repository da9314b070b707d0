import "server-only";
import { db } from "@/lib/db";
import { auditRow } from "@/lib/services/audit";
import { formatDateTime } from "@/lib/domain/wareki";
import { getPublicBaseUrl } from "@/lib/env";
import { getMailTransport, sendMail, type TMailMessage, type TMailTransport } from "./mailer";

// The holder of an account is told by mail of every change to how they sign in (password, second
// factor), whoever made it: a change they did not make is how they notice a takeover. The notice
// is sent after the change is committed and its failure never undoes or fails the change; it is
// audited instead. Without a mail server nothing is sent (the audit log still has the change).

export type TSecurityChange =
  | "password_set"
  | "password_reset_by_link"
  | "two_factor_enabled"
  | "two_factor_disabled"
  | "two_factor_reset"
  | "recovery_codes_regenerated"
  | "recovery_code_used";

const CHANGE_TEXT: Record<TSecurityChange, string> = {
  password_set: "パスワードが設定されました。",
  password_reset_by_link: "パスワードが再設定されました。",
  two_factor_enabled: "2段階認証（認証アプリ）が設定されました。",
  two_factor_disabled: "2段階認証が解除されました。",
  two_factor_reset: "2段階認証が管理者によってリセットされました。次回のログイン時に設定し直してください。",
  recovery_codes_regenerated: "2段階認証の回復コードが作り直されました。以前の回復コードは使えません。",
  recovery_code_used: "回復コードを使ってログインしました。残りの回復コードを確認してください。",
};

/** The notice (pure builder; sending is separate so the job queue can take it over). */
export function securityNoticeMail(
  holder: { email: string; name: string },
  change: TSecurityChange,
  at: Date,
  byWhom: string | null,
): TMailMessage {
  const text = [
    `${holder.name} 様`,
    "",
    `Renkei（連携）のアカウント ${holder.email} で、${formatDateTime(at)} に次の変更がありました。`,
    "",
    `　${CHANGE_TEXT[change]}`,
    ...(byWhom ? [`　操作した人: ${byWhom}`] : []),
    "",
    "ご自身の操作であれば、このメールへの対応は不要です。",
    "心当たりがない場合は、すぐにパスワードを再設定し、都道府県の担当者（都道府県の方は全国管理者）に連絡してください。",
    `パスワードの再設定: ${getPublicBaseUrl().replace(/\/$/, "")}/login/forgot`,
    "",
    "このメールは送信専用です。",
  ].join("\n");
  return { to: holder.email, subject: "【Renkei】アカウントのセキュリティ設定が変更されました", text };
}

/** Sends the notice if mail is configured; a failure is audited, never thrown. */
export async function notifyHolder(
  holder: { id: string; email: string; name: string; prefectureCode: string | null },
  change: TSecurityChange,
  options: { at?: Date; byWhom?: string | null; transport?: TMailTransport | null } = {},
): Promise<"sent" | "skipped" | "failed"> {
  const transport = options.transport !== undefined ? options.transport : getMailTransport();
  if (!transport) return "skipped";
  const message = securityNoticeMail(holder, change, options.at ?? new Date(), options.byWhom ?? null);
  try {
    await sendMail(message, transport);
    return "sent";
  } catch (error) {
    await db.auditEvent.create({
      data: auditRow(null, {
        action: "account.notice_mail_failed",
        entityType: "user",
        entityId: holder.id,
        prefectureCode: holder.prefectureCode,
        summary: `${holder.email} への変更通知メールの送信に失敗（${error instanceof Error ? error.message.slice(0, 120) : "不明なエラー"}）`,
      }),
    });
    return "failed";
  }
}
