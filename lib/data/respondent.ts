import "server-only";
import { db, hotQuery, Prisma } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { forbiddenError, notFoundError } from "@/lib/errors";
import { cycleWritability, type TWritability } from "@/lib/domain/cycle-window";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { getRespondentDefinition } from "./questionnaires";
import { cycleScope } from "./scope";
import { parseSoftWarnings, parseStoredAnswers, parseStoredDerived } from "./json-columns";

/**
 * The respondent side of a cycle — an institution filling in the clinic report or a hub its
 * self-assessment. One set of functions serves both: the respondent is always derived from the
 * signed-in viewer, never taken from the request.
 */
export type TRespondentViewer = TViewerOf<"institution" | "hub">;

export function asRespondent(viewer: TViewer): TRespondentViewer {
  if (viewer.role !== "institution" && viewer.role !== "hub") throw forbiddenError();
  return viewer;
}

export function respondentWhere(viewer: TRespondentViewer): { institutionId: string } | { hubId: string } {
  return viewer.role === "institution" ? { institutionId: viewer.institutionId } : { hubId: viewer.hubId };
}

const submissionSelect = {
  id: true,
  status: true,
  answers: true,
  draftVersion: true,
  isAmending: true,
  revision: true,
  derived: true,
  submittedAt: true,
  reviewedAt: true,
  reviewComment: true,
  reopenedUntil: true,
  updatedAt: true,
  questionnaireVersionId: true,
  warningExplanations: true,
} as const satisfies Prisma.SubmissionSelect;

export type TRespondentSubmission = Prisma.SubmissionGetPayload<{ select: typeof submissionSelect }>;

/** A cycle the viewer may answer (its prefecture, its questionnaire kind), or NOT_FOUND. */
export async function findRespondentCycle(viewer: TRespondentViewer, cycleId: string) {
  const cycle = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { id: cycleId }] },
    include: { questionnaireVersion: { select: { id: true, versionKey: true, label: true } } },
  });
  if (!cycle || cycle.status === "PREPARING") throw notFoundError("報告");
  return cycle;
}

/** The cycle (scoped as above) together with the viewer's own submission, in one query. */
export async function findRespondentCycleWithSubmission(viewer: TRespondentViewer, cycleId: string) {
  const row = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { id: cycleId }] },
    include: { submissions: { where: respondentWhere(viewer), select: submissionSelect } },
  });
  if (!row || row.status === "PREPARING") throw notFoundError("報告");
  const { submissions, ...cycle } = row;
  return { cycle, submission: submissions[0] ?? null };
}

export async function findOwnSubmission(viewer: TRespondentViewer, cycleId: string) {
  return db.submission.findFirst({
    where: { cycleId, ...respondentWhere(viewer) },
    select: submissionSelect,
  });
}

/** Whether the respondent can still change its answers (window, reopening). */
export function writabilityOf(
  cycle: { status: "PREPARING" | "OPEN" | "CLOSED"; opensAt: Date; closesAt: Date },
  submission: { reopenedUntil: Date | null } | null,
  now = new Date(),
): TWritability {
  return cycleWritability(cycle, submission?.reopenedUntil, now);
}

/** The answers the form edits: the saved working copy, or for a fresh draft the NDB values. */
export function initialAnswers(
  viewer: TRespondentViewer,
  submission: TRespondentSubmission | null,
  ndb: Record<string, number>,
): TAnswers {
  if (submission) return parseStoredAnswers(submission.answers);
  return viewer.role === "institution" ? { ...ndb } : {};
}

export async function getNdbValues(viewer: TRespondentViewer, cycleId: string): Promise<Record<string, number>> {
  if (viewer.role !== "institution") return {};
  const rows = await db.ndbPrefill.findMany({
    where: { cycleId, institutionId: viewer.institutionId },
    select: { itemKey: true, value: true },
  });
  return Object.fromEntries(rows.map((r) => [r.itemKey, r.value]));
}

/** Every cycle of the viewer's questionnaire in its prefecture, newest first, with its own status. */
export async function listRespondentCycles(viewer: TRespondentViewer) {
  const cycles = await db.reportingCycle.findMany({
    where: { AND: [cycleScope(viewer), { status: { not: "PREPARING" } }] },
    orderBy: { fiscalYear: "desc" },
    include: {
      questionnaireVersion: { select: { label: true } },
      submissions: { where: respondentWhere(viewer), select: submissionSelect },
    },
  });
  const now = new Date();
  return cycles.map(({ submissions, ...cycle }) => {
    const submission = submissions[0] ?? null;
    return { cycle, submission, writability: writabilityOf(cycle, submission, now) };
  });
}

/** The previous year's cycle of the same questionnaire, with the respondent's latest submitted answers. */
type TPreviousRow = {
  cycleId: string;
  fiscalYear: number;
  versionKey: string;
  questionnaireVersionId: string;
  answers: unknown;
  derived: unknown;
  revision: number;
  submittedAt: Date;
};

