import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, forbiddenError, notFoundError } from "@/lib/errors";
import { referenceDateOf } from "@/lib/domain/suspension";
import { cycleTitle } from "@/lib/domain/labels";
import { PREFECTURES } from "@/lib/domain/prefectures";
import {
  compareSummaries,
  compareWithReference,
  countHubReports,
  emptyClinicCounters,
  rankGroups,
  sumClinicCounters,
  sumPopulations,
  summarizeClinic,
  summarizeHub,
  summarizeHubGroup,
  compareMatchedHubs,
  type TClinicCounters,
  type TKindFilter,
  type TMunicipalPopulation,
} from "@/lib/aggregation";
import type { THubScores } from "@/lib/questionnaire/score";
import type { TStoredDerived } from "@/lib/questionnaire/snapshot";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type {
  TCycleRef,
  TGroupSummary,
  THubsBlock,
  TInstitutionStatusRow,
  TNationalDashboard,
  TPrefectureDashboard,
  TSummaryFilter,
  TZoneDashboard,
  TZoneRef,
} from "@/lib/summaries/types";
import { getDefinition } from "./questionnaires";
import { cycleScope, hubScope } from "./scope";
import { parseOptionalDerived } from "./json-columns";
import { unsafeLoadClinicCells, unsafeLoadClinicTotals } from "./clinic-counters";

// Dashboards read pre-aggregated counters (ClinicCounterCell per municipality, ClinicCounterTotal
// per cycle, with their pending changes: ./clinic-counters.ts; lib/services/counters.ts) and turn them into summaries with lib/aggregation. Nothing
// here reads every report except the institution list of one zone.

async function loadCycle(viewer: TViewer, cycleId: string) {
  const cycle = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { id: cycleId, kind: "CLINIC_REPORT" }] },
    include: { prefecture: true, questionnaireVersion: { select: { label: true } } },
  });
  if (!cycle) throw notFoundError("報告サイクル");
  const ref: TCycleRef = {
    id: cycle.id,
    fiscalYear: cycle.fiscalYear,
    title: cycleTitle(cycle),
    prefectureCode: cycle.prefectureCode,
    prefectureName: cycle.prefecture.name,
    isDemo: cycle.prefecture.isDemo,
    versionLabel: cycle.questionnaireVersion.label,
  };
  const definition = await getDefinition(cycle.questionnaireVersionId);
  const previous = await db.reportingCycle.findFirst({
    where: { prefectureCode: cycle.prefectureCode, kind: "CLINIC_REPORT", fiscalYear: cycle.fiscalYear - 1 },
    select: { id: true },
  });
  return { ref, definition, previousCycleId: previous?.id ?? null };
}

async function loadPopulations(prefectureCode: string): Promise<Map<string, TMunicipalPopulation & { name: string }>> {
  const rows = await db.municipality.findMany({
    where: { prefectureCode },
    select: { code: true, name: true, populationTotal: true, population65: true, population75: true },
  });
  return new Map(rows.map((r) => [r.code, r]));
}

function sumCells(cells: Map<string, TClinicCounters>, codes: readonly string[]): TClinicCounters {
  return sumClinicCounters(codes.flatMap((code) => (cells.has(code) ? [cells.get(code)!] : [])));
}

function groupSummary(
  codes: readonly string[],
  cells: Map<string, TClinicCounters>,
  previousCells: Map<string, TClinicCounters> | null,
  populations: Map<string, TMunicipalPopulation>,
  options: { kind: TKindFilter; confirmedOnly: boolean; definition: TQuestionnaireDefinition },
  suspended?: Map<string, number>,
): TGroupSummary {
  const population = sumPopulations(
    codes.map((c) => populations.get(c)).filter((p): p is TMunicipalPopulation => Boolean(p)),
  );
  const summary = summarizeClinic(sumCells(cells, codes), { ...options, population });
  const previous = previousCells ? summarizeClinic(sumCells(previousCells, codes), { ...options, population }) : null;
  const excluded = suspended ? codes.reduce((sum, code) => sum + (suspended.get(code) ?? 0), 0) : 0;
  return { summary, previous, change: previous ? compareSummaries(summary, previous) : null, suspended: excluded };
}

/**
 * Per municipality, the active institutions 休院 on the cycle's 1 January that did not report:
 * the counters leave them out of 対象, and the dashboards say how many (lib/domain/suspension).
 */
async function loadSuspended(ref: TCycleRef): Promise<Map<string, number>> {
  const rows = await db.institution.findMany({
    where: {
      prefectureCode: ref.prefectureCode,
      isActive: true,
      suspendedSince: { not: null, lte: referenceDateOf(ref.fiscalYear) },
      submissions: { none: { cycleId: ref.id, revision: { gt: 0 } } },
    },
    select: { municipalityCode: true },
  });
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.municipalityCode, (counts.get(r.municipalityCode) ?? 0) + 1);
  return counts;
}

