import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { getPublicBaseUrl } from "@/lib/env";
import { cycleTitle, REVISION_KIND_LABELS } from "@/lib/domain/labels";
import { RESPONSE_STATUS_LABELS } from "@/lib/aggregation/status";
import { formatDateTime } from "@/lib/domain/wareki";
import { cycleWritability, queryCorrection } from "@/lib/domain/cycle-window";
import { renderCycleMail, type TCycleMailInput } from "@/lib/mail/templates/cycle-mails";
import type { TRenderedMail } from "@/lib/mail/templates/blocks";
import { unsafeMailSender } from "@/lib/data/cycle-mail";
import { JOB_TYPES } from "@/lib/jobs/catalog";
import type { MailStatus } from "@/lib/generated/prisma/enums";
import { auditRow } from "./audit";
import { hashToken, LINK_TTL_DAYS, setPasswordUrl } from "./accounts";
import { getMailTransport, mailFrom, sendMail, type TMailTransport } from "./mailer";

// The "mail.send" job: one row of the send log, sent once it is still due (docs/decisions/0021).
// Everything the mail says is read now, at send time: a clinic that submitted after a reminder was
// queued is skipped, a 差戻し already answered by a resubmission is not announced, and the sender's
// signature is the one saved last. The row's status is the outcome: SENT (the server accepted it),
// BOUNCED (the server refused the address: no retry), QUEUED again with the error (a retry is
// due), FAILED (the retries are used up) or SKIPPED (with the reason).

type TMailRow = NonNullable<Awaited<ReturnType<typeof loadMessage>>>;
type TDecision = { skip: string } | { input: TCycleMailInput; kind?: "ANNOUNCEMENT" };

const base = () => getPublicBaseUrl().replace(/\/$/, "");

async function loadMessage(mailId: string) {
  return db.mailMessage.findUnique({ where: { id: mailId } });
}

async function loadState(message: TMailRow) {
  const [user, cycle, submission] = await Promise.all([
    message.userId
      ? db.user.findUnique({
          where: { id: message.userId },
          select: { id: true, email: true, name: true, isActive: true, passwordHash: true },
        })
      : null,
    db.reportingCycle.findUnique({
      where: { id: message.cycleId },
      select: { id: true, kind: true, fiscalYear: true, status: true, opensAt: true, closesAt: true },
    }),
    db.submission.findFirst({
      where: message.submissionId
        ? { id: message.submissionId }
        : message.institutionId
          ? { cycleId: message.cycleId, institutionId: message.institutionId }
          : { cycleId: message.cycleId, hubId: message.hubId ?? "" },
      select: { id: true, status: true, revision: true, reviewComment: true, reopenedUntil: true, isAmending: true },
    }),
  ]);
  return { user, cycle, submission };
}

type TDetails = {
  revision?: number;
  comment?: string | null;
  reopenedUntil?: string | null;
  revisionKind?: string;
  /** 照会 (QUERY): the query, its items' labels and the officer's message when asked. */
  queryId?: string;
  itemLabels?: string[];
  message?: string;
};

/** Whether the message is still due, and if so what it says (pure given the state read). */
async function decide(message: TMailRow, now: Date): Promise<TDecision> {
  const { user, cycle, submission } = await loadState(message);
  if (!user || !user.isActive) return { skip: "アカウントが無効なため送信しませんでした。" };
  if (!cycle) return { skip: "報告サイクルが見つからないため送信しませんでした。" };
  const details = (message.details ?? {}) as TDetails;
  const path = message.hubId ? "hub" : "institution";
  const { sender } = await unsafeMailSender(message.prefectureCode);
  const common = {
    sender,
    cycleTitle: cycleTitle(cycle),
    closesAt: cycle.closesAt,
    respondentName: message.respondentName,
    recipientName: user.name,
    email: user.email,
    formUrl: `${base()}/${path}/cycles/${cycle.id}`,
  };
  const status = submission?.status ?? "NOT_STARTED";
  switch (message.kind) {
    case "ANNOUNCEMENT":
    case "INVITATION":
      if (cycle.status === "CLOSED") return { skip: "受付が締め切られたため送信しませんでした。" };
      // An account whose password was set since the preview gets the plain announcement.
      if (message.kind === "ANNOUNCEMENT" || user.passwordHash !== null)
        return { input: { ...common, kind: "ANNOUNCEMENT" }, kind: "ANNOUNCEMENT" };
      return { input: { ...common, kind: "INVITATION", setPasswordUrl: "", linkExpiresAt: now } };
    case "REMINDER": {
      if (status === "SUBMITTED" || status === "CONFIRMED")
        return { skip: `送信前に${RESPONSE_STATUS_LABELS[status]}になったため送信しませんでした。` };
      const reopened = submission?.reopenedUntil && submission.reopenedUntil > now;
      if (cycle.status !== "OPEN" || (cycle.closesAt < now && !reopened))
        return { skip: "受付期間外のため送信しませんでした。" };
      return {
        input: {
          ...common,
          kind: "REMINDER",
          statusLabel: RESPONSE_STATUS_LABELS[status],
          forgotUrl: `${base()}/login/forgot`,
        },
      };
    }
    case "RETURNED":
      if (status !== "RETURNED" || submission?.revision !== details.revision)
        return { skip: "その後に報告の状態が変わったため送信しませんでした。" };
      return {
        input: { ...common, kind: "RETURNED", comment: details.comment ?? "", revision: details.revision ?? 0 },
      };
    case "CONFIRMED":
      if (status !== "CONFIRMED" || submission?.revision !== details.revision)
        return { skip: "その後に報告の状態が変わったため送信しませんでした。" };
      return {
        input: { ...common, kind: "CONFIRMED", comment: details.comment ?? null, revision: details.revision ?? 0 },
      };
    case "REOPENED": {
      const until = submission?.reopenedUntil;
      if (!until || until.toISOString() !== details.reopenedUntil)
        return { skip: "その後に期限後の入力許可が変わったため送信しませんでした。" };
      return { input: { ...common, kind: "REOPENED", reopenedUntil: until } };
    }
    case "QUERY": {
      const query = details.queryId
        ? await db.itemQuery.findFirst({
            where: { id: details.queryId, submissionId: message.submissionId ?? "" },
            select: { status: true, message: true, askedRevision: true },
          })
        : null;
      if (!query) return { skip: "照会が見つからないため送信しませんでした。" };
      if (query.status === "CLOSED") return { skip: "送信前に都道府県が照会を完了したため送信しませんでした。" };
      return {
        input: {
          ...common,
          kind: "QUERY",
          itemLabels: details.itemLabels ?? [],
          message: query.message,
          revision: query.askedRevision,
          // As the form shows it now: after the deadline no correction until the prefecture reopens it.
          correction: queryCorrection(cycleWritability(cycle, submission?.reopenedUntil, now).writable, submission),
        },
      };
    }
    case "RECEIPT": {
      const revision = details.revision ?? submission?.revision ?? 0;
      const kindLabel = REVISION_KIND_LABELS[(details.revisionKind ?? "INITIAL") as keyof typeof REVISION_KIND_LABELS];
      return {
        input: {
          ...common,
          kind: "RECEIPT",
          revision,
          revisionLabel: kindLabel ?? "提出",
          submittedAt: message.createdAt,
          formUrl: `${base()}/${path}/cycles/${cycle.id}/receipt`,
        },
      };
    }
  }
}

