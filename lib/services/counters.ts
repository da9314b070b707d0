import "server-only";
import { db, Prisma } from "@/lib/db";
import { getDefinition } from "@/lib/data/questionnaires";
import {
  CLINIC_COUNTERS_FORMAT,
  countClinicReports,
  emptyClinicCounters,
  sumClinicCounters,
  type TClinicCounters,
  type TClinicReportInput,
  type TResponseStatus,
} from "@/lib/aggregation";
import type { TAnswers } from "@/lib/questionnaire/answers";
import type { TDerivedStatus } from "@/lib/questionnaire/derive";

// Keeps ClinicCounterCell / ClinicCounterTotal in step with the reports
// (docs/decisions/0011-dashboards-at-scale.md). Called by the services *after* an authorized
// change — a submission, a review decision, a paper report, a roster import, a new cycle — for the
// municipalities it touched. It is a system step, not a read path: it sees every report of the
// cycle's prefecture by construction, and never returns rows to a viewer.
//
// Each call recounts whole municipalities from the database under a lock on their rows, so two
// submissions in the same municipality at the same moment cannot leave a stale row behind: the
// second recount waits for the first and then reads both reports. Then the cycle's total is
// re-summed from its rows.

const MUNICIPALITIES_PER_TRANSACTION = 40;

/** SQL of lib/domain/suspension isSuspendedFor, for institution `i` and cycle `c`. */
const SUSPENDED_AT_REFERENCE_SQL = Prisma.sql`(i."suspendedSince" IS NOT NULL AND i."suspendedSince" <= ((c."fiscalYear" + 1)::text || '-01-01'))`;

type TReportRow = {
  municipalityCode: string;
  kind: "HOSPITAL" | "CLINIC";
  status: Exclude<TResponseStatus, "NOT_STARTED"> | null;
  revision: number | null;
  questionnaireVersionId: string | null;
  answers: TAnswers | null;
  derived: TDerivedStatus | null;
};

/** Recounts the named municipalities (all of the prefecture when omitted) for a clinic-report cycle. */
export async function recountClinicCounters(cycleId: string, municipalityCodes?: readonly string[]): Promise<void> {
  const cycle = await db.reportingCycle.findUnique({
    where: { id: cycleId },
    select: { kind: true, prefectureCode: true },
  });
  if (!cycle || cycle.kind !== "CLINIC_REPORT") return;
  const codes =
    municipalityCodes ??
    (await db.municipality.findMany({ where: { prefectureCode: cycle.prefectureCode }, select: { code: true } })).map(
      (m) => m.code,
    );
  const unique = [...new Set(codes)].sort();
  for (let i = 0; i < unique.length; i += MUNICIPALITIES_PER_TRANSACTION) {
    await recountChunk(cycleId, cycle.prefectureCode, unique.slice(i, i + MUNICIPALITIES_PER_TRANSACTION));
  }
  if (unique.length === 0) await resumTotal(db, cycleId);
}

/** Recounts every clinic-report cycle of a prefecture (after a roster import). */
export async function recountPrefecture(prefectureCode: string, municipalityCodes?: readonly string[]): Promise<void> {
  const cycles = await db.reportingCycle.findMany({
    where: { prefectureCode, kind: "CLINIC_REPORT" },
    select: { id: true },
  });
  for (const cycle of cycles) await recountClinicCounters(cycle.id, municipalityCodes);
}

export type TRecountResult = { cycles: number; municipalities: number; corrected: number };

/**
 * Recounts every municipality of the chosen clinic-report cycles (one cycle, a prefecture's, or all)
 * and says how many stored cells were wrong. Counters only drift if a process died between a change
 * and its recount, or after a change of CLINIC_COUNTERS_FORMAT; this is the repair (`renkei recount`).
 */
export async function recountCycles(scope: { cycleId?: string; prefectureCode?: string }): Promise<TRecountResult> {
  const cycles = await db.reportingCycle.findMany({
    where: { kind: "CLINIC_REPORT", id: scope.cycleId, prefectureCode: scope.prefectureCode },
    select: { id: true, prefectureCode: true },
    orderBy: [{ prefectureCode: "asc" }, { fiscalYear: "asc" }],
  });
  const result: TRecountResult = { cycles: cycles.length, municipalities: 0, corrected: 0 };
  for (const cycle of cycles) {
    const before = await storedCells(cycle.id);
    await recountClinicCounters(cycle.id);
    const after = await storedCells(cycle.id);
    result.municipalities += after.size;
    for (const [code, cell] of after) if (before.get(code) !== cell) result.corrected += 1;
  }
  return result;
}

async function storedCells(cycleId: string): Promise<Map<string, string>> {
  const rows = await db.$queryRaw<{ code: string; cell: string }[]>`
    SELECT "municipalityCode" AS code, "format"::text || ':' || "counters"::text AS cell
    FROM "ClinicCounterCell" WHERE "cycleId" = ${cycleId}`;
  return new Map(rows.map((r) => [r.code, r.cell]));
}

/** The municipalities of the institutions behind some submissions (to recount after a change to them). */
export async function municipalitiesOfSubmissions(submissionIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db.submission.findMany({
    where: { id: { in: [...submissionIds] }, institutionId: { not: null } },
    select: { cycleId: true, institution: { select: { municipalityCode: true } } },
  });
  const byCycle = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.institution) continue;
    byCycle.set(row.cycleId, [...(byCycle.get(row.cycleId) ?? []), row.institution.municipalityCode]);
  }
  return byCycle;
}

export async function recountForSubmissions(submissionIds: readonly string[]): Promise<void> {
  for (const [cycleId, codes] of await municipalitiesOfSubmissions(submissionIds))
    await recountClinicCounters(cycleId, codes);
}

async function recountChunk(cycleId: string, prefectureCode: string, codes: string[]) {
  await db.$transaction(
    async (tx) => {
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
      // 1 January reference date (SUSPENDED_AT_REFERENCE_SQL), or reported anyway — with the
      // answers and derived status of its latest submitted revision.
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
      await tx.$executeRaw`
        UPDATE "ClinicCounterCell" AS cell
        SET "counters" = data.counters::jsonb, "format" = ${CLINIC_COUNTERS_FORMAT}, "updatedAt" = now()
        FROM unnest(${codesJson}::text[], ${countersJson}::text[]) AS data(code, counters)
        WHERE cell."cycleId" = ${cycleId} AND cell."municipalityCode" = data.code`;
      await resumTotal(tx, cycleId);
    },
    { timeout: 60_000 },
  );
}

async function resumTotal(client: Prisma.TransactionClient | typeof db, cycleId: string) {
  // The total row is locked too, so concurrent recounts of different municipalities add up.
  await client.$executeRaw`
    INSERT INTO "ClinicCounterTotal" ("cycleId", "counters", "format", "updatedAt")
    VALUES (${cycleId}, '{}'::jsonb, 0, now()) ON CONFLICT DO NOTHING`;
  await client.$queryRaw`SELECT 1 FROM "ClinicCounterTotal" WHERE "cycleId" = ${cycleId} FOR UPDATE`;
  const cells = await client.clinicCounterCell.findMany({
    where: { cycleId },
    select: { counters: true, format: true },
  });
  const total = sumClinicCounters(
    cells.filter((c) => c.format === CLINIC_COUNTERS_FORMAT).map((c) => c.counters as unknown as TClinicCounters),
  );
  await client.clinicCounterTotal.update({
    where: { cycleId },
    data: {
      counters: (cells.length ? total : emptyClinicCounters()) as unknown as Prisma.InputJsonValue,
      format: CLINIC_COUNTERS_FORMAT,
    },
  });
}
