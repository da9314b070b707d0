import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { notFoundError } from "@/lib/errors";
import { prefectureName } from "@/lib/domain/prefectures";
import { defaultMailSender } from "@/lib/mail/templates/cycle-mails";
import type { TMailSender } from "@/lib/mail/templates/blocks";
import type { TResponseStatus } from "@/lib/aggregation/status";
import { NOT_YET_SUBMITTED, type TRespondentFilter } from "@/lib/prefecture/filters";
import type { MailKind, MailStatus } from "@/lib/generated/prisma/enums";
import { findCycle, type TCycle } from "./cycles";
import { respondentsWhere } from "./review";
import { viewerPrefecture } from "./scope";

// Reads of the cycle's mail (docs/decisions/0021-cycle-mail.md): the prefecture's sender settings,
// the reminder schedule, who a bulk send would reach, the send log and the progress of its batches.

/** The sender as mails are signed: the saved settings, or the defaults. */
export async function getMailSettings(viewer: TViewer): Promise<{ sender: TMailSender; saved: boolean }> {
  const code = viewerPrefecture(viewer);
  if (!code) throw notFoundError("都道府県");
  return unsafeMailSender(code);
}

/** The sender of a prefecture, for the send job (no viewer: it acts for the prefecture that queued). */
export async function unsafeMailSender(prefectureCode: string): Promise<{ sender: TMailSender; saved: boolean }> {
  const row = await db.prefectureMailSettings.findUnique({ where: { prefectureCode } });
  const name = prefectureName(prefectureCode);
  if (!row) return { sender: defaultMailSender(name), saved: false };
  return {
    sender: { prefectureName: name, senderName: row.senderName, contact: row.contact, signature: row.signature },
    saved: true,
  };
}

/** Days before the deadline on which the cycle sends reminders by itself (descending). */
export async function getReminderSchedule(viewer: TViewer, cycleId: string): Promise<number[]> {
  const cycle = await findCycle(viewer, cycleId);
  const row = await db.cycleMailSchedule.findUnique({ where: { cycleId: cycle.id } });
  return [...(row?.reminderDays ?? [])].sort((a, b) => b - a);
}

// ---- Who a bulk send reaches -------------------------------------------------------------------

export type TBulkKind = "ANNOUNCEMENT" | "REMINDER";
export type TBulkFilter = Partial<Pick<TRespondentFilter, "zone" | "municipality" | "status">>;

export type TPlannedMail = {
  kind: "ANNOUNCEMENT" | "INVITATION" | "REMINDER";
  userId: string;
  email: string;
  name: string;
  respondentType: "institution" | "hub";
  respondentId: string;
  respondentCode: string | null;
  respondentName: string;
  status: TResponseStatus;
};

export type TRespondentWithoutAccount = {
  respondentId: string;
  code: string | null;
  name: string;
  contactEmail: string | null;
  address: string | null;
  status: TResponseStatus;
};

export type TBulkPlan = { mails: TPlannedMail[]; withoutAccount: TRespondentWithoutAccount[]; respondents: number };

/**
 * The messages a bulk send of `kind` would queue for the respondents matching the filter: 案内 to
 * accounts that have a password, 案内＋パスワード設定 to those that have none yet; 督促 only to
 * respondents that still owe a report (未着手・下書き・差戻し). Respondents without any active
 * account are listed apart (for a letter, or accounts from the roster first).
 */
export async function planBulkMail(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind">,
  kind: TBulkKind,
  filter: TBulkFilter,
): Promise<TBulkPlan> {
  const owed: TResponseStatus[] = filter.status
    ? NOT_YET_SUBMITTED.filter((s) => s === filter.status)
    : [...NOT_YET_SUBMITTED];
  if (kind === "REMINDER" && owed.length === 0) return { mails: [], withoutAccount: [], respondents: 0 };
  const where = await respondentsWhere(viewer, cycle, {
    q: undefined,
    kind: undefined,
    zone: filter.zone,
    municipality: filter.municipality,
    status: kind === "REMINDER" ? owed : filter.status,
  });
  const users = {
    where: { isActive: true },
    select: { id: true, email: true, name: true, passwordHash: true },
    orderBy: { email: "asc" },
  } as const;
  const submissions = { where: { cycleId: cycle.id }, select: { status: true } } as const;
  const respondents =
    "institution" in where
      ? (
          await db.institution.findMany({
            where: where.institution,
            select: { id: true, code: true, name: true, contactEmail: true, address: true, users, submissions },
            orderBy: [{ municipalityCode: "asc" }, { code: "asc" }],
          })
        ).map((r) => ({ ...r, type: "institution" as const }))
      : (
          await db.hub.findMany({
            where: where.hub,
            select: { id: true, name: true, contactEmail: true, users, submissions },
            orderBy: { name: "asc" },
          })
        ).map((r) => ({ ...r, code: null, address: null, type: "hub" as const }));
  const plan: TBulkPlan = { mails: [], withoutAccount: [], respondents: respondents.length };
  for (const r of respondents) {
    const status: TResponseStatus = r.submissions[0]?.status ?? "NOT_STARTED";
    if (r.users.length === 0) {
      plan.withoutAccount.push({
        respondentId: r.id,
        code: r.code,
        name: r.name,
        contactEmail: r.contactEmail,
        address: r.address,
        status,
      });
      continue;
    }
    for (const u of r.users)
      plan.mails.push({
        kind: kind === "REMINDER" ? "REMINDER" : u.passwordHash === null ? "INVITATION" : "ANNOUNCEMENT",
        userId: u.id,
        email: u.email,
        name: u.name,
        respondentType: r.type,
        respondentId: r.id,
        respondentCode: r.code,
        respondentName: r.name,
        status,
      });
  }
  return plan;
}

