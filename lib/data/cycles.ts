import { isSuspendedFor } from "@/lib/domain/suspension";
import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { notFoundError } from "@/lib/errors";
import { cycleTitle } from "@/lib/domain/labels";
import type { TResponseStatus } from "@/lib/aggregation/status";
import { cycleScope, hubScope, institutionScope, submissionScope } from "./scope";

export type TStatusCounts = Record<TResponseStatus, number> & {
  total: number;
  /** Active institutions 休院 on the cycle's 1 January that have not started it: outside `total`. */
  suspended: number;
};

export const emptyCounts = (): TStatusCounts => ({
  NOT_STARTED: 0,
  DRAFT: 0,
  SUBMITTED: 0,
  RETURNED: 0,
  CONFIRMED: 0,
  total: 0,
  suspended: 0,
});

const cycleSelect = {
  id: true,
  prefectureCode: true,
  kind: true,
  fiscalYear: true,
  status: true,
  requestDate: true,
  opensAt: true,
  closesAt: true,
  publishAt: true,
  createdAt: true,
  questionnaireVersionId: true,
  questionnaireVersion: { select: { id: true, label: true, versionKey: true } },
} as const satisfies Prisma.ReportingCycleSelect;

export type TCycle = Prisma.ReportingCycleGetPayload<{ select: typeof cycleSelect }> & { title: string };

const withTitle = <T extends { fiscalYear: number; kind: "CLINIC_REPORT" | "HUB_SELF_ASSESSMENT" }>(cycle: T) => ({
  ...cycle,
  title: cycleTitle(cycle),
});

/** A cycle of the viewer's prefecture, or NOT_FOUND. */
export async function findCycle(viewer: TViewer, cycleId: string): Promise<TCycle> {
  const cycle = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { id: cycleId }] },
    select: cycleSelect,
  });
  if (!cycle) throw notFoundError("報告サイクル");
  return withTitle(cycle);
}

/**
 * Who must answer a cycle: the prefecture's active institutions (clinic report) or hubs
 * (self-assessment), plus any inactive one that has already started it.
 */
export function cycleRespondentsWhere(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind">,
): { institution: Prisma.InstitutionWhereInput } | { hub: Prisma.HubWhereInput } {
  const activeOrStarted = { OR: [{ isActive: true }, { submissions: { some: { cycleId: cycle.id } } }] };
  return cycle.kind === "CLINIC_REPORT"
    ? { institution: { AND: [institutionScope(viewer), activeOrStarted] } }
    : { hub: { AND: [hubScope(viewer), activeOrStarted] } };
}

/** Per-status counts of a cycle's respondents, "not started" included. */
export async function countCycleStatuses(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind" | "fiscalYear">,
): Promise<TStatusCounts> {
  return (await countStatusesOfCycles(viewer, [cycle])).get(cycle.id)!;
}

/**
 * Per-status counts of several cycles at once, in a fixed number of grouped queries whatever the
 * number of cycles (the cycle list and the prefecture home show every cycle's progress). The
 * respondents of a cycle (cycleRespondentsWhere) are the active ones plus inactive ones that
 * started it; every submission belongs to a respondent, so the statuses are a plain group-by on
 * the submissions in the viewer's scope (for an officer, by their own prefecture column: no join).
 */
