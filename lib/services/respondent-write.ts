import "server-only";
import { db, Prisma } from "@/lib/db";
import type { TRespondentViewer } from "@/lib/data/respondent";
import type { TAnswers } from "@/lib/questionnaire/answers";
import type { TDerivedStatus } from "@/lib/questionnaire/derive";
import type { TInstitutionKind, TResponseStatus } from "@/lib/aggregation";
import { newId } from "./bulk";
import {
  counterDelta,
  counterDeltaSql,
  isCounterRowProblem,
  recountClinicCounters,
  type TCountedReport,
  type TCounterDelta,
} from "./counters";

// The statements behind the respondent's counted writes — the first draft, a submission, an
// amendment (docs/decisions/0012-deadline-rush-write-path.md). Each is ONE SQL statement: the
// optimistic version check and the write of the submission, its frozen revision, its audit row
// and the delta to the municipality's counters and the cycle's total. One round trip, atomic
// without an interactive transaction, row locks held for that statement only; so a committed
// report always has its counters, and a report whose counters cannot be written is not
// committed either (it is then written again in a transaction that recounts the municipality).

/** Where the respondent sits in the counters (clinic reports of institutions only). */
export type TCounterPosition = {
  institutionId: string;
  municipalityCode: string;
  kind: TInstitutionKind;
  active: boolean;
  /** The latest submitted revision's answers and derived status (null before the first). */
  latest: { answers: TAnswers; derived: TDerivedStatus } | null;
};

/** Reads the respondent's position; null for hubs and for cycles that are not clinic reports. */
export async function readCounterPosition(
  respondent: TRespondentViewer,
  cycle: { kind: string },
  submission: { id: string; revision: number } | null,
): Promise<TCounterPosition | null> {
  if (respondent.role !== "institution" || cycle.kind !== "CLINIC_REPORT") return null;
  const rows = await db.$queryRaw<
    {
      kind: TInstitutionKind;
      municipalityCode: string;
      isActive: boolean;
      answers: TAnswers | null;
      derived: TDerivedStatus | null;
    }[]
  >`
    SELECT i."kind"::text AS "kind", i."municipalityCode", i."isActive", r."answers", r."derived"
    FROM "Institution" i
    LEFT JOIN "SubmissionRevision" r ON r."submissionId" = ${submission?.id ?? ""} AND r."revision" = ${submission?.revision ?? 0}
    WHERE i."id" = ${respondent.institutionId}`;
  const row = rows[0];
  if (!row) return null;
  return {
    institutionId: respondent.institutionId,
    municipalityCode: row.municipalityCode,
    kind: row.kind,
    active: row.isActive,
    latest: row.answers && row.derived ? { answers: row.answers, derived: row.derived } : null,
  };
}

export type TSubmissionState = { status: TResponseStatus; revision: number; versionId: string };

/** The counters' delta for a respondent moving from one state to another. */
export async function deltaFor(
  cycleId: string,
  position: TCounterPosition | null,
  before: TSubmissionState,
  after: TSubmissionState & { answers?: TAnswers; derived?: TDerivedStatus },
): Promise<TCounterDelta | null> {
  if (!position) return null;
  const counted = (state: TSubmissionState, latest: TCounterPosition["latest"]): TCountedReport => ({
    kind: position.kind,
    active: position.active,
    status: state.status,
    revision: state.revision > 0 && latest ? { versionId: state.versionId, ...latest } : null,
  });
  const afterLatest =
    after.answers && after.derived && after.revision !== before.revision
      ? { answers: after.answers, derived: after.derived }
      : position.latest;
  return counterDelta(
    cycleId,
    position.municipalityCode,
    counted(before, position.latest),
    counted(after, afterLatest),
  );
}

type TAudit = Prisma.AuditEventCreateManyInput;

export type TCountedWrite = {
  respondent: TRespondentViewer;
  cycleId: string;
  prefectureCode: string;
  versionId: string;
  /** The submission as read (null: none yet, the statement creates it). */
  existing: { id: string; draftVersion: number; status: TResponseStatus; revision: number } | null;
  answers: TAnswers;
  /** For a submission: the new revision with its derived status; absent for a draft. */
  submit: { revision: number; derived: TDerivedStatus; submittedById: string | null } | null;
  now: Date;
  audit: (submissionId: string) => TAudit;
  position: TCounterPosition | null;
  change: TCounterDelta | null;
};

export type TCountedWriteResult = { ok: true; submissionId: string } | { ok: false; reason: "stale" | "moved" };

const iso = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
const json = (value: unknown) =>
  Prisma.sql`${value === undefined || value === null ? null : JSON.stringify(value)}::jsonb`;

