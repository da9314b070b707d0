import "server-only";
import { db, Prisma } from "@/lib/db";
import { getDefinition } from "@/lib/data/questionnaires";
import {
  applyContributionChanges,
  CLINIC_COUNTERS_FORMAT,
  clinicCountersDelta,
  sumContributionChanges,
  countClinicReport,
  countClinicReports,
  emptyClinicCounters,
  sumClinicCounters,
  type TClinicCounters,
  type TClinicReportInput,
  type TContributionChange,
  type TInstitutionKind,
  type TResponseStatus,
} from "@/lib/aggregation";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { parseClinicCounters } from "@/lib/data/json-columns";
import { parsedChange } from "@/lib/data/clinic-counters";
import type { TDerivedStatus } from "@/lib/questionnaire/derive";

// Keeps ClinicCounterCell / ClinicCounterTotal in step with the reports
// (docs/decisions/0011-dashboards-at-scale.md, 0012-deadline-rush-write-path.md). Every change
// that moves a respondent in the counters changes them in its own transaction:
// - the respondent's writes (first draft, submit, amend) append their change — the report's old
//   and new contribution — to ClinicCounterChange in the same SQL statement as the report
//   (counterDeltaSql); readers add the pending changes (lib/data/clinic-counters.ts) and the
//   recurring job `counters.fold` moves them into the rows (foldClinicCounterChanges);
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
  // before the total, as in every other writer of the rows. Chunks would lock cells after the total
  // and could deadlock with a fold holding a cell and waiting for the total.
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
  // and derived status of its latest submitted revision; and, in the same statement (one
  // snapshot), the log's pending changes of these municipalities, taken out of it. A write that
  // commits while this runs is in neither (its change stays for the next fold); one that
  // committed before is in both. The changes are added to the stored rows first, so that what
  // the recount then corrects is drift, never a change still in the log.
  const rows = await tx.$queryRaw<(TReportRow & { source: "change" | "report"; id: bigint | null })[]>`
    WITH taken AS (
      DELETE FROM "ClinicCounterChange" WHERE "cycleId" = ${cycleId} AND "municipalityCode" = ANY(${codes}::text[])
      RETURNING "id", "municipalityCode", "before", "after"
    )
    SELECT 'change' AS "source", "id", "municipalityCode", NULL AS "kind", NULL AS "status", NULL::int AS "revision",
           NULL AS "questionnaireVersionId", "before" AS "answers", "after" AS "derived"
    FROM taken
    UNION ALL
    SELECT 'report', NULL, i."municipalityCode", i."kind"::text, s."status"::text, s."revision",
           s."questionnaireVersionId", r."answers", r."derived"
    FROM "Institution" i
    JOIN "ReportingCycle" c ON c."id" = ${cycleId}
    LEFT JOIN "Submission" s ON s."institutionId" = i."id" AND s."cycleId" = c."id"
    LEFT JOIN "SubmissionRevision" r ON r."submissionId" = s."id" AND r."revision" = s."revision"
    WHERE i."prefectureCode" = ${prefectureCode} AND i."municipalityCode" = ANY(${codes}::text[])
      AND ((i."isActive" AND NOT ${SUSPENDED_AT_REFERENCE_SQL}) OR s."revision" > 0)`;
  const taken = rows.flatMap((row) =>
    row.source === "change"
      ? [{ id: row.id!, code: row.municipalityCode, before: row.answers, after: row.derived }]
      : [],
  );
  const { folded } = await addToLockedCells(tx, cycleId, sumChangesByCode(taken));
  await addToTotal(tx, cycleId, folded);

  const inputs = new Map<string, TClinicReportInput[]>(codes.map((code) => [code, []]));
  for (const row of rows) {
    if (row.source !== "report") continue;
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

// ---- The change log: folding --------------------------------------------------------------

type TChangeRow = { id: bigint; code: string; before: unknown; after: unknown };

/** Pending changes of one municipality: their ids, and summed into one (null: one is unreadable). */
type TSummed = { ids: string[]; change: TContributionChange | null };

/** Sums the log's rows per municipality — the costly part of a fold, done before any lock. */
function sumChangesByCode(rows: readonly TChangeRow[]): Map<string, TSummed> {
  const byCode = new Map<string, TChangeRow[]>();
  for (const row of rows) {
    if (byCode.has(row.code)) byCode.get(row.code)!.push(row);
    else byCode.set(row.code, [row]);
  }
  const summed = new Map<string, TSummed>();
  for (const [code, logged] of byCode) {
    let change: TContributionChange | null = null;
    try {
      change = sumContributionChanges(logged.map((row) => parsedChange(row.before, row.after)));
    } catch {
      change = null; // a change of another format: its municipality is recounted
    }
    summed.set(code, { ids: logged.map((row) => String(row.id)), change });
  }
  return summed;
}

/**
 * Adds summed changes to their cells, which the caller has locked FOR UPDATE and whose changes it
 * has taken out of the log. Returns what was added, and the municipalities whose row could not
 * take it (missing, another format, an unreadable change, or a count would go negative: drift) —
 * the caller recounts those from the reports and re-sums the total.
 */
async function addToLockedCells(
  tx: TClient,
  cycleId: string,
  summed: ReadonlyMap<string, TSummed>,
): Promise<{ folded: TContributionChange[]; unapplied: string[] }> {
  if (summed.size === 0) return { folded: [], unapplied: [] };
  const cells = await tx.$queryRaw<{ code: string; counters: unknown; format: number }[]>`
    SELECT "municipalityCode" AS "code", "counters", "format" FROM "ClinicCounterCell"
    WHERE "cycleId" = ${cycleId} AND "municipalityCode" = ANY(${[...summed.keys()]}::text[])`;
  const stored = new Map(cells.map((c) => [c.code, c]));
  const unapplied: string[] = [];
  const updates: [string, string][] = [];
  const folded: TContributionChange[] = [];
  for (const [code, { change }] of summed) {
    const cell = stored.get(code);
    try {
      if (!change || !cell || cell.format !== CLINIC_COUNTERS_FORMAT) throw new Error("cannot add");
      updates.push([code, JSON.stringify(applyContributionChanges(parseClinicCounters(cell.counters), [change]))]);
      folded.push(change);
    } catch {
      unapplied.push(code);
    }
  }
  if (updates.length > 0) {
    await tx.$executeRaw`
      UPDATE "ClinicCounterCell" AS cell SET "counters" = data.counters::jsonb, "updatedAt" = now()
      FROM unnest(${updates.map((u) => u[0])}::text[], ${updates.map((u) => u[1])}::text[]) AS data(code, counters)
      WHERE cell."cycleId" = ${cycleId} AND cell."municipalityCode" = data.code`;
  }
  return { folded, unapplied };
}

/** At most this many changes per fold (a backlog after workers were down is folded in steps). */
const FOLD_BATCH = 5000;

/** Another fold or a recount took some of the changes first: this one is undone and redone later. */
class FoldOvertaken extends Error {}

/**
 * Folds the pending changes of the log into the stored rows: the recurring job `counters.fold`
 * (lib/jobs/handlers.ts), a few seconds behind the writers. The changes are read and summed per
 * municipality first, with no lock held; then one short transaction per cycle locks their cells
 * FOR UPDATE in code order (writers of those cells wait that long), deletes exactly those changes,
 * adds the sums to the cells and then to the total (locked after the cells, the order every
 * writer follows). Were any of them gone meanwhile (another instance's fold, a recount), the
 * transaction is undone and the next run folds what is left. Returns how many were folded.
 */
export async function foldClinicCounterChanges(): Promise<number> {
  const rows = await db.$queryRaw<(TChangeRow & { cycleId: string })[]>`
    SELECT "id", "cycleId", "municipalityCode" AS "code", "before", "after"
    FROM "ClinicCounterChange" ORDER BY "id" LIMIT ${FOLD_BATCH}`;
  const byCycle = new Map<string, TChangeRow[]>();
  for (const row of rows) {
    if (byCycle.has(row.cycleId)) byCycle.get(row.cycleId)!.push(row);
    else byCycle.set(row.cycleId, [row]);
  }
  let folded = 0;
  for (const [cycleId, cycleRows] of byCycle) {
    const summed = sumChangesByCode(cycleRows);
    try {
      await db.$transaction((tx) => foldCycle(tx, cycleId, summed));
      folded += cycleRows.length;
    } catch (error) {
      if (!(error instanceof FoldOvertaken)) throw error;
    }
  }
  return folded;
}

async function foldCycle(tx: TClient, cycleId: string, summed: ReadonlyMap<string, TSummed>): Promise<void> {
  const codes = [...summed.keys()].sort();
  await tx.$queryRaw`
    SELECT 1 FROM "ClinicCounterCell"
    WHERE "cycleId" = ${cycleId} AND "municipalityCode" = ANY(${codes}::text[])
    ORDER BY "municipalityCode" FOR UPDATE`;
  // Exactly the changes summed: writers take no lock, so more may have come meanwhile (they stay).
  const ids = [...summed.values()].flatMap((s) => s.ids);
  const deleted = await tx.$executeRaw`DELETE FROM "ClinicCounterChange" WHERE "id" = ANY(${ids}::bigint[])`;
  if (deleted !== ids.length) throw new FoldOvertaken();
  const { folded, unapplied } = await addToLockedCells(tx, cycleId, summed);
  if (unapplied.length > 0) {
    // Rows that had drifted from the reports (a count would go negative): recounted from the
    // reports, the total re-summed from the cells. The reconciliation would have found them too.
    const cycle = await tx.reportingCycle.findUniqueOrThrow({
      where: { id: cycleId },
      select: { prefectureCode: true },
    });
    const corrected = await recountChunk(tx, cycleId, cycle.prefectureCode, unapplied);
    console.warn(`[renkei] counters fold: recounted ${cycleId} ${corrected.join(", ")} (the rows had drifted)`);
    return;
  }
  if (!(await addToTotal(tx, cycleId, folded))) await resumTotal(tx, cycleId);
}

/**
 * Adds folded changes to the cycle's total (locked here, after the cells). False when the total
 * is missing, of another format or would go negative: the caller re-sums it from the cells.
 */
async function addToTotal(tx: TClient, cycleId: string, folded: readonly TContributionChange[]): Promise<boolean> {
  if (folded.length === 0) return true;
  const [total] = await tx.$queryRaw<{ counters: unknown; format: number }[]>`
    SELECT "counters", "format" FROM "ClinicCounterTotal" WHERE "cycleId" = ${cycleId} FOR UPDATE`;
  if (!total || total.format !== CLINIC_COUNTERS_FORMAT) return false;
  let next: TClinicCounters;
  try {
    next = applyContributionChanges(parseClinicCounters(total.counters), folded);
  } catch {
    return false;
  }
  await tx.$executeRaw`
    UPDATE "ClinicCounterTotal" SET "counters" = ${JSON.stringify(next)}::jsonb, "updatedAt" = now()
    WHERE "cycleId" = ${cycleId}`;
  return true;
}

// ---- Changes of the respondent's writes -----------------------------------------------------

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
  /** The respondent's contribution before and after the change (counted when it differs). */
  change: TContributionChange;
};