/**
 * A zone scheme of the cycle's prefecture with every zone and its municipalities. The cycle was
 * already checked against the viewer; every zone is needed for the prefecture reference and the
 * comparisons, and councils only ever receive their own zone's rows (see getZoneDashboard).
 */
async function loadScheme(
  schemeId: string,
  prefectureCode: string,
): Promise<{ id: string; name: string; zones: TZoneRef[] }> {
  const scheme = await db.zoneScheme.findFirst({
    where: { id: schemeId, prefectureCode },
    include: {
      zones: {
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        include: {
          municipalities: {
            include: { municipality: { select: { code: true, name: true } } },
            orderBy: { municipalityCode: "asc" },
          },
        },
      },
    },
  });
  if (!scheme) throw notFoundError("圏域の区分");
  return {
    id: scheme.id,
    name: scheme.name,
    zones: scheme.zones.map((z) => ({
      id: z.id,
      code: z.code,
      name: z.name,
      municipalities: z.municipalities.map((m) => ({ code: m.municipality.code, name: m.municipality.name })),
    })),
  };
}

/** Prefecture view: headline figures, zones side by side, hubs by duty, year over year. */
export async function getPrefectureDashboard(viewer: TViewer, filter: TSummaryFilter): Promise<TPrefectureDashboard> {
  if (viewer.role !== "prefecture" && viewer.role !== "admin") throw forbiddenError();
  const { ref, definition, previousCycleId } = await loadCycle(viewer, filter.cycleId);
  const [cells, previousCells, populations, scheme, suspended] = await Promise.all([
    unsafeLoadClinicCells(ref.id),
    previousCycleId ? unsafeLoadClinicCells(previousCycleId) : Promise.resolve(null),
    loadPopulations(ref.prefectureCode),
    filter.schemeId ? loadScheme(filter.schemeId, ref.prefectureCode) : Promise.resolve(null),
    loadSuspended(ref),
  ]);
  const options = { kind: filter.kind, confirmedOnly: filter.confirmedOnly, definition };
  const prefecture = groupSummary([...populations.keys()], cells, previousCells, populations, options, suspended);
  // Each zone's own year-over-year change is on its zone view; the prefecture view draws only the
  // zones side by side, so their last-year summaries are neither computed nor sent (issue 18).
  const zones = (scheme?.zones ?? []).map((zone) => {
    const { summary } = groupSummary(
      zone.municipalities.map((m) => m.code),
      cells,
      null,
      populations,
      options,
      suspended,
    );
    return { ...zone, summary, comparison: compareWithReference(summary, prefecture.summary) };
  });
  return {
    level: "prefecture",
    cycle: ref,
    filter,
    scheme: scheme ? { id: scheme.id, name: scheme.name } : null,
    prefecture,
    zones,
    rankings: rankGroups(zones.map((z) => ({ key: z.id, label: z.name, summary: z.summary }))),
    hubs: await loadHubs(viewer, ref, null),
    generatedAt: new Date().toISOString(),
  };
}

/** Zone view: the zone against the prefecture (and the other zones), its municipalities and institutions. */
export async function getZoneDashboard(viewer: TViewer, filter: TSummaryFilter): Promise<TZoneDashboard> {
  if (viewer.role !== "prefecture" && viewer.role !== "admin" && viewer.role !== "council") throw forbiddenError();
  if (!filter.schemeId || !filter.zoneId) throw new AppError("INVALID_INPUT", "圏域を選んでください。");
  if (viewer.role === "council" && !viewer.zoneIds.includes(filter.zoneId)) throw notFoundError("圏域");
  const { ref, definition, previousCycleId } = await loadCycle(viewer, filter.cycleId);
  const [cells, previousCells, populations, suspended] = await Promise.all([
    unsafeLoadClinicCells(ref.id),
    previousCycleId ? unsafeLoadClinicCells(previousCycleId) : Promise.resolve(null),
    loadPopulations(ref.prefectureCode),
    loadSuspended(ref),
  ]);
  const scheme = await loadScheme(filter.schemeId, ref.prefectureCode);
  const zone = scheme.zones.find((z) => z.id === filter.zoneId);
  if (!zone) throw notFoundError("圏域");
  const options = { kind: filter.kind, confirmedOnly: filter.confirmedOnly, definition };
  const prefecture = summarizeClinic(sumClinicCounters(cells.values()), {
    ...options,
    population: sumPopulations([...populations.values()]),
  });
  const codes = zone.municipalities.map((m) => m.code);
  const group = groupSummary(codes, cells, previousCells, populations, options, suspended);
  const isCouncil = viewer.role === "council";
  return {
    level: "zone",
    cycle: ref,
    filter,
    scheme: { id: scheme.id, name: scheme.name },
    zone: { ...zone, ...group },
    prefecture,
    comparison: compareWithReference(group.summary, prefecture),
    otherZones: isCouncil
      ? null
      : scheme.zones
          .filter((z) => z.id !== zone.id)
          .map((z) => ({
            name: z.name,
            summary: groupSummary(
              z.municipalities.map((m) => m.code),
              cells,
              null,
              populations,
              options,
            ).summary,
          })),
    municipalities: zone.municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      summary: summarizeClinic(cells.get(m.code) ?? emptyClinicCounters(), {
        ...options,
        population: sumPopulations(populations.has(m.code) ? [populations.get(m.code)!] : []),
      }),
    })),
    institutions: await loadInstitutionRows(viewer, ref.id, codes, filter),
    hubs: await loadHubs(viewer, ref, codes),
    generatedAt: new Date().toISOString(),
  };
}

