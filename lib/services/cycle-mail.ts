import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { TJson } from "@/lib/audit/diff";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError } from "@/lib/errors";
import { getPublicBaseUrl } from "@/lib/env";
import { RESPONSE_STATUS_LABELS, RESPONSE_STATUSES } from "@/lib/aggregation/status";
import { findCycle, type TCycle } from "@/lib/data/cycles";
import {
  findMailMessage,
  getMailSettings,
  planBulkMail,
  type TBulkFilter,
  type TBulkKind,
  type TBulkPlan,
  type TPlannedMail,
} from "@/lib/data/cycle-mail";
import { MAIL_KIND_LABELS, renderCycleMail, type TCycleMailInput } from "@/lib/mail/templates/cycle-mails";
import type { TMailSender, TRenderedMail } from "@/lib/mail/templates/blocks";
import { auditRow } from "./audit";
import { bulkInsert, insertAuditRows, newId, NOW_UTC } from "./bulk";
import { isMailConfigured } from "./mailer";
import { kickMailDispatch } from "./mail-outbox";

// Bulk mail of the cycle (案内・督促), its preview and a resend (docs/decisions/0021-cycle-mail.md).
// A send writes the batch and one send-log row per message in one transaction with its audit row;
// the queue's "mail.send" jobs then send them one by one, throttled, re-checking each at send time.

export const ZBulkMailInput = z.object({
  kind: z.enum(["ANNOUNCEMENT", "REMINDER"], { error: "送るメールの種類を選んでください。" }),
  zone: z.string().trim().max(40).optional().catch(undefined),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  status: z.enum(RESPONSE_STATUSES).optional().catch(undefined),
});
export type TBulkMailInput = z.infer<typeof ZBulkMailInput>;

export function parseBulkInput(input: unknown): TBulkMailInput {
  const source = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  // Empty select values from the form mean "all".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "" && v !== null));
  const parsed = ZBulkMailInput.safeParse(cleaned);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      kind: ["送るメールの種類を選んでください。"],
    });
  return parsed.data;
}