/**
 * The respondent's latest submitted revision in the most recent earlier cycle of its kind (null when
 * that cycle has none). One raw statement on the pool: a submission reads it for its soft rules'
 * year-over-year checks, so it is on the deadline-rush path, where the ORM's nested include cost
 * three queries and the query compiler's CPU (docs/decisions/0012).
 */
export async function findPreviousSubmission(viewer: TRespondentViewer, cycle: { fiscalYear: number; kind: string }) {
  const kind = viewer.role === "institution" ? "CLINIC_REPORT" : "HUB_SELF_ASSESSMENT";
  const respondent =
    viewer.role === "institution"
      ? Prisma.sql`s."institutionId" = ${viewer.institutionId}`
      : Prisma.sql`s."hubId" = ${viewer.hubId}`;
  const [row] = await hotQuery<TPreviousRow>(Prisma.sql`
    WITH previous AS (
      SELECT c."id", c."fiscalYear", c."questionnaireVersionId" FROM "ReportingCycle" c
      WHERE c."prefectureCode" = ${viewer.prefectureCode} AND c."kind" = ${kind}::"QuestionnaireKind"
        AND c."fiscalYear" < ${cycle.fiscalYear}
      ORDER BY c."fiscalYear" DESC LIMIT 1)
    SELECT p."id" AS "cycleId", p."fiscalYear", p."questionnaireVersionId", v."versionKey",
           r."answers", r."derived", r."revision", r."submittedAt"
    FROM previous p
    JOIN "QuestionnaireVersion" v ON v."id" = p."questionnaireVersionId"
    JOIN "Submission" s ON s."cycleId" = p."id" AND ${respondent} AND s."revision" > 0
    JOIN LATERAL (
      SELECT x."answers", x."derived", x."revision", x."submittedAt" FROM "SubmissionRevision" x
      WHERE x."submissionId" = s."id" ORDER BY x."revision" DESC LIMIT 1) r ON true
    LIMIT 1`);
  if (!row) return null;
  return {
    cycle: { id: row.cycleId, fiscalYear: row.fiscalYear },
    versionKey: row.versionKey,
    questionnaireVersionId: row.questionnaireVersionId,
    answers: parseStoredAnswers(row.answers),
    derived: parseStoredDerived(row.derived),
    revision: row.revision,
    submittedAt: row.submittedAt,
  };
}

export async function listOwnRevisions(viewer: TRespondentViewer, cycleId: string) {
  const submission = await db.submission.findFirst({
    where: { cycleId, ...respondentWhere(viewer) },
    select: {
      id: true,
      questionnaireVersionId: true,
      cycle: { select: { fiscalYear: true } },
      revisions: {
        orderBy: { revision: "asc" },
        select: { revision: true, answers: true, derived: true, submittedAt: true, channel: true, kind: true },
      },
    },
  });
  if (!submission) return null;
  const definition = await getRespondentDefinition(submission.questionnaireVersionId, submission.cycle.fiscalYear);
  return {
    submissionId: submission.id,
    definition,
    revisions: submission.revisions.map((r) => ({
      ...r,
      answers: parseStoredAnswers(r.answers),
      derived: parseStoredDerived(r.derived),
    })),
  };
}

/** Who the respondent is, for headings and receipts. */
export async function getRespondentIdentity(viewer: TRespondentViewer) {
  if (viewer.role === "institution") {
    const institution = await db.institution.findUniqueOrThrow({
      where: { id: viewer.institutionId },
      select: { name: true, code: true, municipality: { select: { name: true } } },
    });
    return { name: institution.name, code: institution.code, place: institution.municipality.name };
  }
  const hub = await db.hub.findUniqueOrThrow({
    where: { id: viewer.hubId },
    select: { name: true, zone: { select: { name: true } } },
  });
  return { name: hub.name, code: null, place: hub.zone.name };
}

/** One submitted revision of the respondent's own report (the latest when none is named). */
export async function getOwnRevision(viewer: TRespondentViewer, cycleId: string, revision?: number) {
  const cycle = await findRespondentCycle(viewer, cycleId);
  const submission = await db.submission.findFirst({
    where: { cycleId, ...respondentWhere(viewer), revision: { gt: 0 } },
    select: { id: true, revision: true, status: true, questionnaireVersionId: true },
  });
  if (!submission) throw notFoundError("提出済みの報告");
  const wanted = revision ?? submission.revision;
  const row = await db.submissionRevision.findUnique({
    where: { submissionId_revision: { submissionId: submission.id, revision: wanted } },
  });
  if (!row) throw notFoundError(`第${wanted}版`);
  return {
    cycle,
    submission,
    definition: await getRespondentDefinition(submission.questionnaireVersionId, cycle.fiscalYear),
    revision: {
      ...row,
      answers: parseStoredAnswers(row.answers),
      derived: parseStoredDerived(row.derived),
      softWarnings: parseSoftWarnings(row.softWarnings),
    },
  };
}
