import "server-only";
import { Prisma } from "@/lib/db";
import { enqueue } from "@/lib/jobs/queue";
import { isMailConfigured } from "./mailer";
import { newId } from "./bulk";

// The send log is also the outbox (docs/decisions/0021-cycle-mail.md): a use case that wants a
// mail writes its MailMessage rows (status QUEUED) in the transaction of the change itself, so a
// committed 差戻し always has its notice and a rolled-back one never does. After the commit it
// kicks the dispatcher ("mail.dispatch"), which puts one "mail.send" job per row on the queue; a
// kick that is lost (crash, database busy) is made up by the dispatcher's periodic run. The write
// answers success whatever happens to the mail afterwards.

type TTx = Pick<Prisma.TransactionClient, "$executeRaw">;

export type TNoticeKind = "RETURNED" | "CONFIRMED" | "REOPENED" | "QUERY";

/**
 * Queues a notice of `kind` to every active account of each submission's respondent, with what the
 * notice must say as of now (revision, the officer's comment, the reopened-until date, and `extra`:
 * e.g. a 照会's id, items and message). Nothing without a mail server. Returns the number of
 * messages queued.
 */
export async function queueSubmissionNotices(
  tx: TTx,
  kind: TNoticeKind,
  submissionIds: readonly string[],
  createdById: string | null,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<number> {
  if (!isMailConfigured() || submissionIds.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO "MailMessage" ("id", "cycleId", "prefectureCode", "kind", "institutionId", "hubId", "submissionId",
      "userId", "recipient", "recipientName", "respondentName", "details", "status", "createdById", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, s."cycleId", s."prefectureCode", ${kind}::"MailKind",
      s."institutionId", s."hubId", s."id", u."id", u."email", u."name", coalesce(i."name", h."name", ''),
      jsonb_build_object('revision', s."revision", 'comment', s."reviewComment",
        'reopenedUntil', to_char(s."reopenedUntil", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || ${JSON.stringify(extra)}::jsonb,
      'QUEUED'::"MailStatus", ${createdById}, (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
    FROM "Submission" s
    LEFT JOIN "Institution" i ON i."id" = s."institutionId"
    LEFT JOIN "Hub" h ON h."id" = s."hubId"
    JOIN "User" u ON u."isActive" AND ((s."institutionId" IS NOT NULL AND u."institutionId" = s."institutionId")
      OR (s."hubId" IS NOT NULL AND u."hubId" = s."hubId"))
    WHERE s."id" = ANY(${[...submissionIds]}::text[])`;
}

/**
 * A CTE that queues the receipt of a submission to the person who submitted, for the one-statement
 * write of lib/services/respondent-write.ts (it reads the CTE `written`). Null without a server.
 */
export function receiptCte(input: {
  submitterId: string | null;
  cycleId: string;
  prefectureCode: string;
  revision: number;
  revisionKind: string;
}): Prisma.Sql | null {
  if (!isMailConfigured() || !input.submitterId) return null;
  const details = JSON.stringify({ revision: input.revision, revisionKind: input.revisionKind });
  return Prisma.sql`mailed AS (
    INSERT INTO "MailMessage" ("id", "cycleId", "prefectureCode", "kind", "institutionId", "hubId", "submissionId",
      "userId", "recipient", "recipientName", "respondentName", "details", "status", "createdById", "createdAt", "updatedAt")
    SELECT ${newId()}, ${input.cycleId}, ${input.prefectureCode}, 'RECEIPT'::"MailKind", u."institutionId", u."hubId",
      written."id", u."id", u."email", u."name", coalesce(i."name", h."name", ''), ${details}::jsonb, 'QUEUED'::"MailStatus",
      u."id", (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
    FROM written
    JOIN "User" u ON u."id" = ${input.submitterId}
    LEFT JOIN "Institution" i ON i."id" = u."institutionId"
    LEFT JOIN "Hub" h ON h."id" = u."hubId")`;
}

/**
 * Asks the dispatcher to queue the send jobs of new rows now. Never throws: the periodic run of
 * the dispatcher picks up whatever a failed kick leaves.
 */
export async function kickMailDispatch(): Promise<void> {
  if (!isMailConfigured()) return;
  try {
    await enqueue("mail.dispatch", {}, { key: "dispatch" });
  } catch (error) {
    console.error("[renkei] mail dispatch kick failed:", error instanceof Error ? error.message : error);
  }
}
