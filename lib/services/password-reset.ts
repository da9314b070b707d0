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
import { getMailTransport, sendMail, type TMailTransport } from "./mailer";

// 「パスワードをお忘れの方」: anyone may ask for a reset link for an address; it is mailed to that
// address only if it belongs to an active account. The answer is the same either way, and the
// work that differs (token, mail) runs after the answer (admitResetRequest, then
// processResetRequest), so neither the text nor the time tells whether an account exists.

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
 * returns the normalised address for processResetRequest. Throws a Japanese field or limit message.
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

/**
 * Issues a single-use link (valid one hour, revoking the holder's earlier unused links) and mails
 * it to the holder. Nothing happens for unknown or inactive addresses, or past the per-address
 * limit (5 per 15 minutes), so nobody can flood a mailbox. Every request is audited.
 */
export async function processResetRequest(
  email: string,
  now = new Date(),
  transport: TMailTransport | null = getMailTransport(),
): Promise<"sent" | "ignored" | "limited"> {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isActive: true,
      prefectureCode: true,
      institution: { select: { prefectureCode: true } },
      hub: { select: { prefectureCode: true } },
    },
  });
  const limited = !(await checkAttempt("reset_email", email, now)).allowed;
  if (!limited) await countAttempt("reset_email", email, now);
  const prefectureCode = user
    ? (user.prefectureCode ?? user.institution?.prefectureCode ?? user.hub?.prefectureCode ?? null)
    : null;
  const outcome = !user || !user.isActive || !transport ? "ignored" : limited ? "limited" : "sent";
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SELF_LINK_TTL_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    if (user && outcome === "sent") {
      await tx.passwordToken.updateMany({
        where: { userId: user.id, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      await tx.passwordToken.create({
        data: { userId: user.id, tokenHash: hashToken(token), expiresAt, delivery: "EMAIL", purpose: "SELF" },
      });
    }
    await tx.auditEvent.create({
      data: auditRow(user ? { userId: user.id, email: user.email, role: roleFromDb(user.role) } : null, {
        action: "account.reset_requested",
        entityType: "user",
        entityId: user?.id ?? email,
        prefectureCode,
        summary:
          outcome === "sent"
            ? "ログイン画面からパスワード再設定を依頼（本人のメールアドレスにリンクを送信）"
            : outcome === "limited"
              ? "ログイン画面からパスワード再設定を依頼（依頼が続いたため送信せず）"
              : "ログイン画面からパスワード再設定を依頼（送信先のアカウントなし・無効、またはメール未設定）",
      }),
    });
  });
  if (outcome !== "sent" || !user || !transport) return outcome;
  const message = resetPasswordMail(
    { email: user.email, name: user.name, url: setPasswordUrl(token), expiresAt },
    "ログイン画面の「パスワードをお忘れの方」から",
    "Renkei（連携）",
  );
  try {
    await sendMail(message, transport);
  } catch (error) {
    await db.$transaction([
      db.passwordToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { revokedAt: new Date() } }),
      db.auditEvent.create({
        data: auditRow(null, {
          action: "account.link_mail_failed",
          entityType: "user",
          entityId: user.id,
          prefectureCode,
          summary: `${user.email} への再設定用リンクのメール送信に失敗（リンクは無効にしました）: ${error instanceof Error ? error.message.slice(0, 120) : ""}`,
        }),
      }),
    ]);
    return "ignored";
  }
  return outcome;
}

/** Both steps at once (command line and tests; the page runs the second after answering). */
export async function requestPasswordReset(
  input: unknown,
  client: string,
  now = new Date(),
  transport: TMailTransport | null = getMailTransport(),
): Promise<string> {
  const email = await admitResetRequest(input, client, now);
  await processResetRequest(email, now, transport);
  return RESET_REQUEST_ANSWER;
}
