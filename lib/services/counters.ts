import "server-only";
import { db, Prisma } from "@/lib/db";
import { getDefinition } from "@/lib/data/questionnaires";
import {
  CLINIC_COUNTERS_FORMAT,
  clinicCountersDelta,
  countClinicReport,
  countClinicReports,
  emptyClinicCounters,
  sumClinicCounters,
  type TClinicCounters,
  type TClinicReportInput,
  type TInstitutionKind,
  type TResponseStatus,
} from "@/lib/aggregation";
import type { TAnswers } from "@/lib/questionnaire/answers";
import type { TDerivedStatus } from "@/lib/questionnaire/derive";

// Keeps ClinicCounterCell / ClinicCounterTotal in step with the reports
// (docs/decisions/0011-dashboards-at-scale.md, 0012-deadline-rush-write-path.md). Every change
// that moves a respondent in the counters changes them in its own transaction:
// - the respondent's writes (first draft, submit, amend) add a delta — the report's new
//   contribution minus its old one — in the same SQL statement as the report (counterDeltaSql);
// - the prefecture's rarer writes (review decisions, reopening, imports, a new cycle) recount the
//   municipalities they touched inside their own transaction (recountClinicCounters with `tx`).
// It is a system step, not a read path: it sees every report of the cycle's prefecture by
// construction, and never returns rows to a viewer.

const MUNICIPALITIES_PER_TRANSACTION = 40;

type TClient = Prisma.TransactionClient;

/**
 * SQL of lib/domain/suspension isSuspendedFor, for institution `i` and cycle `c`: 休院 on the
 * cycle's 1 January reference date. Such an institution is a respondent only if it reports anyway.
 */
export const SUSPENDED_AT_REFERENCE_SQL = Prisma.sql`(i."suspendedSince" IS NOT NULL AND i."suspendedSince" <= ((c."fiscalYear" + 1)::text || '-01-01'))`;

type TReportRow = {
  municipalityCode: string;
  kind: TInstitutionKind;
  status: Exclude<TResponseStatus, "NOT_STARTED"> | null;
  revision: number | null;
  questionnaireVersionId: string | null;
  answers: TAnswers | null;
  derived: TDerivedStatus | null;
};

/**
 * Recounts the named municipalities (all of the prefecture when omitted) for a clinic-report
 * cycle and returns the stored rows it had to change (municipality codes, "total"). With `tx` it
 * runs inside that transaction (the caller's change and its counters commit together); without,
 * in transactions of 40 municipalities.
 */
export async function recountClinicCounters(
  cycleId: string,
  municipalityCodes?: readonly string[],
  tx?: TClient,
): Promise<string[]> {
  const client = tx ?? db;
  const cycle = await client.reportingCycle.findUnique({
    where: { id: cycleId },
    select: { kind: true, prefectureCode: true },
  });
  if (!cycle || cycle.kind !== "CLINIC_REPORT") return [];
  const codes =
    municipalityCodes ??
    (
      await client.municipality.findMany({ where: { prefectureCode: cycle.prefectureCode }, select: { code: true } })
    ).map((m) => m.code);
  const unique = [...new Set(codes)].sort();
  const inTransaction = (work: (t: TClient) => Promise<string[]>) => (tx ? work(tx) : db.$transaction(work));
  const corrected: string[] = [];
  // Inside a caller's transaction everything is one chunk: its cells are all locked (in code order)
  // before the total, as in every other writer. Chunks would lock cells after the total and could
  // deadlock with a submission holding a cell and waiting for the total.
  const size = tx ? Math.max(1, unique.length) : MUNICIPALITIES_PER_TRANSACTION;
  for (let i = 0; i < unique.length; i += size) {
    const chunk = unique.slice(i, i + size);
    corrected.push(...(await inTransaction((t) => recountChunk(t, cycleId, cycle.prefectureCode, chunk))));
  }
  if (unique.length === 0) corrected.push(...(await inTransaction((t) => resumTotal(t, cycleId))));
  return [...new Set(corrected)];
}

/** Recounts every clinic-report cycle of a prefecture (after a roster import), inside `tx`. */
export async function recountPrefecture(
  prefectureCode: string,
  municipalityCodes: readonly string[] | undefined,
  tx: TClient,
): Promise<void> {
  const cycles = await tx.reportingCycle.findMany({
    where: { prefectureCode, kind: "CLINIC_REPORT" },
    select: { id: true },
  });
  for (const cycle of cycles) await recountClinicCounters(cycle.id, municipalityCodes, tx);
}

export type TRecountResult = { cycles: number; municipalities: number; corrected: number };

/**
 * Recounts every municipality of the chosen clinic-report cycles (one cycle, a prefecture's, or
 * all) and says how many stored rows were wrong: the operators' `renkei recount`, needed after a
 * change of CLINIC_COUNTERS_FORMAT or a hand edit of the database. The background
 * reconciliation (reconcile.ts) does the same, scoped to what changed.
 */
