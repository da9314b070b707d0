// What a dashboard, the summaries API, an export and a PDF packet show, as plain JSON: the same
// bundle feeds all of them, so a figure in a council packet is the figure on the screen.
// Pure types (no React, no Prisma); built by lib/data/summaries.ts.
import type {
  TClinicSummary,
  THubGroupChange,
  THubGroupSummary,
  THubSummary,
  TIndicatorComparison,
  TIndicatorRanking,
  TKindFilter,
  TPopulation,
  TSummaryChange,
} from "@/lib/aggregation";

export type TSummaryFilter = {
  cycleId: string;
  schemeId: string | null;
  zoneId: string | null;
  kind: TKindFilter;
  confirmedOnly: boolean;
};

export type TCycleRef = {
  id: string;
  fiscalYear: number;
  /** 令和7年度 かかりつけ医機能報告 */
  title: string;
  prefectureCode: string;
  prefectureName: string;
  /** The data is fictional (架空のデモデータ). */
  isDemo: boolean;
  versionLabel: string;
};

export type TGroupSummary = {
  summary: TClinicSummary;
  /** The same group in the previous year's cycle; null when there is none. */
  previous: TClinicSummary | null;
  change: TSummaryChange | null;
  /** Institutions 休院 on the cycle's 1 January, left out of 対象 (status.respondents). */
  suspended?: number;
};

export type TZoneRef = { id: string; code: string; name: string; municipalities: { code: string; name: string }[] };

export type TInstitutionStatusRow = {
  id: string;
  code: string;
  name: string;
  kind: "HOSPITAL" | "CLINIC";
  municipality: string;
  /** NOT_STARTED, DRAFT … as the viewer may see them (councils see 未提出 for both). */
  status: "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "RETURNED" | "CONFIRMED" | "UNSUBMITTED";
  revision: number;
  /** Per function key: 有り / 意向有り / mode, from the latest submitted revision. */
  functions: Record<string, { has: boolean; intent: boolean; mode: string | null }>;
};

export type THubRow = { id: string; name: string; zoneName: string; summary: THubSummary };

export type THubsBlock = {
  cycleId: string | null;
  group: THubGroupSummary | null;
  /** Last year's pooled figures, every hub that reported then (shown beside this year's). */
  previousGroup: THubGroupSummary | null;
  /** The pooled change from last year over the hubs scored in both years (compareMatchedHubs). */
  change: THubGroupChange | null;
  hubs: THubRow[];
};

export type TPrefectureDashboard = {
  level: "prefecture";
  cycle: TCycleRef;
  filter: TSummaryFilter;
  scheme: { id: string; name: string } | null;
  prefecture: TGroupSummary;
  /** The zones side by side: this year's summary and the comparison with the prefecture (each zone's change from last year is on its zone view). */
  zones: (TZoneRef & { summary: TClinicSummary; comparison: TIndicatorComparison[] })[];
  rankings: TIndicatorRanking[];
  hubs: THubsBlock;
  generatedAt: string;
};

export type TZoneDashboard = {
  level: "zone";
  cycle: TCycleRef;
  filter: TSummaryFilter;
  scheme: { id: string; name: string };
  zone: TZoneRef & TGroupSummary;
  /** The prefecture as reference (the 課題 candidates are indicators below it). */
  prefecture: TClinicSummary;
  comparison: TIndicatorComparison[];
  /** Officers see the other zones; councils see only where their zone ranks. */
  otherZones: { name: string; summary: TClinicSummary }[] | null;
  municipalities: { code: string; name: string; summary: TClinicSummary }[];
  institutions: TInstitutionStatusRow[];
  hubs: THubsBlock;
  generatedAt: string;
};

export type TNationalDashboard = {
  level: "national";
  fiscalYear: number;
  filter: { kind: TKindFilter; confirmedOnly: boolean };
  nation: { summary: TClinicSummary; previous: TClinicSummary | null };
  prefectures: {
    code: string;
    name: string;
    cycleId: string | null;
    isDemo: boolean;
    summary: TClinicSummary | null;
  }[];
  population: TPopulation;
  generatedAt: string;
};

/** A named summary: a zone, a municipality, a prefecture. */
export type TNamedSummary = { key: string; name: string; summary: TClinicSummary };