/** The change one respondent's write makes to the counters (before → after); null when it moves nothing. */
export async function counterDelta(
  cycleId: string,
  municipalityCode: string,
  before: TCountedReport,
  after: TCountedReport,
): Promise<TCounterDelta | null> {
  const [from, to] = await Promise.all([contributionOf(before), contributionOf(after)]);
  if (!clinicCountersDelta(from, to)) return null;
  return { cycleId, municipalityCode, change: { before: from, after: to } };
}

/**
 * CTEs `counted_cell` and `counted` that append the change to the log (ClinicCounterChange), only
 * when the CTE named `written` produced a row; and the expression that raises RK002 (undoing the
 * whole statement) when the report was written but its municipality's row is missing or of
 * another format. No row is locked: writers never wait for each other nor for a fold. A recount
 * takes the log's changes and reads the reports in one statement, so a report and its change are
 * always on the same side of it (docs/decisions/0012-deadline-rush-write-path.md).
 */
export function counterDeltaSql(change: TCounterDelta | null, written: string) {
  const writtenRef = Prisma.raw(`"${written}"`);
  if (!change) {
    return {
      ctes: Prisma.empty,
      assertion: Prisma.sql`(SELECT count(*) FROM ${writtenRef})`,
    };
  }
  const counters = (value: TClinicCounters | null) => (value ? JSON.stringify(value) : null);
  return {
    ctes: Prisma.sql`,
    counted_cell AS (
      SELECT 1 FROM "ClinicCounterCell"
      WHERE "cycleId" = ${change.cycleId} AND "municipalityCode" = ${change.municipalityCode}
        AND "format" = ${CLINIC_COUNTERS_FORMAT} AND EXISTS (SELECT 1 FROM ${writtenRef})
    ),
    counted AS (
      INSERT INTO "ClinicCounterChange" ("cycleId", "municipalityCode", "before", "after")
      SELECT ${change.cycleId}, ${change.municipalityCode}, ${counters(change.change.before)}::jsonb, ${counters(change.change.after)}::jsonb
      FROM counted_cell
      RETURNING 1
    )`,
    assertion: Prisma.sql`renkei_assert_counted((SELECT count(*) FROM ${writtenRef}), (SELECT count(*) FROM counted))`,
  };
}

/**
 * Whether a statement failed because its municipality's counter row was missing or of another
 * format (RK002). Nothing was written; the caller writes again in a transaction that recounts the
 * municipality.
 */
export function isCounterRowProblem(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? "")}` : "";
  return /RK002|renkei counters/.test(text);
}