export async function countStatusesOfCycles(
  viewer: TViewer,
  cycles: readonly Pick<TCycle, "id" | "kind" | "fiscalYear">[],
): Promise<Map<string, TStatusCounts>> {
  const clinicIds = cycles.filter((c) => c.kind === "CLINIC_REPORT").map((c) => c.id);
  const hubIds = cycles.filter((c) => c.kind === "HUB_SELF_ASSESSMENT").map((c) => c.id);
  const none = Promise.resolve([] as { cycleId: string; status?: TResponseStatus; _count: { _all: number } }[]);
  const [activeInstitutions, activeHubs, clinicStatuses, hubStatuses, inactiveInstitutions, inactiveHubs, suspended] =
    await Promise.all([
      clinicIds.length ? db.institution.count({ where: { AND: [institutionScope(viewer), { isActive: true }] } }) : 0,
      hubIds.length ? db.hub.count({ where: { AND: [hubScope(viewer), { isActive: true }] } }) : 0,
      clinicIds.length
        ? db.submission.groupBy({
            by: ["cycleId", "status"],
            where: { AND: [submissionScope(viewer), { cycleId: { in: clinicIds } }] },
            _count: { _all: true },
          })
        : none,
      hubIds.length
        ? db.submission.groupBy({
            by: ["cycleId", "status"],
            where: { AND: [submissionScope(viewer), { cycleId: { in: hubIds } }] },
            _count: { _all: true },
          })
        : none,
      clinicIds.length
        ? db.submission.groupBy({
            by: ["cycleId"],
            where: {
              cycleId: { in: clinicIds },
              institution: { AND: [institutionScope(viewer), { isActive: false }] },
            },
            _count: { _all: true },
          })
        : none,
      hubIds.length
        ? db.submission.groupBy({
            by: ["cycleId"],
            where: { cycleId: { in: hubIds }, hub: { AND: [hubScope(viewer), { isActive: false }] } },
            _count: { _all: true },
          })
        : none,
      // Few rows: the active institutions with a 休院日, and which of these cycles each started.
      clinicIds.length
        ? db.institution.findMany({
            where: { AND: [institutionScope(viewer), { isActive: true, suspendedSince: { not: null } }] },
            select: {
              suspendedSince: true,
              submissions: { where: { cycleId: { in: clinicIds } }, select: { cycleId: true } },
            },
          })
        : Promise.resolve([]),
    ]);
  const result = new Map<string, TStatusCounts>();
  for (const cycle of cycles) {
    const clinic = cycle.kind === "CLINIC_REPORT";
    const counts = emptyCounts();
    let started = 0;
    for (const row of clinic ? clinicStatuses : hubStatuses) {
      if (row.cycleId !== cycle.id || !row.status) continue;
      counts[row.status] = row._count._all;
      started += row._count._all;
    }
    const inactiveStarted =
      (clinic ? inactiveInstitutions : inactiveHubs).find((r) => r.cycleId === cycle.id)?._count._all ?? 0;
    // 休院 on the cycle's 1 January and not started: outside the denominator (a report sent anyway counts).
    counts.suspended = clinic
      ? suspended.filter(
          (i) => isSuspendedFor(i, cycle.fiscalYear) && !i.submissions.some((s) => s.cycleId === cycle.id),
        ).length
      : 0;
    counts.total = (clinic ? activeInstitutions - counts.suspended : activeHubs) + inactiveStarted;
    counts.NOT_STARTED = counts.total - started;
    result.set(cycle.id, counts);
  }
  return result;
}

export async function listCycles(viewer: TViewer) {
  const cycles = await db.reportingCycle.findMany({
    where: cycleScope(viewer),
    select: cycleSelect,
    orderBy: [{ fiscalYear: "desc" }, { kind: "asc" }],
  });
  const counts = await countStatusesOfCycles(viewer, cycles);
  return cycles.map((cycle) => ({ ...withTitle(cycle), counts: counts.get(cycle.id)! }));
}

/** The previous year's cycle of the same questionnaire, for 前年度との比較. */
export async function findPreviousCycle(viewer: TViewer, cycle: Pick<TCycle, "kind" | "fiscalYear">) {
  const previous = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { kind: cycle.kind, fiscalYear: { lt: cycle.fiscalYear } }] },
    orderBy: { fiscalYear: "desc" },
    select: cycleSelect,
  });
  return previous ? withTitle(previous) : null;
}

/** Published definition versions a cycle may be created from (definitions are public documents). */
export async function listPublishedVersions() {
  return db.questionnaireVersion.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true, kind: true, label: true, versionKey: true, fiscalYear: true },
    orderBy: [{ kind: "asc" }, { fiscalYear: "desc" }, { label: "asc" }],
  });
}

/** Respondents currently allowed to edit after the deadline (期限後の入力許可), soonest end first. */
export async function listReopened(viewer: TViewer, cycleId: string, now = new Date()) {
  const rows = await db.submission.findMany({
    where: { AND: [submissionScope(viewer), { cycleId, reopenedUntil: { gt: now } }] },
    select: {
      id: true,
      status: true,
      revision: true,
      isAmending: true,
      reopenedUntil: true,
      institution: { select: { id: true, code: true, name: true } },
      hub: { select: { id: true, name: true } },
    },
    orderBy: { reopenedUntil: "asc" },
  });
  return rows.map((r) => ({
    ...r,
    respondentId: r.institution?.id ?? r.hub!.id,
    name: r.institution?.name ?? r.hub!.name,
    code: r.institution?.code ?? null,
  }));
}

/** The viewer's active hubs, for choosing one (self-assessment cycles). */
export async function listActiveHubs(viewer: TViewer) {
  return db.hub.findMany({
    where: { AND: [hubScope(viewer), { isActive: true }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