function asOfficer(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

const filterOf = (input: TBulkMailInput): TBulkFilter => ({
  zone: input.zone,
  municipality: input.municipality,
  status: input.status,
});

/** The input of the template for one planned message, as the preview and the letters show it. */
export function plannedMailInput(
  cycle: Pick<TCycle, "id" | "title" | "closesAt">,
  sender: TMailSender,
  mail: Pick<TPlannedMail, "kind" | "email" | "name" | "respondentName" | "respondentType" | "status">,
): TCycleMailInput {
  const base = getPublicBaseUrl().replace(/\/$/, "");
  const common = {
    sender,
    cycleTitle: cycle.title,
    closesAt: cycle.closesAt,
    respondentName: mail.respondentName,
    recipientName: mail.name,
    email: mail.email,
    formUrl: `${base}/${mail.respondentType}/cycles/${cycle.id}`,
  };
  if (mail.kind === "INVITATION")
    return {
      ...common,
      kind: "INVITATION",
      setPasswordUrl: `${base}/set-password?token=（送信時に発行されます）`,
      linkExpiresAt: new Date(Date.now() + 7 * 86_400_000),
    };
  if (mail.kind === "REMINDER")
    return {
      ...common,
      kind: "REMINDER",
      statusLabel: RESPONSE_STATUS_LABELS[mail.status],
      forgotUrl: `${base}/login/forgot`,
    };
  return { ...common, kind: "ANNOUNCEMENT" };
}

export type TBulkPreview = {
  kind: TBulkKind;
  mailConfigured: boolean;
  respondents: number;
  messages: number;
  byKind: { kind: string; label: string; count: number }[];
  withoutAccount: number;
  withoutAccountSample: { name: string; code: string | null; contactEmail: string | null }[];
  sample: (Pick<TRenderedMail, "subject" | "text" | "html"> & { to: string; kindLabel: string }) | null;
};

/** What a bulk send would do: how many messages of which kind, and the first one as it will read. */
export async function previewBulkMail(viewer: TViewer, cycleId: string, rawInput: unknown): Promise<TBulkPreview> {
  const officer = asOfficer(viewer);
  // The cycle first: another prefecture's id is a 404 whatever the input.
  const cycle = await findCycle(officer, cycleId);
  const input = parseBulkInput(rawInput);
  const [plan, { sender }] = await Promise.all([
    planBulkMail(officer, cycle, input.kind, filterOf(input)),
    getMailSettings(officer),
  ]);
  const counts = new Map<string, number>();
  for (const m of plan.mails) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const first = plan.mails[0];
  const rendered = first ? renderCycleMail(plannedMailInput(cycle, sender, first)) : null;
  return {
    kind: input.kind,
    mailConfigured: isMailConfigured(),
    respondents: plan.respondents,
    messages: plan.mails.length,
    byKind: [...counts].map(([kind, count]) => ({
      kind,
      label: MAIL_KIND_LABELS[kind as keyof typeof MAIL_KIND_LABELS],
      count,
    })),
    withoutAccount: plan.withoutAccount.length,
    withoutAccountSample: plan.withoutAccount
      .slice(0, 10)
      .map((r) => ({ name: r.name, code: r.code, contactEmail: r.contactEmail })),
    sample:
      rendered && first
        ? {
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            to: first.email,
            kindLabel: MAIL_KIND_LABELS[first.kind],
          }
        : null,
  };
}

const MAIL_COLUMNS = [
  ["id", "text"],
  ["cycleId", "text"],
  ["prefectureCode", "text"],
  ["batchId", "text"],
  ["kind", { enum: "MailKind" }],
  ["institutionId", "text"],
  ["hubId", "text"],
  ["userId", "text"],
  ["recipient", "text"],
  ["recipientName", "text"],
  ["respondentName", "text"],
  ["createdById", "text"],
] as const;

function requireMail(): void {
  if (!isMailConfigured())
    throw new AppError(
      "CONFLICT",
      "メールサーバー（SMTP）が設定されていないため送信できません。宛先一覧（CSV）と郵送用の文書（PDF）を出力してください。",
    );
}

/**
 * Queues a bulk send (by hand, or a scheduled round with its key). Returns null when there is
 * nobody to send to, or when the scheduled round was already queued by another instance.
 */
export async function queueBulkMail(
  viewer: TViewer,
  cycleId: string,
  rawInput: unknown,
  options: { scheduleKey?: string } = {},
): Promise<{ batchId: string; queued: number; withoutAccount: number } | null> {
  const officer = asOfficer(viewer);
  const cycle = await findCycle(officer, cycleId);
  requireMail();
  const input = parseBulkInput(rawInput);
  if (cycle.status === "CLOSED")
    throw new AppError("CONFLICT", "受付を締め切った報告サイクルには、案内・督促を送れません。");
  const plan: TBulkPlan = await planBulkMail(officer, cycle, input.kind, filterOf(input));
  if (plan.mails.length === 0 && !options.scheduleKey)
    throw new AppError("CONFLICT", "条件に合う送信先がありません（アカウントのある回答者がいません）。");
  const batchId = newId();
  const filter = JSON.parse(JSON.stringify(filterOf(input))) as TJson;
  const created = await db.$transaction(
    async (tx) => {
      if (options.scheduleKey) {
        const exists = await tx.mailBatch.findUnique({
          where: { cycleId_scheduleKey: { cycleId: cycle.id, scheduleKey: options.scheduleKey } },
        });
        if (exists) return false;
      }
      await tx.mailBatch.create({
        data: {
          id: batchId,
          cycleId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          kind: input.kind,
          scheduleKey: options.scheduleKey ?? null,
          filter: filter as Prisma.InputJsonValue,
          total: plan.mails.length,
          createdById: officer.userId,
          createdByEmail: officer.email,
        },
      });
      await bulkInsert(
        tx,
        "MailMessage",
        MAIL_COLUMNS,
        plan.mails.map((m) => [
          newId(),
          cycle.id,
          cycle.prefectureCode,
          batchId,
          m.kind,
          m.respondentType === "institution" ? m.respondentId : null,
          m.respondentType === "hub" ? m.respondentId : null,
          m.userId,
          m.email,
          m.name,
          m.respondentName,
          officer.userId,
        ]),
        { constants: { createdAt: NOW_UTC, updatedAt: NOW_UTC } },
      );
      const what = input.kind === "REMINDER" ? "督促" : "案内";
      await insertAuditRows(tx, [
        auditRow(officer, {
          action: input.kind === "REMINDER" ? "mail.remind" : "mail.announce",
          entityType: "reporting_cycle",
          entityId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${cycle.title}の${what}メール ${plan.mails.length}通を送信待ちにした${options.scheduleKey ? `（予定: 期限の${options.scheduleKey.split(":")[1]}日前）` : ""}`,
          after: { batchId, messages: plan.mails.length, withoutAccount: plan.withoutAccount.length, filter },
        }),
      ]);
      return true;
    },
    { timeout: 120_000 },
  );
  if (!created) return null;
  await kickMailDispatch();
  return { batchId, queued: plan.mails.length, withoutAccount: plan.withoutAccount.length };
}

/**
 * Sends one message of the log again, as a new row (the old one keeps its outcome). Its content is
 * decided at send time like any other: a reminder to a clinic that has since submitted is skipped.
 */
export async function resendMail(viewer: TViewer, cycleId: string, mailId: string): Promise<{ mailId: string }> {
  const officer = asOfficer(viewer);
  const { cycle, message } = await findMailMessage(officer, cycleId, mailId);
  requireMail();
  if (message.status === "QUEUED" || message.status === "SENDING")
    throw new AppError("CONFLICT", "このメールはまだ送信待ちです。送信が終わってから再送してください。");
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.mailMessage.create({
      data: {
        id,
        cycleId: message.cycleId,
        prefectureCode: message.prefectureCode,
        kind: message.kind,
        institutionId: message.institutionId,
        hubId: message.hubId,
        submissionId: message.submissionId,
        userId: message.userId,
        recipient: message.recipient,
        recipientName: message.recipientName,
        respondentName: message.respondentName,
        details: (message.details ?? undefined) as Prisma.InputJsonValue | undefined,
        resendOfId: message.id,
        createdById: officer.userId,
      },
    });
    await insertAuditRows(tx, [
      auditRow(officer, {
        action: "mail.resend",
        entityType: "mail_message",
        entityId: id,
        prefectureCode: cycle.prefectureCode,
        summary: `${cycle.title}: ${message.respondentName} の ${message.recipient} へ「${MAIL_KIND_LABELS[message.kind]}」を再送`,
        after: { resendOf: message.id },
      }),
    ]);
  });
  await kickMailDispatch();
  return { mailId: id };
}
