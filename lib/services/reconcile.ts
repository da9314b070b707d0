import "server-only";
import { db } from "@/lib/db";
import { CLINIC_COUNTERS_FORMAT } from "@/lib/aggregation";
import { recountClinicCounters } from "./counters";

// The counters' safety net (docs/decisions/0012-deadline-rush-write-path.md). Every change moves
// the counters in its own transaction, so nothing should ever need correcting; this proves it,
// and repairs what a hand edit of the database, a bug or a CLINIC_COUNTERS_FORMAT bump left
// behind — without anyone running a command. It is scoped and cheap: it recounts only the
// municipalities whose reports or institutions changed since the previous run (with a margin for
// transactions still open then), plus counter rows that are missing or of another format; the
// first run ever checks everything. Each run is recorded (CounterReconciliation); a correction is
// also logged and audited. Safe to run from several instances at once (recounts lock their rows
// and are idempotent).

/** Changes this old before the previous run's start are checked again (open transactions, clocks). */
export const RECONCILE_MARGIN_MS = 15 * 60_000;

export type TReconcileResult = {
  scope: "full" | "changed";
  municipalities: number;
  corrected: string[];
  milliseconds: number;
};

type TTarget = { cycleId: string; municipalityCode: string | null };

export async function reconcileClinicCounters({ full = false }: { full?: boolean } = {}): Promise<TReconcileResult> {
  const started = performance.now();
  const [clock] = await db.$queryRaw<{ now: Date }[]>`SELECT (now() AT TIME ZONE 'UTC') AS now`;
  const now = clock?.now ?? new Date();
  const previous = full
    ? null
    : await db.counterReconciliation.findFirst({ orderBy: { startedAt: "desc" }, select: { startedAt: true } });
  const scope = previous ? "changed" : "full";
  const targets = previous
    ? await changedTargets(new Date(previous.startedAt.getTime() - RECONCILE_MARGIN_MS))
    : await allTargets();

  const byCycle = new Map<string, Set<string>>();
  for (const t of targets) {
    const codes = byCycle.get(t.cycleId) ?? new Set<string>();
    if (t.municipalityCode) codes.add(t.municipalityCode);
    byCycle.set(t.cycleId, codes);
  }
  const corrected: string[] = [];
  let municipalities = 0;
  for (const [cycleId, codes] of byCycle) {
    municipalities += codes.size;
    // An empty list re-sums only the total (a total row missing or of another format).
    for (const row of await recountClinicCounters(cycleId, [...codes])) corrected.push(`${cycleId}:${row}`);
  }
  const milliseconds = performance.now() - started;
  await db.counterReconciliation.create({
    data: {
      startedAt: now,
      finishedAt: new Date(),
      scope,
      municipalities,
      corrected: corrected.length,
      details: corrected.slice(0, 100),
    },
  });
  if (corrected.length > 0) {
    console.warn(
      `[renkei] counters reconciliation corrected ${corrected.length} row(s): ${corrected.slice(0, 20).join(", ")}`,
    );
    await db.auditEvent.create({
      data: {
        action: "counters.reconcile",
        entityType: "clinic_counters",
        entityId: "reconciliation",
        summary: `集計カウンタの自動照合で ${corrected.length}件を再集計して訂正`,
        after: { corrected: corrected.slice(0, 100) },
      },
    });
  }
  return { scope, municipalities, corrected, milliseconds };
}

/** Every municipality of every clinic-report cycle. */
async function allTargets(): Promise<TTarget[]> {
  return db.$queryRaw<TTarget[]>`
    SELECT c."id" AS "cycleId", m."code" AS "municipalityCode"
    FROM "ReportingCycle" c JOIN "Municipality" m ON m."prefectureCode" = c."prefectureCode"
    WHERE c."kind" = 'CLINIC_REPORT'`;
}

/**
 * Municipalities whose counters may have moved since `since`: a submission or an institution
 * changed, a cell is missing or of another format; and cycles whose total is (null municipality).
 */
async function changedTargets(since: Date): Promise<TTarget[]> {
  const sinceUtc = since.toISOString();
  return db.$queryRaw<TTarget[]>`
    SELECT s."cycleId", i."municipalityCode"
    FROM "Submission" s
    JOIN "Institution" i ON i."id" = s."institutionId"
    WHERE s."updatedAt" >= (${sinceUtc}::timestamptz AT TIME ZONE 'UTC')
    UNION
    SELECT c."id", i."municipalityCode"
    FROM "Institution" i JOIN "ReportingCycle" c ON c."prefectureCode" = i."prefectureCode" AND c."kind" = 'CLINIC_REPORT'
    WHERE i."updatedAt" >= (${sinceUtc}::timestamptz AT TIME ZONE 'UTC')
    UNION
    SELECT c."id", m."code"
    FROM "ReportingCycle" c
    JOIN "Municipality" m ON m."prefectureCode" = c."prefectureCode"
    LEFT JOIN "ClinicCounterCell" cell ON cell."cycleId" = c."id" AND cell."municipalityCode" = m."code"
    WHERE c."kind" = 'CLINIC_REPORT' AND (cell."cycleId" IS NULL OR cell."format" <> ${CLINIC_COUNTERS_FORMAT})
    UNION
    SELECT c."id", NULL
    FROM "ReportingCycle" c LEFT JOIN "ClinicCounterTotal" t ON t."cycleId" = c."id"
    WHERE c."kind" = 'CLINIC_REPORT' AND (t."cycleId" IS NULL OR t."format" <> ${CLINIC_COUNTERS_FORMAT})`;
}
