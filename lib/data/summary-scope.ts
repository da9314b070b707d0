import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, forbiddenError, notFoundError } from "@/lib/errors";
import { cycleTitle } from "@/lib/domain/labels";
import type { TKindFilter } from "@/lib/aggregation";
import type { TSummaryFilter } from "@/lib/summaries/types";
import { cycleScope, zoneScope } from "./scope";

// What a dashboard request may look at: the viewer's cycles and zone schemes, and the filter of a
// URL resolved against them (defaults filled in, anything out of scope a 404). Pages, the JSON API,
// exports and PDF batches resolve their filter here before lib/data/summaries reads the counters.

type TRawFilter = {
  cycleId?: string | null;
  schemeId?: string | null;
  zoneId?: string | null;
  kind?: TKindFilter;
  confirmedOnly?: boolean;
};

/** The clinic-report cycles the viewer may look at, newest first. */
export async function listDashboardCycles(viewer: TViewer) {
  if (viewer.role === "institution" || viewer.role === "hub") throw forbiddenError();
  return db.reportingCycle.findMany({
    where: { AND: [cycleScope(viewer), { kind: "CLINIC_REPORT", status: { not: "PREPARING" } }] },
    orderBy: [{ fiscalYear: "desc" }, { prefectureCode: "asc" }],
    select: {
      id: true,
      fiscalYear: true,
      status: true,
      prefectureCode: true,
      kind: true,
      _count: { select: { submissions: { where: { revision: { gt: 0 } } } } },
    },
  });
}

/**
 * The cycle a dashboard opens on: the newest with a submitted report. A new 年度 that has just
 * opened beside the last one (nothing submitted yet) would otherwise show empty tables.
 */
export function defaultDashboardCycle<T extends { _count: { submissions: number } }>(cycles: T[]): T | undefined {
  return cycles.find((c) => c._count.submissions > 0) ?? cycles[0];
}

/** The zone schemes of a prefecture (councils: only schemes holding their zones). */
export async function listDashboardSchemes(viewer: TViewer, prefectureCode: string) {
  const schemes = await db.zoneScheme.findMany({
    where: { prefectureCode, zones: { some: zoneScope(viewer) } },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    include: {
      zones: {
        where: zoneScope(viewer),
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { id: true, code: true, name: true },
      },
    },
  });
  return schemes;
}

export type TDashboardCycle = Awaited<ReturnType<typeof listDashboardCycles>>[number];
export type TDashboardScheme = Awaited<ReturnType<typeof listDashboardSchemes>>[number];

/** A resolved filter with what was loaded to resolve it, so callers do not load it again. */
export type TSummaryScope = {
  filter: TSummaryFilter;
  /** Every cycle the viewer may look at (all prefectures for the administrator). */
  cycles: TDashboardCycle[];
  cycle: TDashboardCycle;
  /** The zone schemes of the cycle's prefecture the viewer may see, with their visible zones. */
  schemes: TDashboardScheme[];
  scheme: TDashboardScheme | null;
};

/**
 * Fills in the defaults of a dashboard filter and checks it against the viewer: the newest cycle
 * with reports, the default zone scheme, and for councils always one of their own zones. A page
 * that already listed the cycles (to show an empty state) passes them in.
 */
/**
 * A cycle still in 準備中 is not on any dashboard, but it exists and takes imports: asked for by
 * id, it is answered with what it already holds rather than as unknown (a 404 would tell the
 * officer it does not exist).
 */
async function assertNotPreparing(viewer: TViewer, cycleId: string): Promise<void> {
  const cycle = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { id: cycleId, kind: "CLINIC_REPORT", status: "PREPARING" }] },
    select: { id: true, fiscalYear: true, kind: true, prefectureCode: true },
  });
  if (!cycle) return;
  const [institutions, ndbRows, ndbInstitutions] = await Promise.all([
    db.institution.count({ where: { prefectureCode: cycle.prefectureCode, isActive: true } }),
    db.ndbPrefill.count({ where: { cycleId } }),
    db.ndbPrefill.groupBy({ by: ["institutionId"], where: { cycleId } }).then((rows) => rows.length),
  ]);
  const n = (value: number) => value.toLocaleString("ja-JP");
  throw new AppError(
    "CYCLE_PREPARING",
    `「${cycleTitle(cycle)}」は準備中です（受付開始前）。集計は受付を始めると表示されます。` +
      `いま取り込まれているもの: 医療機関名簿の報告対象 ${n(institutions)}機関、NDBプレプリント値 ${n(ndbRows)}件（${n(ndbInstitutions)}機関）。`,
  );
}

export async function resolveSummaryScope(
  viewer: TViewer,
  raw: TRawFilter,
  loaded: { cycles?: TDashboardCycle[] } = {},
): Promise<TSummaryScope> {
  const cycles = loaded.cycles ?? (await listDashboardCycles(viewer));
  const cycle = raw.cycleId ? cycles.find((c) => c.id === raw.cycleId) : defaultDashboardCycle(cycles);
  if (!cycle) {
    if (raw.cycleId) await assertNotPreparing(viewer, raw.cycleId);
    throw notFoundError("報告サイクル");
  }
  const schemes = await listDashboardSchemes(viewer, cycle.prefectureCode);
  const scheme = (raw.schemeId ? schemes.find((s) => s.id === raw.schemeId) : schemes[0]) ?? null;
  if (raw.schemeId && !scheme) throw notFoundError("圏域の区分");
  let zoneId = raw.zoneId ?? null;
  if (zoneId && !scheme?.zones.some((z) => z.id === zoneId)) throw notFoundError("圏域");
  if (viewer.role === "council" && !zoneId) zoneId = scheme?.zones[0]?.id ?? null;
  if (viewer.role === "council" && !zoneId) throw forbiddenError();
  const filter: TSummaryFilter = {
    cycleId: cycle.id,
    schemeId: scheme?.id ?? null,
    zoneId,
    kind: raw.kind ?? "ALL",
    confirmedOnly: raw.confirmedOnly ?? false,
  };
  return { filter, cycles, cycle, schemes, scheme };
}

/** resolveSummaryScope's filter alone (the API, exports and documents need nothing else). */
export async function resolveSummaryFilter(viewer: TViewer, raw: TRawFilter): Promise<TSummaryFilter> {
  return (await resolveSummaryScope(viewer, raw)).filter;
}