// ---- The send log --------------------------------------------------------------------------------

export const MAIL_LOG_PAGE_SIZE = 50;

export const ZMailLogFilter = z.object({
  status: z
    .enum(["QUEUED", "SENDING", "SENT", "DELIVERED", "BOUNCED", "FAILED", "SKIPPED"])
    .optional()
    .catch(undefined),
  kind: z
    .enum(["ANNOUNCEMENT", "INVITATION", "REMINDER", "RETURNED", "CONFIRMED", "REOPENED", "RECEIPT", "QUERY"])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TMailLogFilter = z.infer<typeof ZMailLogFilter>;

const logSelect = {
  id: true,
  kind: true,
  recipient: true,
  recipientName: true,
  respondentName: true,
  status: true,
  attempts: true,
  error: true,
  createdAt: true,
  sentAt: true,
  updatedAt: true,
  batchId: true,
  resendOfId: true,
} as const satisfies Prisma.MailMessageSelect;

export type TMailLogRow = Prisma.MailMessageGetPayload<{ select: typeof logSelect }>;

/** One page of the cycle's send log, newest first. */
export async function listMailLog(viewer: TViewer, cycleId: string, filter: TMailLogFilter) {
  const cycle = await findCycle(viewer, cycleId);
  const where: Prisma.MailMessageWhereInput = {
    cycleId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.q
      ? {
          OR: [
            { recipient: { contains: filter.q, mode: "insensitive" } },
            { respondentName: { contains: filter.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [total, rows, counts] = await Promise.all([
    db.mailMessage.count({ where }),
    db.mailMessage.findMany({
      where,
      select: logSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * MAIL_LOG_PAGE_SIZE,
      take: MAIL_LOG_PAGE_SIZE,
    }),
    db.mailMessage.groupBy({ by: ["status"], where: { cycleId: cycle.id }, _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<
    Record<MailStatus, number>
  >;
  return { cycle, rows, total, byStatus, pages: Math.max(1, Math.ceil(total / MAIL_LOG_PAGE_SIZE)), page: filter.page };
}

export type TBatchProgress = {
  id: string;
  kind: MailKind;
  scheduleKey: string | null;
  createdAt: Date;
  /** Who started it: an officer's address, "schedule" for a scheduled round. */
  createdByEmail: string | null;
  /**
   * A scheduled round that was passed over (its time had gone by when the schedule next ran: the
   * server was stopped, or the day was added after it): recorded so it is not sent late, sends nothing.
   */
  missed: boolean;
  total: number;
  counts: Partial<Record<MailStatus, number>>;
  /** Messages no longer waiting (sent, bounced, failed or skipped). */
  done: number;
};

/** The cycle's latest bulk sends with how far each has got (the progress on the page). */
export async function listMailBatches(viewer: TViewer, cycleId: string, take = 10): Promise<TBatchProgress[]> {
  const cycle = await findCycle(viewer, cycleId);
  const batches = await db.mailBatch.findMany({
    where: { cycleId: cycle.id, prefectureCode: cycle.prefectureCode },
    orderBy: { createdAt: "desc" },
    take,
  });
  if (batches.length === 0) return [];
  const counts = await db.mailMessage.groupBy({
    by: ["batchId", "status"],
    where: { batchId: { in: batches.map((b) => b.id) } },
    _count: { _all: true },
  });
  return batches.map((b) => {
    const mine = counts.filter((c) => c.batchId === b.id);
    const byStatus = Object.fromEntries(mine.map((c) => [c.status, c._count._all])) as Partial<
      Record<MailStatus, number>
    >;
    const waiting = (byStatus.QUEUED ?? 0) + (byStatus.SENDING ?? 0);
    return {
      id: b.id,
      kind: b.kind,
      scheduleKey: b.scheduleKey,
      createdAt: b.createdAt,
      createdByEmail: b.createdByEmail,
      // runReminderSchedule records a passed-over round with no one as its starter.
      missed: b.scheduleKey !== null && b.createdByEmail === null,
      total: b.total,
      counts: byStatus,
      done: b.total - waiting,
    };
  });
}

/** One message of the viewer's prefecture (for a resend), or NOT_FOUND. */
export async function findMailMessage(viewer: TViewer, cycleId: string, mailId: string) {
  const cycle = await findCycle(viewer, cycleId);
  const message = await db.mailMessage.findFirst({
    where: { id: mailId, cycleId: cycle.id, prefectureCode: cycle.prefectureCode },
  });
  if (!message) throw notFoundError("メール");
  return { cycle, message };
}
