import "server-only";
import { db, Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { notFoundError } from "@/lib/errors";
import { findCycle } from "@/lib/data/cycles";
import { getDefinition } from "@/lib/data/questionnaires";
import { allItems, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { findOutliers, OUTLIER_DEFAULTS, type TOutlierSubject } from "@/lib/aggregation/outliers";
import { enqueue } from "@/lib/jobs/queue";
import { auditRow } from "./audit";
import { bulkInsert, newId, NOW_UTC } from "./bulk";
import { lockCycleReviewFlags, stampOutlierAcknowledgements } from "./review-flag-acks";

// Outlier flags of a clinic-report cycle (issue 16, docs/decisions/0020): every submitted report's
// count answers against its peers (lib/aggregation/outliers.ts), replaced as a whole per cycle. Run
// by the job `review-flags.compute` — never in a request: a sweep queues it for each cycle whose
// reports changed since its last run (coalesced: one waiting job per cycle), and the officer can
// ask for it. The flags are for the prefecture's review only; no respondent read touches them.

/** The count items of a definition: top-level integer answers (visit counts, fee counts, beds…). */
export function countItemKeys(definition: TQuestionnaireDefinition): string[] {
  return allItems(definition)
    .filter((item) => item.type === "integer")
    .map((item) => item.key);
}

type TSubjectRow = { id: string; revision: number; kind: string; zone: string | null; answers: unknown };

/** Every submitted report of the cycle with its latest revision's count answers and its peers' zone. */
async function readSubjects(cycleId: string, schemeId: string | null, keys: string[]): Promise<TSubjectRow[]> {
  // Only the count answers travel (jsonb_each filtered in the database): a tenth of the JSON.
  return db.$queryRaw<TSubjectRow[]>`
    SELECT s."id", s."revision", i."kind"::text AS "kind", zm."zoneId" AS "zone",
      (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(r."answers") e
        WHERE e.key = ANY(${keys}::text[]) AND jsonb_typeof(e.value) = 'number') AS "answers"
    FROM "Submission" s
    JOIN "Institution" i ON i."id" = s."institutionId"
    JOIN "SubmissionRevision" r ON r."submissionId" = s."id" AND r."revision" = s."revision"
    LEFT JOIN "ZoneMunicipality" zm ON zm."municipalityCode" = i."municipalityCode" AND zm."schemeId" = ${schemeId}
    WHERE s."cycleId" = ${cycleId} AND s."revision" > 0`;
}

async function defaultSchemeId(prefectureCode: string): Promise<string | null> {
  const schemes = await db.zoneScheme.findMany({
    where: { prefectureCode },
    select: { id: true, isDefault: true, kind: true },
  });
  const chosen =
    schemes.find((s) => s.isDefault) ?? schemes.find((s) => s.kind === "SECONDARY_MEDICAL_AREA") ?? schemes[0];
  return chosen?.id ?? null;
}

export type TOutlierRunResult = { cycleId: string; submissions: number; flags: number; milliseconds: number };

/** Recomputes the outlier flags of one cycle (idempotent: the cycle's flags are replaced). */
export async function computeOutlierFlags(cycleId: string): Promise<TOutlierRunResult | null> {
  const started = performance.now();
  const startedAt = new Date();
  const cycle = await db.reportingCycle.findUnique({
    where: { id: cycleId },
    select: { id: true, kind: true, prefectureCode: true, questionnaireVersionId: true },
  });
  if (!cycle || cycle.kind !== "CLINIC_REPORT") return null;
  const keys = countItemKeys(await getDefinition(cycle.questionnaireVersionId));
  const rows = await readSubjects(cycle.id, await defaultSchemeId(cycle.prefectureCode), keys);
  const subjects: TOutlierSubject[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    zone: r.zone,
    values: (r.answers ?? {}) as Record<string, number>,
  }));
  const revisionOf = new Map(rows.map((r) => [r.id, r.revision]));
  const flags = findOutliers(subjects, keys, OUTLIER_DEFAULTS);
  const milliseconds = () => Math.round(performance.now() - started);

  await db.$transaction(
    async (tx) => {
      // One at a time with the officer's acknowledgements, which the new rows carry over below.
      await lockCycleReviewFlags(tx, cycle.id);
      await tx.outlierFlag.deleteMany({ where: { cycleId: cycle.id } });
      await bulkInsert(
        tx,
        "OutlierFlag",
        [
          ["id", "text"],
          ["submissionId", "text"],
          ["revision", "int"],
          ["itemKey", "text"],
          ["value", "float8"],
          ["direction", "text"],
          ["peerScope", "text"],
          ["peerN", "int"],
          ["peerMedian", "float8"],
          ["peerMad", "float8"],
          ["peerQ1", "float8"],
          ["peerQ3", "float8"],
          ["method", "text"],
          ["lower", "float8"],
          ["upper", "float8"],
        ],
        flags.map((f) => [
          newId(),
          f.subjectId,
          revisionOf.get(f.subjectId) ?? 0,
          f.itemKey,
          f.value,
          f.direction,
          f.scope,
          f.peers.n,
          f.peers.median,
          f.peers.mad,
          f.peers.q1,
          f.peers.q3,
          f.peers.method,
          f.peers.lower,
          f.peers.upper,
        ]),
        { constants: { cycleId: Prisma.sql`${cycle.id}`, computedAt: NOW_UTC } },
      );
      // A flag the officer acknowledged for the same revision stays acknowledged (確認済み（問題なし）);
      // a new revision's flag is a new flag (docs/decisions/0020, "Acknowledged flags").
      await stampOutlierAcknowledgements(tx, { cycleId: cycle.id });
      const run = {
        startedAt,
        finishedAt: new Date(),
        submissions: rows.length,
        flags: flags.length,
        milliseconds: milliseconds(),
      };
      await tx.outlierRun.upsert({ where: { cycleId: cycle.id }, create: { cycleId: cycle.id, ...run }, update: run });
      await tx.auditEvent.create({
        data: auditRow(null, {
          action: "review_flags.compute",
          entityType: "reporting_cycle",
          entityId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          summary: `外れ値の目印を計算した（報告 ${rows.length}件・目印 ${flags.length}件）`,
        }),
      });
    },
    { timeout: 60_000 },
  );
  return { cycleId: cycle.id, submissions: rows.length, flags: flags.length, milliseconds: milliseconds() };
}