export async function recountCycles(scope: { cycleId?: string; prefectureCode?: string }): Promise<TRecountResult> {
  const cycles = await db.reportingCycle.findMany({
    where: { kind: "CLINIC_REPORT", id: scope.cycleId, prefectureCode: scope.prefectureCode },
    select: { id: true, prefectureCode: true },
    orderBy: [{ prefectureCode: "asc" }, { fiscalYear: "asc" }],
  });
  const result: TRecountResult = { cycles: cycles.length, municipalities: 0, corrected: 0 };
  for (const cycle of cycles) {
    result.municipalities += await db.municipality.count({ where: { prefectureCode: cycle.prefectureCode } });
    result.corrected += (await recountClinicCounters(cycle.id)).length;
  }
  return result;
}

/** Recounts, inside `tx`, the municipalities of the institutions behind some submissions. */
export async function recountForSubmissions(tx: TClient, submissionIds: readonly string[]): Promise<void> {
  if (submissionIds.length === 0) return;
  const rows = await tx.submission.findMany({
    where: { id: { in: [...submissionIds] }, institutionId: { not: null } },
    select: { cycleId: true, institution: { select: { municipalityCode: true } } },
  });
  const byCycle = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.institution) continue;
    byCycle.set(row.cycleId, [...(byCycle.get(row.cycleId) ?? []), row.institution.municipalityCode]);
  }
  for (const [cycleId, codes] of byCycle) await recountClinicCounters(cycleId, codes, tx);
}