function statement(write: TCountedWrite, withCounters: boolean): Prisma.Sql {
  const { existing, submit, now, position } = write;
  const id = existing?.id ?? newId();
  const respondentColumn = Prisma.raw(write.respondent.role === "institution" ? `"institutionId"` : `"hubId"`);
  const respondentId =
    write.respondent.role === "institution" ? write.respondent.institutionId : write.respondent.hubId;
  const answers = JSON.stringify(write.answers);
  // The institution must still be where the delta was computed for (a roster import may move it).
  const positionCte = position
    ? Prisma.sql`position_ok AS (
        SELECT 1 FROM "Institution" WHERE "id" = ${position.institutionId} AND "kind" = ${position.kind}::"InstitutionKind"
          AND "municipalityCode" = ${position.municipalityCode} AND "isActive" = ${position.active} FOR SHARE),`
    : Prisma.sql`position_ok AS (SELECT 1),`;
  const status = submit ? Prisma.sql`'SUBMITTED'::"SubmissionStatus"` : Prisma.sql`'DRAFT'::"SubmissionStatus"`;
  const written = existing
    ? Prisma.sql`written AS (
        UPDATE "Submission" SET "answers" = ${answers}::jsonb, "draftVersion" = "draftVersion" + 1, "updatedAt" = ${iso(now)}
          ${submit ? Prisma.sql`, "status" = ${status}, "revision" = ${submit.revision}, "derived" = ${json(submit.derived)}, "submittedAt" = ${iso(now)}, "isAmending" = false` : Prisma.empty}
        WHERE "id" = ${existing.id} AND "draftVersion" = ${existing.draftVersion}
          AND "status" = ${existing.status}::"SubmissionStatus" AND "revision" = ${existing.revision}
          AND EXISTS (SELECT 1 FROM position_ok)
        RETURNING "id")`
    : Prisma.sql`written AS (
        INSERT INTO "Submission" ("id", "cycleId", "questionnaireVersionId", ${respondentColumn}, "prefectureCode", "status", "answers",
          "draftVersion", "revision", "derived", "submittedAt", "updatedAt")
        SELECT ${id}, ${write.cycleId}, ${write.versionId}, ${respondentId}, ${write.prefectureCode}, ${status}, ${answers}::jsonb,
          1, ${submit?.revision ?? 0}, ${json(submit?.derived)}, ${submit ? iso(now) : null}, ${iso(now)}
        WHERE EXISTS (SELECT 1 FROM position_ok)
        ON CONFLICT DO NOTHING
        RETURNING "id")`;
  const revision = submit
    ? Prisma.sql`, revised AS (
        INSERT INTO "SubmissionRevision" ("id", "submissionId", "revision", "answers", "derived", "submittedAt", "submittedById")
        SELECT ${newId()}, written."id", ${submit.revision}, ${answers}::jsonb, ${json(submit.derived)}, ${iso(now)}, ${submit.submittedById}
        FROM written)`
    : Prisma.empty;
  const a = write.audit(id);
  const counters = counterDeltaSql(withCounters ? write.change : null, "written");
  return Prisma.sql`
    WITH ${positionCte}
    ${written}${revision},
    audited AS (
      INSERT INTO "AuditEvent" ("at", "actorId", "actorEmail", "actorRole", "action", "entityType", "entityId", "prefectureCode", "summary", "before", "after")
      SELECT ${iso(now)}, ${a.actorId}, ${a.actorEmail}, ${a.actorRole}::"Role", ${a.action}, ${a.entityType}, written."id",
             ${a.prefectureCode}, ${a.summary}, ${json(a.before)}, ${json(a.after)}
      FROM written)
    ${counters.ctes}
    SELECT (SELECT "id" FROM written) AS "id", ${counters.assertion} AS "written", (SELECT count(*) FROM position_ok) AS "positioned"`;
}

type TRow = { id: string | null; written: bigint; positioned: bigint };

/**
 * Writes the draft or submission with its counters in one statement. When the counter rows could
 * not take the delta (missing, another format, drifted), nothing was written: the same write then
 * runs in a transaction that recounts the municipality and the cycle's total.
 */
export async function writeCounted(write: TCountedWrite): Promise<TCountedWriteResult> {
  let row: TRow | undefined;
  try {
    [row] = await db.$queryRaw<TRow[]>(statement(write, true));
  } catch (error) {
    if (!isCounterRowProblem(error) || !write.change) throw error;
    const change = write.change;
    row = await db.$transaction(async (tx) => {
      const [inner] = await tx.$queryRaw<TRow[]>(statement(write, false));
      if (inner?.id) await recountClinicCounters(change.cycleId, [change.municipalityCode], tx);
      return inner;
    });
  }
  if (row?.id) return { ok: true, submissionId: row.id };
  return { ok: false, reason: row && Number(row.positioned) === 0 ? "moved" : "stale" };
}
