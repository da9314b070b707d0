import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { auditRow } from "@/lib/services/audit";
import { normalizeEmail, waitLabel } from "@/lib/auth/messages";
import { roleFromDb } from "@/lib/auth/roles";
import { checkAttempt, countAttempt } from "@/lib/auth/throttle-store";
import { AppError } from "@/lib/errors";
import { hashToken, resetPasswordMail, setPasswordUrl } from "./accounts";
import { JOB_TYPES } from "@/lib/jobs/catalog";
import { enqueue, jobQueue } from "@/lib/jobs/queue";
import { getMailTransport, sendMail, type TMailTransport } from "./mailer";

// 「パスワードをお忘れの方」: anyone may ask for a reset link for an address; it is mailed to that
// address only if it belongs to an active account. The answer is the same either way. The request
// does the same work for every address (one look-up, the per-address count, one audit row, in one
// transaction) and, only for an account that is due a mail, queues a "mail.password-reset" job in
// that transaction: the durable queue every mail goes through (docs/decisions/0013, 0021). The
// job carries the account id only; the link is issued when the mail leaves, as for invitations
// (lib/services/mail-delivery.ts), so no raw token ever waits in the database.

/** A link asked for by its holder expires sooner than one prepared by the prefecture. */
export const SELF_LINK_TTL_MINUTES = 60;

export const RESET_REQUEST_ANSWER =
  "入力されたメールアドレスがアカウントとして登録されていれば、パスワード再設定用のリンクをお送りしました。メールが届かない場合は、迷惑メールのフォルダを確認するか、都道府県の担当者にお問い合わせください。";

const ZRequest = z.object({
  email: z
    .string()
    .trim()
    .min(1, { error: "メールアドレスを入力してください。" })
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+$/, { error: "メールアドレスの形式が正しくありません。" }),
});

/**
 * Checks the input and the per-client limit (5 requests per 15 minutes), counts the request, and
 * returns the normalised address for queueResetRequest. Throws a Japanese field or limit message.
 */
export async function admitResetRequest(input: unknown, client: string, now = new Date()): Promise<string> {
  const parsed = ZRequest.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "メールアドレスを入力してください。";
    throw new AppError("INVALID_INPUT", message, { email: [message] });
  }
  const before = await checkAttempt("reset_client", client, now);
  if (!before.allowed) throw rateLimited(before.retryAfterSeconds);
  await countAttempt("reset_client", client, now);
  return normalizeEmail(parsed.data.email);
}

const rateLimited = (seconds: number) =>
  new AppError(
    "RATE_LIMITED",
    `再設定の依頼が続いたため、一時的に受け付けを停止しています。${waitLabel(seconds)}後にもう一度お試しください。`,
  );

const SELECT_HOLDER = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  prefectureCode: true,
  institution: { select: { prefectureCode: true } },
  hub: { select: { prefectureCode: true } },
} as const;

type THolder = {
  prefectureCode: string | null;
  institution: { prefectureCode: string } | null;
  hub: { prefectureCode: string } | null;
};
const holderPrefecture = (user: THolder) =>
  user.prefectureCode ?? user.institution?.prefectureCode ?? user.hub?.prefectureCode ?? null;

/**
 * Records the request and, for an active account within the per-address limit (5 per 15 minutes,
 * so nobody can flood a mailbox) when mail is configured, queues the mail. Nothing is queued for
 * unknown or inactive addresses. Every request is audited.
 */
export async function queueResetRequest(
  email: string,
  now = new Date(),
  transport: TMailTransport | null = getMailTransport(),
): Promise<"queued" | "ignored" | "limited"> {
  const user = await db.user.findUnique({ where: { email }, select: SELECT_HOLDER });
  const limited = !(await checkAttempt("reset_email", email, now)).allowed;
  if (!limited) await countAttempt("reset_email", email, now);
  const outcome = !user || !user.isActive || !transport ? "ignored" : limited ? "limited" : "queued";
  // The queue's client is started before the transaction (lib/jobs/queue.ts, enqueue with tx).
  if (outcome === "queued") await jobQueue();
  await db.$transaction(async (tx) => {
    if (user && outcome === "queued")
      await enqueue("mail.password-reset", { userId: user.id, requestedAt: now.toISOString() }, { key: user.id, tx });
    await tx.auditEvent.create({
      data: auditRow(user ? { userId: user.id, email: user.email, role: roleFromDb(user.role) } : null, {
        action: "account.reset_requested",
        entityType: "user",
        entityId: user?.id ?? email,
        prefectureCode: user ? holderPrefecture(user) : null,
        summary:
          outcome === "queued"
            ? "ログイン画面からパスワード再設定を依頼（本人のメールアドレスにリンクを送信）"
            : outcome === "limited"
              ? "ログイン画面からパスワード再設定を依頼（依頼が続いたため送信せず）"
              : "ログイン画面からパスワード再設定を依頼（送信先のアカウントなし・無効、またはメール未設定）",
      }),
    });
  });
  return outcome;
}

export type TResetMailOutcome = "SENT" | "SKIPPED" | "FAILED";

/**
 * Runs one "mail.password-reset" job: issues a single-use link (valid one hour, revoking the
 * holder's earlier unused links) and mails it to the holder. Skips an account deactivated since
 * the request, and a request older than a link's life. Throws (so the queue retries) on a
 * temporary failure with attempts left; a link whose mail failed is revoked at once.
 */
export async function runPasswordResetJob(
  userId: string,
  context: { attempt: number; requestedAt: Date },
  transport: TMailTransport | null = getMailTransport(),
  now = new Date(),
): Promise<TResetMailOutcome> {
  const user = await db.user.findUnique({ where: { id: userId }, select: SELECT_HOLDER });
  if (!user || !user.isActive) return "SKIPPED";
  if (now.getTime() - context.requestedAt.getTime() > SELF_LINK_TTL_MINUTES * 60_000) return "SKIPPED";
  const prefectureCode = holderPrefecture(user);
  const failed = (reason: string) =>
    db.auditEvent.create({
      data: auditRow(null, {
        action: "account.link_mail_failed",
        entityType: "user",
        entityId: user.id,
        prefectureCode,
        summary: `${user.email} への再設定用リンクのメール送信に失敗（リンクは無効にしました）: ${reason.slice(0, 120)}`,
      }),
    });
  if (!transport) {
    await failed("メールサーバー（SMTP）が設定されていません。");
    return "FAILED";
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SELF_LINK_TTL_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.passwordToken.updateMany({
      where: { userId: user.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.passwordToken.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt, delivery: "EMAIL", purpose: "SELF" },
    });
  });
  const message = resetPasswordMail(
    { email: user.email, name: user.name, url: setPasswordUrl(token), expiresAt },
    "ログイン画面の「パスワードをお忘れの方」から",
    "Renkei（連携）",
  );
  try {
    await sendMail(message, transport);
  } catch (error) {
    // A link nobody received must not stay usable; a retry issues a new one.
    await db.passwordToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { revokedAt: new Date() } });
    if (context.attempt < JOB_TYPES["mail.password-reset"].options.retryLimit) throw error;
    await failed(error instanceof Error ? error.message : String(error));
    return "FAILED";
  }
  return "SENT";
}

/** Both steps at once (command line and tests; the page answers with RESET_REQUEST_ANSWER). */
export async function requestPasswordReset(
  input: unknown,
  client: string,
  now = new Date(),
  transport: TMailTransport | null = getMailTransport(),
): Promise<string> {
  const email = await admitResetRequest(input, client, now);
  await queueResetRequest(email, now, transport);
  return RESET_REQUEST_ANSWER;
}