/**
 * A set-password link for an invitation, issued as the mail leaves (a link is never stored: only
 * its hash), through the same PasswordToken rows as the accounts page, revoking earlier unused ones.
 */
async function issueInvitationLink(message: TMailRow, userId: string, email: string, now: Date) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_TTL_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.passwordToken.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await tx.passwordToken.create({
      data: {
        userId,
        tokenHash: hashToken(token),
        expiresAt,
        delivery: "EMAIL",
        purpose: "INVITE",
        createdById: message.createdById,
      },
    });
    await tx.auditEvent.create({
      data: auditRow(null, {
        action: "account.issue_link",
        entityType: "user",
        entityId: userId,
        prefectureCode: message.prefectureCode,
        summary: `${email} のパスワード設定用リンクを報告の案内メールで送信（有効期限 ${formatDateTime(expiresAt)}）`,
        after: { delivery: "EMAIL", purpose: "INVITE", expiresAt: expiresAt.toISOString() },
      }),
    });
  });
  return { url: setPasswordUrl(token), expiresAt, tokenHash: hashToken(token) };
}

const finish = (id: string, status: MailStatus, error: string | null, extra: object = {}) =>
  db.mailMessage.update({ where: { id }, data: { status, error, ...extra } });

/** Nodemailer's error for a refused recipient carries the server's 5xx reply. */
function isPermanentRefusal(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  return typeof e?.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

function senderAddress(): string {
  const from = mailFrom();
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

export type TMailOutcome = MailStatus | "ALREADY_DONE";

/**
 * Runs one "mail.send" job. Throws (so the queue retries) only on a temporary failure with
 * attempts left; every other outcome is recorded on the row and returned.
 */
export async function runMailJob(
  mailId: string,
  context: { attempt: number },
  transport: TMailTransport | null = getMailTransport(),
  now = new Date(),
): Promise<TMailOutcome> {
  const claimed = await db.mailMessage.updateMany({
    where: { id: mailId, status: { in: ["QUEUED", "SENDING"] } },
    data: { status: "SENDING", attempts: { increment: 1 }, sendingAt: now },
  });
  if (claimed.count === 0) return "ALREADY_DONE";
  const message = (await loadMessage(mailId))!;
  if (!transport) {
    await finish(mailId, "FAILED", "メールサーバー（SMTP）が設定されていないため送信できませんでした。");
    return "FAILED";
  }
  const decision = await decide(message, now);
  if ("skip" in decision) {
    await finish(mailId, "SKIPPED", decision.skip);
    return "SKIPPED";
  }
  let input = decision.input;
  let tokenHash: string | null = null;
  if (input.kind === "INVITATION") {
    const link = await issueInvitationLink(message, message.userId!, input.email, now);
    input = { ...input, setPasswordUrl: link.url, linkExpiresAt: link.expiresAt };
    tokenHash = link.tokenHash;
  }
  const rendered: TRenderedMail = renderCycleMail(input);
  try {
    await sendMail(
      {
        to: input.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        from: { name: input.sender.senderName, address: senderAddress() },
        messageId: `<${message.id}@renkei.mail>`,
      },
      transport,
    );
  } catch (error) {
    // A link nobody received must not stay usable.
    if (tokenHash) await db.passwordToken.updateMany({ where: { tokenHash }, data: { revokedAt: new Date() } });
    if (isPermanentRefusal(error)) {
      await finish(mailId, "BOUNCED", `宛先がメールサーバーに拒否されました: ${errorText(error)}`);
      return "BOUNCED";
    }
    if (context.attempt >= JOB_TYPES["mail.send"].options.retryLimit) {
      await finish(mailId, "FAILED", `再試行しても送信できませんでした: ${errorText(error)}`);
      return "FAILED";
    }
    await finish(
      mailId,
      "QUEUED",
      `送信に失敗しました（${context.attempt + 1}回目、再試行します）: ${errorText(error)}`,
    );
    throw error;
  }
  await finish(mailId, "SENT", null, {
    sentAt: new Date(),
    recipient: input.email,
    ...(decision.kind ? { kind: decision.kind } : {}),
  });
  return "SENT";
}
