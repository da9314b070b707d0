import "server-only";
import { db, hotQuery, Prisma } from "@/lib/db";
import type { RevisionKind } from "@/lib/generated/prisma/client";
import type { TRespondentViewer } from "@/lib/data/respondent";
import type { TAnswers } from "@/lib/questionnaire/answers";
import type { TDerivedStatus } from "@/lib/questionnaire/derive";
import type { TInstitutionKind, TResponseStatus } from "@/lib/aggregation";
import type { TExplanations, TStoredSoftWarnings } from "@/lib/questionnaire/soft-rules";
import { newId } from "./bulk";
import { parseWarningExplanations } from "@/lib/data/json-columns";
import {
  counterDelta,
  counterDeltaSql,
  isCounterRowProblem,
  recountClinicCounters,
  SUSPENDED_AT_REFERENCE_SQL,
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

type TContextRow = {
  id: string;
  status: "PREPARING" | "OPEN" | "CLOSED";
  kind: "CLINIC_REPORT" | "HUB_SELF_ASSESSMENT";
  fiscalYear: number;
  opensAt: Date;
  closesAt: Date;
  prefectureCode: string;
  questionnaireVersionId: string;
  sId: string | null;
  sStatus: "DRAFT" | "SUBMITTED" | "RETURNED" | "CONFIRMED" | null;
  sAnswers: TAnswers | null;
  sDraftVersion: number | null;
  sUpdatedAt: Date | null;
  sIsAmending: boolean | null;
  sRevision: number | null;
  sReopenedUntil: Date | null;
  sVersionId: string | null;
  sExplanations: unknown;
  iKind: TInstitutionKind | null;
  iBeds: number | null;
  iMunicipalityCode: string | null;
  iActive: boolean | null;
  rAnswers: TAnswers | null;
  rDerived: TDerivedStatus | null;
};

/**
 * Everything a save or a submission needs, in one raw query (the hottest read of Renkei: the ORM
 * query it replaces cost more CPU than the statement it prepares): the cycle in the viewer's
 * scope (its prefecture, its questionnaire kind), the respondent's own submission, and for an
 * institution its place in the counters with — when asked — the latest revision counted there.
 * null when there is no such cycle.
 */
export async function readWriteContext(respondent: TRespondentViewer, cycleId: string, withLatest: boolean) {
  const institutionId = respondent.role === "institution" ? respondent.institutionId : null;
  const owner =
    respondent.role === "institution"
      ? Prisma.sql`s."institutionId" = ${respondent.institutionId}`
      : Prisma.sql`s."hubId" = ${respondent.hubId}`;
  const kind = respondent.role === "institution" ? "CLINIC_REPORT" : "HUB_SELF_ASSESSMENT";
  const [row] = await hotQuery<TContextRow>(Prisma.sql`
    SELECT c."id", c."status"::text AS "status", c."kind"::text AS "kind", c."fiscalYear", c."opensAt", c."closesAt", c."prefectureCode",
           c."questionnaireVersionId",
           s."id" AS "sId", s."status"::text AS "sStatus", s."answers" AS "sAnswers", s."draftVersion" AS "sDraftVersion",
           s."updatedAt" AS "sUpdatedAt", s."isAmending" AS "sIsAmending", s."revision" AS "sRevision",
           s."reopenedUntil" AS "sReopenedUntil",
           s."questionnaireVersionId" AS "sVersionId", s."warningExplanations" AS "sExplanations",
           i."kind"::text AS "iKind", i."beds" AS "iBeds", i."municipalityCode" AS "iMunicipalityCode",
           (i."isActive" AND NOT ${SUSPENDED_AT_REFERENCE_SQL}) AS "iActive",
           r."answers" AS "rAnswers", r."derived" AS "rDerived"
    FROM "ReportingCycle" c
    LEFT JOIN "Submission" s ON s."cycleId" = c."id" AND ${owner}
    LEFT JOIN "Institution" i ON i."id" = ${institutionId ?? ""}
    LEFT JOIN "SubmissionRevision" r ON ${withLatest} AND r."submissionId" = s."id" AND r."revision" = s."revision"
    WHERE c."id" = ${cycleId} AND c."prefectureCode" = ${respondent.prefectureCode} AND c."kind" = ${kind}::"QuestionnaireKind"`);
  if (!row) return null;
  const cycle = {
    id: row.id,
    status: row.status,
    kind: row.kind,
    fiscalYear: row.fiscalYear,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    prefectureCode: row.prefectureCode,
    questionnaireVersionId: row.questionnaireVersionId,
  };
  const submission = row.sId
    ? {
        id: row.sId,
        status: row.sStatus!,
        answers: row.sAnswers ?? {},
        draftVersion: row.sDraftVersion!,
        updatedAt: row.sUpdatedAt!,
        isAmending: row.sIsAmending!,
        revision: row.sRevision!,
        reopenedUntil: row.sReopenedUntil,
        questionnaireVersionId: row.sVersionId!,
        explanations: parseWarningExplanations(row.sExplanations),
      }
    : null;
  const position: TCounterPosition | null =
    institutionId && row.kind === "CLINIC_REPORT" && row.iKind && row.iMunicipalityCode
      ? {
          institutionId,
          municipalityCode: row.iMunicipalityCode,
          kind: row.iKind,
          active: row.iActive ?? false,
          latest: row.rAnswers && row.rDerived ? { answers: row.rAnswers, derived: row.rDerived } : null,
        }
      : null;
  // What the soft rules read about the institution (ADR 0019), so the submit asks no more.
  const institution = institutionId && row.iKind ? { kind: row.iKind, beds: row.iBeds } : null;
  return { cycle, submission, position, institution };
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
  /** For a submission: the new revision with its derived status and soft warnings; absent for a draft. */
  submit: {
    revision: number;
    kind: RevisionKind;
    derived: TDerivedStatus;
    submittedById: string | null;
    softWarnings: TStoredSoftWarnings | null;
  } | null;
  /** The explanations of soft-rule warnings in the working copy (undefined: leave as they are). */
  explanations?: TExplanations;
  now: Date;
  audit: (submissionId: string) => TAudit;
  position: TCounterPosition | null;
  change: TCounterDelta | null;
  /** One more CTE reading `written`, in the same statement (the receipt mail, lib/services/mail-outbox.ts). */
  alsoCte?: Prisma.Sql | null;
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
  const explained =
    write.explanations === undefined ? Prisma.empty : Prisma.sql`, "warningExplanations" = ${json(write.explanations)}`;
  const written = existing
    ? Prisma.sql`written AS (
        UPDATE "Submission" SET "answers" = ${answers}::jsonb, "draftVersion" = "draftVersion" + 1, "updatedAt" = ${iso(now)}${explained}
          ${submit ? Prisma.sql`, "status" = ${status}, "revision" = ${submit.revision}, "derived" = ${json(submit.derived)}, "submittedAt" = ${iso(now)}, "isAmending" = false, "softWarnings" = ${json(submit.softWarnings)}` : Prisma.empty}
        WHERE "id" = ${existing.id} AND "draftVersion" = ${existing.draftVersion}
          AND "status" = ${existing.status}::"SubmissionStatus" AND "revision" = ${existing.revision}
          AND EXISTS (SELECT 1 FROM position_ok)
        RETURNING "id")`
    : Prisma.sql`written AS (
        INSERT INTO "Submission" ("id", "cycleId", "questionnaireVersionId", ${respondentColumn}, "prefectureCode", "status", "answers",
          "draftVersion", "revision", "derived", "submittedAt", "updatedAt", "warningExplanations", "softWarnings")
        SELECT ${id}, ${write.cycleId}, ${write.versionId}, ${respondentId}, ${write.prefectureCode}, ${status}, ${answers}::jsonb,
          1, ${submit?.revision ?? 0}, ${json(submit?.derived)}, ${submit ? iso(now) : null}, ${iso(now)},
          ${json(write.explanations)}, ${json(submit?.softWarnings)}
        WHERE EXISTS (SELECT 1 FROM position_ok)
        ON CONFLICT DO NOTHING
        RETURNING "id")`;
  const revision = submit
    ? Prisma.sql`, revised AS (
        INSERT INTO "SubmissionRevision" ("id", "submissionId", "revision", "kind", "answers", "derived", "submittedAt", "submittedById", "softWarnings")
        SELECT ${newId()}, written."id", ${submit.revision}, ${submit.kind}::"RevisionKind", ${answers}::jsonb, ${json(submit.derived)}, ${iso(now)}, ${submit.submittedById}, ${json(submit.softWarnings)}
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
    ${write.alsoCte ? Prisma.sql`, ${write.alsoCte}` : Prisma.empty}
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
    [row] = await hotQuery<TRow>(statement(write, true));
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
