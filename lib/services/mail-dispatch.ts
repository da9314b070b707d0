import "server-only";
import { db } from "@/lib/db";
import { enqueueMany } from "@/lib/jobs/queue";
import { endOfDayJst, toDateInputJst } from "@/lib/domain/jst-dates";
import { reminderSendAt } from "@/lib/mail/schedule";

export { reminderSendAt };
import type { TViewerOf } from "@/lib/auth/viewer-types";
import { isMailConfigured } from "./mailer";
import { queueBulkMail } from "./cycle-mail";

// The dispatcher and the reminder schedule of the cycle's mail (docs/decisions/0021-cycle-mail.md).

const DISPATCH_CHUNK = 500;

/**
 * Puts a "mail.send" job on the queue for each QUEUED row that has none yet, in chunks, and marks
 * the rows. A crash between the two leaves rows unmarked: the next run queues them again, and the
 * queue refuses a second job with the same key while the first waits (the send job itself also
 * ignores a row that is no longer QUEUED), so no mail goes out twice for that.
 */
export async function dispatchQueuedMail(): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.mailMessage.findMany({
      where: { status: "QUEUED", dispatchedAt: null },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: DISPATCH_CHUNK,
    });
    if (rows.length === 0) return total;
    await enqueueMany(
      "mail.send",
      rows.map((r) => ({ mailId: r.id })),
      (p) => p.mailId,
    );
    await db.mailMessage.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, dispatchedAt: null },
      data: { dispatchedAt: new Date() },
    });
    total += rows.length;
    if (rows.length < DISPATCH_CHUNK) return total;
  }
}

/**
 * The reminder schedule acts for the prefecture that set it, with no signed-in person (audited as
 * "schedule"). `unsafe`: it grants a prefecture's scope without sign-in; only the scheduled job uses it.
 */
function unsafeScheduleViewer(prefectureCode: string): TViewerOf<"prefecture"> {
  return { role: "prefecture", userId: null, email: "schedule", name: "督促の予定", prefectureCode };
}

/**
 * Runs the reminder rounds that are due (every few minutes, on one instance at a time). A round
 * is one MailBatch with the key "schedule:<days>", unique per cycle, so it is sent once however
 * many instances look. When rounds were missed (the server was down), only the latest is sent and
 * the older ones are recorded as passed: nobody gets two reminders on the same day.
 */
export async function runReminderSchedule(now = new Date()): Promise<number> {
  if (!isMailConfigured()) return 0;
  const schedules = await db.cycleMailSchedule.findMany({ where: { NOT: { reminderDays: { isEmpty: true } } } });
  let rounds = 0;
  for (const schedule of schedules) {
    const cycle = await db.reportingCycle.findUnique({
      where: { id: schedule.cycleId },
      select: { id: true, prefectureCode: true, status: true, closesAt: true },
    });
    if (!cycle || cycle.status !== "OPEN" || now > endOfDayJst(toDateInputJst(cycle.closesAt))) continue;
    const due = schedule.reminderDays.filter((d) => reminderSendAt(cycle.closesAt, d) <= now).sort((a, b) => a - b);
    if (due.length === 0) continue;
    const done = new Set(
      (
        await db.mailBatch.findMany({
          where: { cycleId: cycle.id, scheduleKey: { in: due.map((d) => `schedule:${d}`) } },
          select: { scheduleKey: true },
        })
      ).map((b) => b.scheduleKey),
    );
    const [latest, ...older] = due;
    for (const days of older.filter((d) => !done.has(`schedule:${d}`)))
      await db.mailBatch
        .create({
          data: {
            cycleId: cycle.id,
            prefectureCode: cycle.prefectureCode,
            kind: "REMINDER",
            scheduleKey: `schedule:${days}`,
            total: 0,
            // No starter: what marks the round as passed over (lib/data/cycle-mail.ts, `missed`).
            createdByEmail: null,
          },
        })
        .catch(() => undefined);
    if (latest === undefined || done.has(`schedule:${latest}`)) continue;
    const viewer = unsafeScheduleViewer(cycle.prefectureCode);
    const sent = await queueBulkMail(viewer, cycle.id, { kind: "REMINDER" }, { scheduleKey: `schedule:${latest}` });
    if (sent) rounds += 1;
  }
  return rounds;
}
