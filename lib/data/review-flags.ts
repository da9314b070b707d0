import "server-only";
import { db, Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { notFoundError } from "@/lib/errors";
import {
  NO_FLAGS,
  REVIEW_FLAG_KINDS,
  type TReviewFlagCounts,
  type TReviewFlagFilter,
  type TReviewFlagKind,
  UNRESOLVED_QUERY_STATUSES,
} from "@/lib/prefecture/review-flags";
import { openBigChangeCount } from "@/lib/prefecture/review-flag-acks";
import { submissionScope } from "./scope";
import { parseSoftWarnings } from "./json-columns";
import { findCycle } from "./cycles";
import { asRespondent, respondentWhere } from "./respondent";

// Reads of the review flags (issue 16): outliers are the prefecture's only (every read of them
// asserts the officer role and the submission scope); queries are read by the officer and by the
// one respondent whose report they are about. The soft-rule warning kinds are read from
// Submission.softWarnings (the latest revision's warnings, ADR 0019) by JSON containment (@>).
// Acknowledged outliers and 前年比大 items (確認済み（問題なし）) are not flags: flagWhere and
// flagCountsOf leave them out, and the report view reads the acknowledgements with the flags.

/**
 * Where the stored warnings hold one matching this (a JSON containment on the list). The IS NOT
 * NULL makes the clause false, not NULL, for reports without stored warnings, so that its
 * negation (bulk confirmation's "no flag") holds for them.
 */
const warningWhere = (warning: Prisma.InputJsonObject): Prisma.SubmissionWhereInput => ({
  AND: [{ softWarnings: { not: Prisma.DbNull } }, { softWarnings: { path: ["warnings"], array_contains: [warning] } }],
});

/**
 * Where a Submission carries a flag of this kind (the extension point of TReviewFlagKind). An
 * acknowledged flag (確認済み（問題なし）, lib/services/review-flag-acks.ts) does not count: an
 * outlier row carries `acknowledged`; the 前年比大 warnings of a report are all acknowledged when
 * `bigChangeAckRevision` equals its current revision (a new revision makes them differ). Both
 * columns are NOT NULL, so the negation (bulk confirmation's "no flag") stays two-valued.
 */
export function flagWhere(kind: TReviewFlagFilter): Prisma.SubmissionWhereInput {
  const byKind: Record<TReviewFlagKind, Prisma.SubmissionWhereInput> = {
    outlier: { outlierFlags: { some: { acknowledged: false } } },
    "query-open": { itemQueries: { some: { status: "OPEN" } } },
    "query-answered": { itemQueries: { some: { status: "ANSWERED" } } },
    "warning-unexplained": warningWhere({ explanation: null }),
    "big-change": {
      AND: [
        warningWhere({ kind: "change" }),
        { NOT: { bigChangeAckRevision: { equals: db.submission.fields.revision } } },
      ],
    },
  };
  return kind === "any" ? { OR: Object.values(byKind) } : byKind[kind];
}

/** Each report's flag counts (reports without flags are absent from the map). */
export async function flagCountsOf(submissionIds: readonly string[]): Promise<Map<string, TReviewFlagCounts>> {
  const out = new Map<string, TReviewFlagCounts>();
  if (submissionIds.length === 0) return out;
  const ids = [...submissionIds];
  const [outliers, queries, warned, bigChangeAcks] = await Promise.all([
    db.outlierFlag.groupBy({
      by: ["submissionId"],
      where: { submissionId: { in: ids }, acknowledged: false },
      _count: { _all: true },
    }),
    db.itemQuery.groupBy({
      by: ["submissionId", "status"],
      where: { submissionId: { in: ids }, status: { in: [...UNRESOLVED_QUERY_STATUSES] } },
      _count: { _all: true },
    }),
    db.submission.findMany({
      where: { id: { in: ids }, OR: [flagWhere("warning-unexplained"), flagWhere("big-change")] },
      select: { id: true, revision: true, softWarnings: true },
    }),
    db.reviewFlagAcknowledgement.findMany({
      where: { submissionId: { in: ids }, kind: "big-change" },
      select: { submissionId: true, revision: true, itemKey: true },
    }),
  ]);
  const entry = (id: string) => {
    let counts = out.get(id);
    if (!counts) out.set(id, (counts = { ...NO_FLAGS }));
    return counts;
  };
  for (const o of outliers) entry(o.submissionId).outlier = o._count._all;
  for (const q of queries) entry(q.submissionId)[q.status === "OPEN" ? "query-open" : "query-answered"] = q._count._all;
  for (const w of warned) {
    // Counted as flagWhere matches them: explanation null; kind "change" not acknowledged in the
    // current revision (one per warning).
    const warnings = parseSoftWarnings(w.softWarnings)?.warnings ?? [];
    const acknowledged = new Set(
      bigChangeAcks.filter((a) => a.submissionId === w.id && a.revision === w.revision).map((a) => a.itemKey),
    );
    const counts = entry(w.id);
    counts["warning-unexplained"] = warnings.filter((x) => x.explanation === null).length;
    counts["big-change"] = openBigChangeCount(warnings, acknowledged);
  }
  return out;
}

/** The flags of one report for its review page: outliers with their peers, and every query. */
export async function getSubmissionFlags(viewer: TViewer, submissionId: string) {
  assertRole(viewer, "prefecture");
  const submission = await db.submission.findFirst({
    where: { AND: [submissionScope(viewer), { id: submissionId }] },
    select: { id: true, revision: true },
  });
  if (!submission) throw notFoundError("報告");
  const [outliers, queries, acknowledgements] = await Promise.all([
    db.outlierFlag.findMany({
      where: { submissionId: submission.id },
      orderBy: [{ itemKey: "asc" }],
      select: {
        itemKey: true,
        revision: true,
        value: true,
        direction: true,
        peerScope: true,
        peerN: true,
        peerMedian: true,
        peerQ1: true,
        peerQ3: true,
        method: true,
        lower: true,
        upper: true,
        computedAt: true,
        acknowledged: true,
      },
    }),
    db.itemQuery.findMany({
      where: { submissionId: submission.id },
      orderBy: { askedAt: "desc" },
      select: querySelect,
    }),
    db.reviewFlagAcknowledgement.findMany({
      where: { submissionId: submission.id },
      orderBy: [{ revision: "desc" }, { acknowledgedAt: "desc" }],
      select: {
        kind: true,
        itemKey: true,
        revision: true,
        note: true,
        acknowledgedByEmail: true,
        acknowledgedAt: true,
      },
    }),
  ]);
  return { revision: submission.revision, outliers, queries, acknowledgements };
}

const querySelect = {
  id: true,
  itemKeys: true,
  message: true,
  status: true,
  askedRevision: true,
  askedAt: true,
  answer: true,
  answeredRevision: true,
  answeredAt: true,
  closeNote: true,
  closedAt: true,
} as const satisfies Prisma.ItemQuerySelect;

export type TItemQueryView = Prisma.ItemQueryGetPayload<{ select: typeof querySelect }>;

/**
 * The respondent's own queries (home: every cycle; form: one cycle), newest first. Never any
 * outlier: those stay with the prefecture.
 */
export async function listOwnQueries(
  viewer: TViewer,
  cycleId?: string,
): Promise<(TItemQueryView & { cycleId: string })[]> {
  const respondent = asRespondent(viewer);
  return db.itemQuery.findMany({
    where: { submission: respondentWhere(respondent), ...(cycleId ? { cycleId } : {}) },
    orderBy: { askedAt: "desc" },
    select: { ...querySelect, cycleId: true },
  });
}

/** The cycle's latest outlier run and how many reports carry each flag, for the review list. */
export async function getCycleFlagSummary(viewer: TViewer, cycleId: string) {
  assertRole(viewer, "prefecture");
  const cycle = await findCycle(viewer, cycleId);
  const [run, ...counts] = await Promise.all([
    db.outlierRun.findUnique({ where: { cycleId: cycle.id } }),
    ...REVIEW_FLAG_KINDS.map((kind) => db.submission.count({ where: { cycleId: cycle.id, ...flagWhere(kind) } })),
  ]);
  const reports = Object.fromEntries(REVIEW_FLAG_KINDS.map((kind, i) => [kind, counts[i]])) as TReviewFlagCounts;
  return { run, reports };
}