async function loadInstitutionRows(
  viewer: TViewer,
  cycleId: string,
  municipalityCodes: readonly string[],
  filter: TSummaryFilter,
): Promise<TInstitutionStatusRow[]> {
  // One join reading only the function flags of each report, not its whole stored status: a zone
  // of 2,000 institutions is read in a quarter of the time, which matters on the embedded
  // database, where every other request waits for this query (a packet batch runs it per zone).
  // The zone's municipalities were resolved within the viewer's scope by the caller.
  const rows = await db.$queryRaw<
    {
      id: string;
      code: string;
      name: string;
      kind: TInstitutionStatusRow["kind"];
      municipality: string;
      status: Exclude<TInstitutionStatusRow["status"], "NOT_STARTED" | "UNSUBMITTED"> | null;
      revision: number | null;
      functions: TStoredDerived["functions"] | null;
    }[]
  >`
    SELECT i."id", i."code", i."name", i."kind"::text AS "kind", m."name" AS "municipality",
           s."status"::text AS "status", s."revision", s."derived"->'functions' AS "functions"
    FROM "Institution" i
    JOIN "Municipality" m ON m."code" = i."municipalityCode"
    LEFT JOIN "Submission" s ON s."institutionId" = i."id" AND s."cycleId" = ${cycleId}
    WHERE i."municipalityCode" = ANY(${[...municipalityCodes]}::text[])
      AND (${filter.kind === "ALL"} OR i."kind"::text = ${filter.kind})
      AND (i."isActive" OR s."revision" > 0)
    ORDER BY i."kind", i."code"`;
  const hideDrafts = viewer.role === "council";
  return rows.map((row): TInstitutionStatusRow => {
    const revision = row.revision ?? 0;
    const counted = revision > 0 && (!filter.confirmedOnly || row.status === "CONFIRMED");
    let status: TInstitutionStatusRow["status"] = row.status ?? "NOT_STARTED";
    if (hideDrafts && (status === "DRAFT" || status === "NOT_STARTED")) status = "UNSUBMITTED";
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
      municipality: row.municipality,
      status,
      revision,
      functions: Object.fromEntries(
        Object.entries((counted && row.functions) || {}).map(([key, f]) => [
          key,
          { has: f.has, intent: f.intent, mode: f.mode },
        ]),
      ),
    };
  });
}

/** Hub self-assessments of the same 年度: per hub (with last year) and pooled by duty. */
async function loadHubs(
  viewer: TViewer,
  cycle: TCycleRef,
  municipalityCodes: readonly string[] | null,
): Promise<THubsBlock> {
  const hubCycles = await db.reportingCycle.findMany({
    where: {
      prefectureCode: cycle.prefectureCode,
      kind: "HUB_SELF_ASSESSMENT",
      fiscalYear: { in: [cycle.fiscalYear, cycle.fiscalYear - 1] },
    },
    select: { id: true, fiscalYear: true, questionnaireVersionId: true },
  });
  const current = hubCycles.find((c) => c.fiscalYear === cycle.fiscalYear);
  const previous = hubCycles.find((c) => c.fiscalYear === cycle.fiscalYear - 1);
  if (!current) return { cycleId: null, group: null, previousGroup: null, change: null, hubs: [] };
  const hubs = await db.hub.findMany({
    where: {
      AND: [
        hubScope(viewer),
        { prefectureCode: cycle.prefectureCode, isActive: true },
        municipalityCodes
          ? { zone: { municipalities: { some: { municipalityCode: { in: [...municipalityCodes] } } } } }
          : {},
      ],
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      zone: { select: { name: true } },
      submissions: {
        where: { cycleId: { in: hubCycles.map((c) => c.id) } },
        select: { cycleId: true, status: true, revision: true, derived: true },
      },
    },
  });
  const definition = await getDefinition(current.questionnaireVersionId);
  const scoresOf = (s: { revision: number; derived: unknown } | undefined): THubScores | null =>
    s && s.revision > 0 ? (parseOptionalDerived(s.derived)?.scores ?? null) : null;
  const reports = hubs.map((hub) => {
    const now = hub.submissions.find((s) => s.cycleId === current.id);
    const before = previous ? hub.submissions.find((s) => s.cycleId === previous.id) : undefined;
    return {
      hub,
      input: { status: now?.status ?? ("NOT_STARTED" as const), scores: scoresOf(now) },
      previousInput: { status: before?.status ?? ("NOT_STARTED" as const), scores: scoresOf(before) },
    };
  });
  return {
    cycleId: current.id,
    group: summarizeHubGroup(countHubReports(reports.map((r) => r.input)), { definition }),
    previousGroup: previous
      ? summarizeHubGroup(countHubReports(reports.map((r) => r.previousInput)), { definition })
      : null,
    change: compareMatchedHubs(
      reports.map((r) => ({ current: r.input, previous: r.previousInput })),
      { definition },
    ),
    hubs: reports.map((r) => ({
      id: r.hub.id,
      name: r.hub.name,
      zoneName: r.hub.zone.name,
      summary: summarizeHub({ ...r.input, previousScores: r.previousInput.scores }),
    })),
  };
}

