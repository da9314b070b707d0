import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import { prefectureName } from "@/lib/domain/prefectures";
import { formatDateTime, formatWareki } from "@/lib/domain/wareki";
import { auditRow, type TAuditActor } from "./audit";
import { hashToken, LINK_TTL_DAYS, setPasswordUrl } from "./accounts";
import { sendMail, type TMailMessage, type TMailTransport } from "./mailer";

// The invitation of one account created by hand (an officer by the national administrator, a
// council member or a hub by the prefecture): a one-time set-password link (the mechanism of
// ADR 0010: 256 random bits, only the SHA-256 stored, 7 days, once, a new one revokes the old),
// sent to the person's own address. Without a mail server the link is shown once to whoever
// created the account, to hand over themselves (delivery SCREEN, like the CSV of the bulk path);
// it is never stored in a readable form. An invitation is for a first password only.

export type TInvitationKind = "officer" | "council" | "hub";

export type TInvitee = {
  id: string;
  email: string;
  name: string;
  /** The prefecture whose account it is (its signature in the mail, its audit log). */
  prefectureCode: string;
  /** The hub's name, or the council's zones, for the mail's opening. */
  affiliation: string | null;
};

export type TInvitationOutcome =
  | { delivery: "EMAIL"; sent: true; expiresAt: string }
  | { delivery: "EMAIL"; sent: false; message: string }
  | { delivery: "SCREEN"; url: string; expiresAt: string };

const KIND_PURPOSE: Record<TInvitationKind, string> = {
  officer: "都道府県の担当者として、かかりつけ医機能報告の受付・確認、協議の場の資料作成などを行っていただきます。",
  council: "協議の場の構成員として、担当する圏域のダッシュボードと協議の場の資料をご覧いただけます。",
  hub: "在宅医療に必要な連携を担う拠点の自己評価は、このアカウントで入力・提出していただきます。",
};

/** The invitation mail (Japanese plain text), signed by the prefecture or by Renkei's administrator. */
export function invitationMail(
  kind: TInvitationKind,
  invitee: Pick<TInvitee, "email" | "name" | "prefectureCode" | "affiliation">,
  url: string,
  expiresAt: Date,
): TMailMessage {
  const prefecture = prefectureName(invitee.prefectureCode);
  const from = kind === "officer" ? "Renkei（連携）の全国管理者" : prefecture;
  const subject =
    kind === "officer"
      ? `【Renkei】都道府県担当者アカウントのご案内（${prefecture}）`
      : kind === "council"
        ? `【Renkei】協議の場のアカウントのご案内（${prefecture}）`
        : `【Renkei】在宅医療連携拠点 自己評価のパスワード設定のお願い（${prefecture}）`;
  const text = [
    `${invitee.affiliation ? `${invitee.affiliation} ` : ""}${invitee.name} 様`,
    "",
    `${from}から、Renkei（連携）のアカウントをご用意しました。`,
    KIND_PURPOSE[kind],
    "",
    `次のリンクを開き、${formatWareki(expiresAt)}（${formatDateTime(expiresAt)}）までにパスワードを設定してください。`,
    "リンクは一度だけ使えます。期限が過ぎた場合は、アカウントを作成した担当者に再送を依頼してください。",
    ...(kind === "officer"
      ? [
          "",
          "都道府県の担当者は2段階認証が必須です。初めてログインするときに、スマートフォンの認証アプリを設定していただきます。",
        ]
      : []),
    "",
    url,
    "",
    `ログインID（メールアドレス）: ${invitee.email}`,
    "",
    "このメールに心当たりがない場合は、このメールを破棄してください。リンクを開かなければアカウントは使われません。",
    "",
    kind === "officer" ? "Renkei（連携）全国管理者" : `${prefecture} かかりつけ医機能報告 担当`,
  ].join("\n");
  return { to: invitee.email, subject, text };
}

/**
 * Writes a new invitation link for the invitee inside the caller's transaction (revoking any
 * unused earlier link) with its audit row, and returns the token to deliver after commit.
 */
export async function writeInvitation(
  tx: Prisma.TransactionClient,
  actor: NonNullable<TAuditActor>,
  invitee: TInvitee,
  delivery: "EMAIL" | "SCREEN",
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_TTL_DAYS * 86_400_000);
  await tx.passwordToken.updateMany({
    where: { userId: invitee.id, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  await tx.passwordToken.create({
    data: {
      userId: invitee.id,
      tokenHash: hashToken(token),
      expiresAt,
      delivery,
      purpose: "INVITE",
      createdById: actor.userId,
    },
  });
  await tx.auditEvent.create({
    data: auditRow(actor, {
      action: "account.issue_link",
      entityType: "user",
      entityId: invitee.id,
      prefectureCode: invitee.prefectureCode,
      summary: `${invitee.email} の招待（パスワード設定用リンク）を発行（${delivery === "EMAIL" ? "本人にメールで送信" : "メールサーバー未設定のため画面に表示"}、有効期限 ${formatDateTime(expiresAt)}）`,
      after: { delivery, purpose: "INVITE", expiresAt: expiresAt.toISOString() },
    }),
  });
  return { token, expiresAt };
}

/**
 * Delivers a link written by writeInvitation, after its transaction committed: by mail when a
 * transport is given, else on screen. A mail the server refuses revokes the link (it reached
 * nobody) and is audited; the account itself stays, and the invitation can be sent again.
 */
export async function deliverInvitation(
  kind: TInvitationKind,
  actor: NonNullable<TAuditActor>,
  invitee: TInvitee,
  issued: { token: string; expiresAt: Date },
  transport: TMailTransport | null,
): Promise<TInvitationOutcome> {
  const url = setPasswordUrl(issued.token);
  const expiresAt = issued.expiresAt.toISOString();
  if (!transport) return { delivery: "SCREEN", url, expiresAt };
  try {
    await sendMail(invitationMail(kind, invitee, url, issued.expiresAt), transport);
    return { delivery: "EMAIL", sent: true, expiresAt };
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 160) : String(error);
    await db.$transaction([
      db.passwordToken.updateMany({
        where: { tokenHash: hashToken(issued.token), usedAt: null },
        data: { revokedAt: new Date() },
      }),
      db.auditEvent.create({
        data: auditRow(actor, {
          action: "account.link_mail_failed",
          entityType: "user",
          entityId: invitee.id,
          prefectureCode: invitee.prefectureCode,
          summary: `${invitee.email} への招待メールの送信に失敗（リンクは無効にしました）: ${reason}`,
        }),
      }),
    ]);
    return {
      delivery: "EMAIL",
      sent: false,
      message: `アカウントは作成されていますが、招待メールを送れませんでした（${reason}）。時間をおいて「招待を再送」してください。`,
    };
  }
}