async function recountChunk(tx: TClient, cycleId: string, prefectureCode: string, codes: string[]): Promise<string[]> {
  // Rows exist before they are locked, so the first recount of a municipality also serialises.
  await tx.$executeRaw`
    INSERT INTO "ClinicCounterCell" ("cycleId", "municipalityCode", "counters", "format", "updatedAt")
    SELECT ${cycleId}, code, '{}'::jsonb, 0, now() FROM unnest(${codes}::text[]) AS code
    ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`
    SELECT 1 FROM "ClinicCounterCell"
    WHERE "cycleId" = ${cycleId} AND "municipalityCode" = ANY(${codes}::text[])
    ORDER BY "municipalityCode" FOR UPDATE`;

  // Every institution that is a respondent of the cycle — active and not 休院 on the cycle's
  // 1 January reference date (SUSPENDED_AT_REFERENCE_SQL), or reported anyway — with the answers
  // and derived status of its latest submitted revision. Read after the lock: a delta statement
  // that held a cell first has committed, one that comes later waits for us.
  const rows = await tx.$queryRaw<TReportRow[]>`
    SELECT i."municipalityCode", i."kind"::text AS "kind", s."status"::text AS "status", s."revision",
           s."questionnaireVersionId", r."answers", r."derived"
    FROM "Institution" i
    JOIN "ReportingCycle" c ON c."id" = ${cycleId}
    LEFT JOIN "Submission" s ON s."institutionId" = i."id" AND s."cycleId" = c."id"
    LEFT JOIN "SubmissionRevision" r ON r."submissionId" = s."id" AND r."revision" = s."revision"
    WHERE i."prefectureCode" = ${prefectureCode} AND i."municipalityCode" = ANY(${codes}::text[])
      AND ((i."isActive" AND NOT ${SUSPENDED_AT_REFERENCE_SQL}) OR s."revision" > 0)`;

  const inputs = new Map<string, TClinicReportInput[]>(codes.map((code) => [code, []]));
  for (const row of rows) {
    const revision =
      row.revision && row.revision > 0 && row.answers && row.derived && row.questionnaireVersionId
        ? {
            definition: await getDefinition(row.questionnaireVersionId, tx),
            answers: row.answers,
            derived: row.derived,
          }
        : null;
    inputs.get(row.municipalityCode)!.push({ kind: row.kind, status: row.status ?? "NOT_STARTED", revision });
  }
  const codesJson = [...inputs.keys()];
  const countersJson = codesJson.map((code) => JSON.stringify(countClinicReports(inputs.get(code)!)));
  // Only rows that differ are written, so the count returned is what a drift would have left wrong.
  const changed = await tx.$queryRaw<{ code: string }[]>`
    UPDATE "ClinicCounterCell" AS cell
    SET "counters" = data.counters::jsonb, "format" = ${CLINIC_COUNTERS_FORMAT}, "updatedAt" = now()
    FROM unnest(${codesJson}::text[], ${countersJson}::text[]) AS data(code, counters)
    WHERE cell."cycleId" = ${cycleId} AND cell."municipalityCode" = data.code
      AND (cell."format" <> ${CLINIC_COUNTERS_FORMAT} OR cell."counters" <> data.counters::jsonb)
    RETURNING cell."municipalityCode" AS code`;
  return [...changed.map((row) => row.code), ...(await resumTotal(tx, cycleId))];
}

async function resumTotal(tx: TClient, cycleId: string): Promise<string[]> {
  // The total row is locked too (after the cells, always in this order), so concurrent recounts
  // of different municipalities add up.
  await tx.$executeRaw`
    INSERT INTO "ClinicCounterTotal" ("cycleId", "counters", "format", "updatedAt")
    VALUES (${cycleId}, '{}'::jsonb, 0, now()) ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "ClinicCounterTotal" WHERE "cycleId" = ${cycleId} FOR UPDATE`;
  const cells = await tx.clinicCounterCell.findMany({
    where: { cycleId },
    select: { counters: true, format: true },
  });
  const total = cells.length
    ? sumClinicCounters(
        cells.filter((c) => c.format === CLINIC_COUNTERS_FORMAT).map((c) => c.counters as unknown as TClinicCounters),
      )
    : emptyClinicCounters();
  const changed = await tx.$executeRaw`
    UPDATE "ClinicCounterTotal" SET "counters" = ${JSON.stringify(total)}::jsonb, "format" = ${CLINIC_COUNTERS_FORMAT}, "updatedAt" = now()
    WHERE "cycleId" = ${cycleId}
      AND ("format" <> ${CLINIC_COUNTERS_FORMAT} OR "counters" <> ${JSON.stringify(total)}::jsonb)`;
  return changed > 0 ? ["total"] : [];
}

// ---- Deltas for the respondent's writes -----------------------------------------------------

/** Where a respondent sits in the counters, and what it is counted as before or after a change. */
export type TCountedReport = {
  kind: TInstitutionKind;
  active: boolean;
  status: TResponseStatus;
  /** The latest submitted revision (null before the first submission). */
  revision: { versionId: string; answers: TAnswers; derived: TDerivedStatus } | null;
};

/** The counters one respondent contributes (null: not a respondent of the cycle, as in recountChunk). */
export async function contributionOf(report: TCountedReport): Promise<TClinicCounters | null> {
  if (!report.active && !report.revision) return null;
  const revision = report.revision
    ? {
        definition: await getDefinition(report.revision.versionId),
        answers: report.revision.answers,
        derived: report.revision.derived,
      }
    : null;
  return countClinicReport({ kind: report.kind, status: report.status, revision });
}

export type TCounterDelta = {
  cycleId: string;
  municipalityCode: string;
  /** after − before (clinicCountersDelta); null when the change moves nothing. */
  delta: ReturnType<typeof clinicCountersDelta>;
};

/** The delta of one respondent's change (before → after), for counterDeltaSql. */
export async function counterDelta(
  cycleId: string,
  municipalityCode: string,
  before: TCountedReport,
  after: TCountedReport,
): Promise<TCounterDelta> {
  const [from, to] = await Promise.all([contributionOf(before), contributionOf(after)]);
  return { cycleId, municipalityCode, delta: clinicCountersDelta(from, to) };
}

/**
 * CTEs `counted_cell` and `counted_total` that add a delta to the municipality's cell and the
 * cycle's total, only when the CTE named `written` produced a row; and the expression that
 * raises RK002 (undoing the whole statement) when the report was written but its counter rows
 * are missing or of another format. Row locks are taken in the fixed order cell → total and held
 * for this one statement only, so submissions in one prefecture serialise for microseconds.
 */
export function counterDeltaSql(change: TCounterDelta | null, written: string) {
  const writtenRef = Prisma.raw(`"${written}"`);
  if (!change?.delta) {
    return {
      ctes: Prisma.empty,
      assertion: Prisma.sql`(SELECT count(*) FROM ${writtenRef})`,
    };
  }
  const delta = JSON.stringify(change.delta);
  return {
    ctes: Prisma.sql`,
    counted_cell AS (
      UPDATE "ClinicCounterCell"
      SET "counters" = renkei_counters_add("counters", ${delta}::jsonb), "updatedAt" = now()
      WHERE "cycleId" = ${change.cycleId} AND "municipalityCode" = ${change.municipalityCode}
        AND "format" = ${CLINIC_COUNTERS_FORMAT} AND EXISTS (SELECT 1 FROM ${writtenRef})
      RETURNING 1
    ),
    counted_total AS (
      UPDATE "ClinicCounterTotal"
      SET "counters" = renkei_counters_add("counters", ${delta}::jsonb), "updatedAt" = now()
      WHERE "cycleId" = ${change.cycleId} AND "format" = ${CLINIC_COUNTERS_FORMAT} AND EXISTS (SELECT 1 FROM counted_cell)
      RETURNING 1
    )`,
    assertion: Prisma.sql`renkei_assert_counted((SELECT count(*) FROM ${writtenRef}), (SELECT count(*) FROM counted_total))`,
  };
}

/**
 * Whether a statement failed because its counter rows could not take the delta (RK001: the
 * stored row had drifted; RK002: missing or stale format). Nothing was written; the caller writes
 * again in a transaction that recounts the municipality.
 */
export function isCounterRowProblem(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? "")}` : "";
  return /RK00[12]|renkei counters/.test(text);
}