/**
 * The clinic-report cycles with a revision submitted since their last outlier run (or never run),
 * each queued once: a job already waiting for the cycle absorbs the request (the queue's key).
 */
export async function sweepOutlierFlags(): Promise<number> {
  const cycles = await db.reportingCycle.findMany({
    where: { kind: "CLINIC_REPORT" },
    select: { id: true, outlierRun: { select: { startedAt: true } } },
  });
  let queued = 0;
  for (const cycle of cycles) {
    const changed = await db.submissionRevision.findFirst({
      where: {
        submission: { cycleId: cycle.id },
        ...(cycle.outlierRun ? { submittedAt: { gte: cycle.outlierRun.startedAt } } : {}),
      },
      select: { id: true },
    });
    if (!changed) continue;
    if (await enqueue("review-flags.compute", { cycleId: cycle.id }, { key: cycle.id })) queued++;
  }
  return queued;
}

/** The officer asks for the cycle's outlier flags now (queued; the page shows the last run). */
export async function requestOutlierFlags(viewer: TViewer, cycleId: string): Promise<{ queued: boolean }> {
  assertRole(viewer, "prefecture");
  const cycle = await findCycle(viewer, cycleId);
  if (cycle.kind !== "CLINIC_REPORT") throw notFoundError("報告サイクル");
  const jobId = await enqueue("review-flags.compute", { cycleId: cycle.id }, { key: cycle.id });
  await db.auditEvent.create({
    data: auditRow(viewer, {
      action: "review_flags.request",
      entityType: "reporting_cycle",
      entityId: cycle.id,
      prefectureCode: cycle.prefectureCode,
      summary: `${cycle.title}: 外れ値の目印の再計算を依頼した`,
    }),
  });
  return { queued: jobId !== null };
}

const DEFAULT_SWEEP_MS = 60_000;

/** The sweep's period in seconds, or null when turned off (RENKEI_REVIEW_FLAGS_INTERVAL_MS=0). */
export function outlierSweepIntervalSeconds(): number | null {
  const interval = Number(process.env.RENKEI_REVIEW_FLAGS_INTERVAL_MS ?? DEFAULT_SWEEP_MS);
  return Number.isFinite(interval) && interval > 0 ? Math.max(1, Math.round(interval / 1000)) : null;
}