/** National view: every prefecture's cycle of the 年度 from its stored total. */
export async function getNationalDashboard(
  viewer: TViewer,
  options: { fiscalYear?: number; kind: TKindFilter; confirmedOnly: boolean },
): Promise<TNationalDashboard> {
  if (viewer.role !== "admin") throw forbiddenError();
  // The newest 年度 with a submitted report (see defaultDashboardCycle).
  const latest = await db.reportingCycle.aggregate({
    where: { kind: "CLINIC_REPORT", status: { not: "PREPARING" }, submissions: { some: { revision: { gt: 0 } } } },
    _max: { fiscalYear: true },
  });
  const fiscalYear = options.fiscalYear ?? latest._max.fiscalYear ?? new Date().getFullYear();
  const [cycles, populationRows, prefectures] = await Promise.all([
    db.reportingCycle.findMany({
      where: { kind: "CLINIC_REPORT", fiscalYear: { in: [fiscalYear, fiscalYear - 1] }, status: { not: "PREPARING" } },
      select: {
        id: true,
        fiscalYear: true,
        prefectureCode: true,
      },
    }),
    db.municipality.groupBy({
      by: ["prefectureCode"],
      _sum: { populationTotal: true, population65: true, population75: true },
      _count: { _all: true, population65: true, population75: true, populationTotal: true },
    }),
    db.prefecture.findMany({ select: { code: true, isDemo: true } }),
  ]);
  const totals = await unsafeLoadClinicTotals(cycles.map((c) => c.id));
  const countersOf = (c: (typeof cycles)[number] | undefined) => (c ? (totals.get(c.id) ?? null) : null);
  const populationOf = (code: string) => {
    const row = populationRows.find((r) => r.prefectureCode === code);
    if (!row) return { total: null, age65: null, age75: null };
    const complete = (count: number) => count === row._count._all;
    return {
      total: complete(row._count.populationTotal) ? row._sum.populationTotal : null,
      age65: complete(row._count.population65) ? row._sum.population65 : null,
      age75: complete(row._count.population75) ? row._sum.population75 : null,
    };
  };
  const summaryOptions = { kind: options.kind, confirmedOnly: options.confirmedOnly };
  const rows = PREFECTURES.map((p) => {
    const cycle = cycles.find((c) => c.prefectureCode === p.code && c.fiscalYear === fiscalYear);
    const counters = countersOf(cycle);
    return {
      code: p.code,
      name: p.name,
      cycleId: cycle?.id ?? null,
      isDemo: prefectures.find((x) => x.code === p.code)?.isDemo ?? false,
      counters,
      summary: counters ? summarizeClinic(counters, { ...summaryOptions, population: populationOf(p.code) }) : null,
    };
  });
  const withData = rows.filter((r) => r.counters);
  const population = sumPopulations(
    withData.map((r) => {
      const p = populationOf(r.code);
      return { populationTotal: p.total, population65: p.age65, population75: p.age75 };
    }),
  );
  const previousTotals = cycles
    .filter((c) => c.fiscalYear === fiscalYear - 1)
    .map(countersOf)
    .filter((c): c is TClinicCounters => c !== null);
  return {
    level: "national",
    fiscalYear,
    filter: summaryOptions,
    nation: {
      summary: summarizeClinic(sumClinicCounters(withData.map((r) => r.counters!)), { ...summaryOptions, population }),
      previous: previousTotals.length ? summarizeClinic(sumClinicCounters(previousTotals), summaryOptions) : null,
    },
    prefectures: rows.map(({ counters: _counters, ...row }) => row),
    population,
    generatedAt: new Date().toISOString(),
  };
}
