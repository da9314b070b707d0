// From dashboard bundles (lib/summaries/types.ts) to what the dashboard draws: chart series,
// heatmap cells, headline cards, tile-map tiles and the rows of the comparison tables. Pure (no
// React, no Prisma), so the client chart wrappers and the server pages share one tested mapping.
//
// Charts receive percentages (0–100, unrounded); every text is formatted here with lib/format,
// at display time, from counts and denominators. Every figure keeps its count and n so a chart,
// a cell or a tooltip can always say what it rests on.
import {
  CLINIC_INDICATORS,
  INSTITUTION_KIND_LABELS,
  HUB_TOTAL_KEY,
  MIN_N_FOR_COMPARISON,
  MODE_KEYS,
  MODE_LABELS,
  JUDGEMENT_LABELS,
  RESPONSE_STATUS_LABELS,
  findIndicator,
  per10kValue,
  rateValue,
  readIndicator,
  type TClinicSummary,
  type TFunctionSummary,
  type THubDutySummary,
  type THubGroupChange,
  type THubGroupSummary,
  type TIndicatorComparison,
  type TIndicatorGroup,
  type TIndicatorJudgement,
  type TIndicatorReading,
  type TIndicatorUnit,
  type TRate,
  type TResponseStatus,
  type TSummaryChange,
} from "@/lib/aggregation";
import { formatInteger, formatPer10k, formatPointDelta, formatRate, formatShare } from "@/lib/format";
import { PREFECTURES } from "@/lib/domain/prefectures";
import type { THubRow, TInstitutionStatusRow, TNationalDashboard } from "./types";

// ---- Shared pieces ------------------------------------------------------------------------------

/** A named summary: a zone, a municipality, a prefecture. */
export type TNamedSummary = { key: string; name: string; summary: TClinicSummary };

/** Five shades for shares; fixed breaks so the same colour means the same share on every screen. */
export const SHARE_BREAKS = [0.2, 0.4, 0.6, 0.8] as const;
export type TShadeLevel = 0 | 1 | 2 | 3 | 4;
export const SHADE_LEVELS: readonly TShadeLevel[] = [0, 1, 2, 3, 4];

/** The shade of a value for the given upper breaks (4 breaks → 5 levels); null without a value. */
export function shadeLevel(value: number | null, breaks: readonly number[] = SHARE_BREAKS): TShadeLevel | null {
  if (value === null || !Number.isFinite(value)) return null;
  let level = 0;
  for (const b of breaks) if (value >= b) level += 1;
  return Math.min(level, 4) as TShadeLevel;
}

/** A heatmap cell: the figure, its count and denominator, its shade and whether n is too small. */
export type TShareCell = {
  count: number;
  n: number;
  value: number | null;
  /** "42.1%" or "—". */
  text: string;
  /** "24/57". */
  detail: string;
  level: TShadeLevel | null;
  /** Fewer reports than the minimum-n rule asks for: a 参考値, marked ※ on screen. */
  lowN: boolean;
};

export function shareCell(r: TRate, minN = MIN_N_FOR_COMPARISON): TShareCell {
  const value = rateValue(r);
  return {
    count: r.count,
    n: r.n,
    value,
    text: formatShare(value),
    detail: `${formatInteger(r.count)}/${formatInteger(r.n)}`,
    level: shadeLevel(value),
    lowN: r.n > 0 && r.n < minN,
  };
}

/** "丹南（n=57）": the label a chart axis shows, so every bar says what it rests on. */
export function groupLabel(name: string, n: number): string {
  return `${name}（n=${formatInteger(n)}）`;
}

const percent = (r: TRate): number | null => {
  const v = rateValue(r);
  return v === null ? null : v * 100;
};

/** Legend of the share shades: "0–20%", … "80–100%". */
export function shareLegend(): { level: TShadeLevel; label: string }[] {
  const edges = [0, ...SHARE_BREAKS, 1];
  return SHADE_LEVELS.map((level) => ({
    level,
    label: `${Math.round(edges[level]! * 100)}〜${Math.round(edges[level + 1]! * 100)}%`,
  }));
}

// ---- Headline cards -----------------------------------------------------------------------------

export type THeadlineCard = {
  key: string;
  label: string;
  /** The big figure: "42.1%", "12.3", "—". */
  value: string;
  /** What it rests on: "有り 24 / n=57". */
  detail: string;
  /** A second line (e.g. per 10,000 aged 65+), or null. */
  note: string | null;
};

/** 提出状況, 1号 有り, each 2号 function 有り, and 1号 有り per 10,000 people aged 65+. */
export function headlineCards(summary: TClinicSummary): THeadlineCard[] {
  const s = summary.status;
  const cards: THeadlineCard[] = [
    {
      key: "status",
      label: "提出状況",
      value: formatRate(s.withRevision, s.respondents),
      detail: `提出 ${formatInteger(s.withRevision)} / 対象 ${formatInteger(s.respondents)}`,
      note: `確認済 ${formatInteger(s.byStatus.CONFIRMED)}・未着手 ${formatInteger(s.byStatus.NOT_STARTED)}・下書き ${formatInteger(s.byStatus.DRAFT)}`,
    },
  ];
  for (const f of summary.functions) {
    cards.push({
      key: f.key,
      label: f.isPrimary ? "1号機能 有り" : `2号 ${f.shortLabel} 有り`,
      value: formatRate(f.has.count, f.has.n),
      detail: `有り ${formatInteger(f.has.count)} / n=${formatInteger(f.has.n)}`,
      note: f.isPrimary ? null : `意向有り ${formatInteger(f.intent.count)}`,
    });
  }
  const primary = summary.functions.find((f) => f.isPrimary);
  if (primary) {
    cards.push({
      key: "per10k65",
      label: "1号 有り（65歳以上人口1万人あたり）",
      value: primary.n > 0 ? formatPer10k(primary.per10k65.count, primary.per10k65.population) : "—",
      detail: `有り ${formatInteger(primary.per10k65.count)}機関 / 65歳以上 ${formatInteger(primary.per10k65.population)}人`,
      note:
        summary.population.age65 === null
          ? "人口が未登録の市区町村があるため算出できません"
          : `n=${formatInteger(primary.n)}`,
    });
  }
  return cards;
}

// ---- Bar charts ---------------------------------------------------------------------------------

/** One row of a Tremor bar chart: the index label, a percentage per category, and details for the tooltip. */
export type TBarRow = { label: string; details: Record<string, string> } & Record<
  string,
  number | null | string | Record<string, string>
>;

export type TBarSeries = {
  index: "label";
  categories: string[];
  data: TBarRow[];
};

const barRow = (label: string, values: { category: string; rate: TRate }[]): TBarRow => {
  const row: TBarRow = { label, details: {} };
  for (const { category, rate } of values) {
    row[category] = percent(rate);
    row.details[category] = `${formatShare(rateValue(rate))}（${formatInteger(rate.count)}/${formatInteger(rate.n)}）`;
  }
  return row;
};

/** 有り rate of every function (1号, 2号 イ–ニ) per group: zones or municipalities side by side. */
export function functionRateBars(groups: readonly TNamedSummary[]): TBarSeries {
  const functions = groups[0]?.summary.functions ?? [];
  const categories = functions.map((f) => f.shortLabel);
  return {
    index: "label",
    categories,
    data: groups.map((g) =>
      barRow(
        groupLabel(g.name, g.summary.n),
        functions.map((f) => ({
          category: f.shortLabel,
          rate: g.summary.functions.find((x) => x.key === f.key)?.has ?? { count: 0, n: 0 },
        })),
      ),
    ),
  };
}

export const MODE_CATEGORIES: readonly string[] = MODE_KEYS.map((m) => MODE_LABELS[m]);

/**
 * For each 2号 function, its 有り split 自院 / 連携 / 自院及び連携 / 不明 per group, over n: the
 * stack of a bar adds up to the function's 有り rate.
 */
export function functionModeBars(
  groups: readonly TNamedSummary[],
): { key: string; label: string; series: TBarSeries }[] {
  // (ニ) is not asked how it is secured: no chart of unknowns.
  const secondary = (groups[0]?.summary.functions ?? []).filter((f) => !f.isPrimary && f.reportsMode);
  return secondary.map((f) => ({
    key: f.key,
    label: f.label,
    series: {
      index: "label",
      categories: [...MODE_CATEGORIES],
      data: groups.map((g) => {
        const fn = g.summary.functions.find((x) => x.key === f.key);
        return barRow(
          groupLabel(g.name, fn?.n ?? 0),
          MODE_KEYS.map((m) => ({ category: MODE_LABELS[m], rate: fn?.modes[m].overN ?? { count: 0, n: 0 } })),
        );
      }),
    },
  }));
}

/** The function 有り rates of a zone beside its prefecture (two bars per function). */
export function referenceBars(
  group: { name: string; summary: TClinicSummary },
  reference: { name: string; summary: TClinicSummary },
): TBarSeries {
  const a = groupLabel(group.name, group.summary.n);
  const b = groupLabel(reference.name, reference.summary.n);
  return {
    index: "label",
    categories: [a, b],
    data: group.summary.functions.map((f) =>
      barRow(f.shortLabel, [
        { category: a, rate: f.has },
        { category: b, rate: reference.summary.functions.find((x) => x.key === f.key)?.has ?? { count: 0, n: 0 } },
      ]),
    ),
  };
}

/** This year beside last year, per function 有り rate (function indicators only). */
export function yearOverYearBars(current: TClinicSummary, previous: TClinicSummary | null): TBarSeries | null {
  if (!previous) return null;
  const a = groupLabel("今年度", current.n);
  const b = groupLabel("前年度", previous.n);
  return {
    index: "label",
    categories: [a, b],
    data: current.functions.map((f) =>
      barRow(f.shortLabel, [
        { category: a, rate: f.has },
        { category: b, rate: previous.functions.find((x) => x.key === f.key)?.has ?? { count: 0, n: 0 } },
      ]),
    ),
  };
}

// ---- Zones × 17 areas heatmap -------------------------------------------------------------------

export type TAreaHeatmap = {
  /** Columns: the groups (zones, then the prefecture), each with the reports asked the 17 areas. */
  groups: { key: string; name: string; asked: number }[];
  /** Rows: the 17 areas in code order, one cell per group. */
  areas: { code: string; label: string; cells: TShareCell[] }[];
};

/** 一次診療 offered per area (over the reports asked), for every group. */
export function areaHeatmap(groups: readonly TNamedSummary[]): TAreaHeatmap {
  const areas = groups[0]?.summary.areas.areas ?? [];
  return {
    groups: groups.map((g) => ({ key: g.key, name: g.name, asked: g.summary.areas.asked })),
    areas: areas.map((a) => ({
      code: a.code,
      label: a.label,
      cells: groups.map((g) =>
        shareCell(
          g.summary.areas.areas.find((x) => x.code === a.code)?.offered ?? { count: 0, n: g.summary.areas.asked },
        ),
      ),
    })),
  };
}

// ---- Hubs × duties heatmap ----------------------------------------------------------------------

export type THubCell = TShareCell & {
  /** Change of the required-met share from last year (fraction), null when either year is missing. */
  delta: number | null;
  deltaText: string;
  /** Share of desirable items adopted, as text. */
  desirableText: string;
};

export type THubHeatmapRow = {
  key: string;
  name: string;
  zoneName: string;
  statusLabel: string;
  /** The hub has scores (a submitted revision); otherwise its cells are null. */
  scored: boolean;
  cells: (THubCell | null)[];
  total: THubCell | null;
};

export type THubHeatmap = {
  duties: { key: string; label: string }[];
  rows: THubHeatmapRow[];
  /** Pooled over the hubs counted (Σ met / Σ n); null when no hub has scores. */
  pooled: THubHeatmapRow | null;
};

function hubCell(duty: THubDutySummary, delta: number | null): THubCell {
  return {
    // The required items are what a hub must do: the share of them met is the cell's figure.
    ...shareCell(duty.requiredMet, 0),
    delta,
    deltaText: formatPointDelta(delta),
    desirableText: formatShare(rateValue(duty.desirableAdopted)),
  };
}

/**
 * Required items met per duty per hub, with the change from last year, and the pooled row (its
 * change is over the hubs scored in both years: `change` from compareMatchedHubs).
 */
export function hubDutyHeatmap(
  hubs: readonly THubRow[],
  group: THubGroupSummary | null = null,
  change: THubGroupChange | null = null,
): THubHeatmap {
  const duties: { key: string; label: string }[] = [];
  const addDuty = (d: { key: string; label: string }) => {
    if (!duties.some((x) => x.key === d.key)) duties.push({ key: d.key, label: d.label });
  };
  group?.duties.filter((d) => d.hubs > 0).forEach(addDuty);
  for (const h of hubs) h.summary.duties.forEach(addDuty);

  const rows = hubs.map((h): THubHeatmapRow => {
    const scored = h.summary.scores !== null;
    const changeOf = (key: string) => h.summary.change?.groups.find((g) => g.key === key)?.required.delta ?? null;
    return {
      key: h.id,
      name: h.name,
      zoneName: h.zoneName,
      statusLabel: RESPONSE_STATUS_LABELS[h.summary.status],
      scored,
      cells: duties.map((d) => {
        const mine = h.summary.duties.find((x) => x.key === d.key);
        return mine ? hubCell(mine, changeOf(d.key)) : null;
      }),
      total: h.summary.total ? hubCell(h.summary.total, h.summary.change?.total.required.delta ?? null) : null,
    };
  });

  let pooled: THubHeatmapRow | null = null;
  if (group && group.n > 0) {
    const deltaOf = (key: string) =>
      (key === HUB_TOTAL_KEY ? change?.total : change?.duties.find((d) => d.key === key))?.requiredMet.delta ?? null;
    const withDelta = (d: THubDutySummary) => hubCell(d, deltaOf(d.key));
    const matched = change ? `・前年比は両年度に提出した${formatInteger(change.n.current)}拠点で比較` : "";
    pooled = {
      key: "pooled",
      name: `拠点全体（${formatInteger(group.n)}拠点の合算${matched}）`,
      zoneName: "",
      statusLabel: "",
      scored: true,
      cells: duties.map((d) => {
        const mine = group.duties.find((x) => x.key === d.key);
        return mine && mine.hubs > 0 ? withDelta(mine) : null;
      }),
      total: withDelta(group.total),
    };
  }
  return { duties, rows, pooled };
}

// ---- Year over year and the comparison with the prefecture --------------------------------------

/** "42.1%" for a share, "12.3" for a per-10,000 rate, "—" without a value. */
export function readingText(r: TIndicatorReading): string {
  if (r.unit === "share") return formatShare(r.value);
  return r.value === null ? "—" : r.value.toFixed(1);
}

/** What a reading rests on: "24/57" for a share, "有り 24・n=57" for a per-10,000 rate. */
export function readingDetail(r: TIndicatorReading): string {
  if (r.unit === "share") return r.n > 0 ? `${formatInteger(r.count)}/${formatInteger(r.n)}` : "n=0";
  return `有り ${formatInteger(r.count)}・n=${formatInteger(r.base)}`;
}

/** A signed difference: "+3.2pt" for shares, "+1.4" for per-10,000 rates, "—" when unknown. */
export function differenceText(delta: number | null, unit: TIndicatorUnit): string {
  if (unit === "share") return formatPointDelta(delta);
  if (delta === null || !Number.isFinite(delta)) return "—";
  const text = Math.abs(delta).toFixed(1);
  if (Number(text) === 0) return `±${text}`;
  return delta > 0 ? `+${text}` : `−${text}`;
}

export type TChangeRow = {
  key: string;
  label: string;
  group: TIndicatorGroup;
  current: string;
  currentDetail: string;
  previous: string;
  previousDetail: string;
  delta: string;
  /** "up" / "down" / "same" in words, so the direction never rests on colour alone; null when unknown. */
  direction: "上昇" | "低下" | "横ばい" | null;
  /** Why there is no direction, in words ("提出率が異なる" for per-10,000 rates of unequal coverage). */
  noDirectionReason: string | null;
};

/** Every indicator this year and last year with the change; [] when there is no previous year. */
export function changeRows(change: TSummaryChange | null): TChangeRow[] {
  if (!change) return [];
  return change.indicators.map((i) => ({
    key: i.key,
    label: i.label,
    group: i.group,
    current: readingText(i.current),
    currentDetail: readingDetail(i.current),
    previous: readingText(i.previous),
    previousDetail: readingDetail(i.previous),
    delta: differenceText(i.delta, i.unit),
    direction: directionOf(i.delta, i.unit),
    noDirectionReason: i.coverageComparable ? null : "提出率が異なる",
  }));
}

function directionOf(delta: number | null, unit: TIndicatorUnit): TChangeRow["direction"] {
  if (delta === null || !Number.isFinite(delta)) return null;
  // Same rounding as the text, so "±0.0pt" never reads as 上昇.
  const shown = unit === "share" ? Number((delta * 100).toFixed(1)) : Number(delta.toFixed(1));
  return shown > 0 ? "上昇" : shown < 0 ? "低下" : "横ばい";
}

export type TComparisonRow = {
  key: string;
  label: string;
  group: TIndicatorGroup;
  value: string;
  valueDetail: string;
  reference: string;
  referenceDetail: string;
  difference: string;
  judgement: TIndicatorJudgement;
  judgementLabel: string;
  /** A 課題の候補: clearly below the prefecture with enough reports on both sides. */
  below: boolean;
};

export function comparisonRows(comparison: readonly TIndicatorComparison[]): TComparisonRow[] {
  return comparison.map((c) => ({
    key: c.key,
    label: c.label,
    group: c.group,
    value: readingText(c.value),
    valueDetail: readingDetail(c.value),
    reference: readingText(c.reference),
    referenceDetail: readingDetail(c.reference),
    difference: differenceText(c.difference, c.unit),
    judgement: c.judgement,
    judgementLabel:
      c.judgement === "below"
        ? "課題の候補"
        : c.judgement === "insufficientN"
          ? "参考値"
          : JUDGEMENT_LABELS[c.judgement],
    below: c.below,
  }));
}

/** The rows flagged 課題の候補, and how many indicators were only 参考値 for want of reports. */
export function issueSummary(comparison: readonly TIndicatorComparison[]): {
  candidates: TComparisonRow[];
  insufficient: number;
} {
  const rows = comparisonRows(comparison);
  return {
    candidates: rows.filter((r) => r.below),
    insufficient: rows.filter((r) => r.judgement === "insufficientN").length,
  };
}

// ---- Municipalities ------------------------------------------------------------------------------

export type TMunicipalityRow = {
  key: string;
  name: string;
  respondents: number;
  n: number;
  functions: TShareCell[];
  per10k65: string;
};

/** The municipality breakdown: reports counted, each function's 有り rate, 1号 per 10,000 aged 65+. */
export function municipalityRows(groups: readonly TNamedSummary[]): {
  functions: { key: string; shortLabel: string }[];
  rows: TMunicipalityRow[];
} {
  const functions = (groups[0]?.summary.functions ?? []).map((f) => ({ key: f.key, shortLabel: f.shortLabel }));
  return {
    functions,
    rows: groups.map((g) => {
      const primary = g.summary.functions.find((f) => f.isPrimary);
      return {
        key: g.key,
        name: g.name,
        respondents: g.summary.status.respondents,
        n: g.summary.n,
        functions: functions.map((f) =>
          shareCell(g.summary.functions.find((x) => x.key === f.key)?.has ?? { count: 0, n: 0 }),
        ),
        per10k65: primary && primary.n > 0 ? formatPer10k(primary.per10k65.count, primary.per10k65.population) : "—",
      };
    }),
  };
}

// ---- Institutions --------------------------------------------------------------------------------

export const INSTITUTION_STATUS_LABELS: Record<TInstitutionStatusRow["status"], string> = {
  ...RESPONSE_STATUS_LABELS,
  UNSUBMITTED: "未提出",
};

export type TInstitutionFunctionState = "has" | "intent" | "none" | "unknown";

export type TInstitutionListRow = {
  id: string;
  code: string;
  name: string;
  kind: "HOSPITAL" | "CLINIC";
  kindLabel: string;
  municipality: string;
  status: TInstitutionStatusRow["status"];
  statusLabel: string;
  /** Per function, in the order given: state and its text ("有り（自院）", "無し（意向有り）", "—"). */
  functions: { key: string; state: TInstitutionFunctionState; text: string }[];
};

export function institutionListRows(
  rows: readonly TInstitutionStatusRow[],
  functions: readonly { key: string }[],
): TInstitutionListRow[] {
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    kindLabel: INSTITUTION_KIND_LABELS[r.kind],
    municipality: r.municipality,
    status: r.status,
    statusLabel: INSTITUTION_STATUS_LABELS[r.status],
    functions: functions.map((f) => {
      const fn = r.functions[f.key];
      if (!fn) return { key: f.key, state: "unknown" as const, text: "—" };
      if (fn.has) {
        const mode = fn.mode ? (MODE_LABELS[fn.mode as keyof typeof MODE_LABELS] ?? fn.mode) : null;
        return { key: f.key, state: "has" as const, text: mode ? `有り（${mode}）` : "有り" };
      }
      return fn.intent
        ? { key: f.key, state: "intent" as const, text: "無し（意向有り）" }
        : { key: f.key, state: "none" as const, text: "無し" };
    }),
  }));
}

export type TInstitutionFilter = {
  /** Part of the name, code or municipality. */
  q?: string;
  kind?: "HOSPITAL" | "CLINIC" | "";
  status?: TInstitutionStatusRow["status"] | "";
  /** A function key and the state wanted. */
  fn?: string;
  fnState?: TInstitutionFunctionState | "";
};

export function filterInstitutions(
  rows: readonly TInstitutionListRow[],
  filter: TInstitutionFilter,
): TInstitutionListRow[] {
  const q = filter.q?.trim().toLowerCase() ?? "";
  return rows.filter((r) => {
    if (q && !`${r.name} ${r.code} ${r.municipality}`.toLowerCase().includes(q)) return false;
    if (filter.kind && r.kind !== filter.kind) return false;
    if (filter.status && r.status !== filter.status) return false;
    if (filter.fn && filter.fnState) {
      const f = r.functions.find((x) => x.key === filter.fn);
      if (!f || f.state !== filter.fnState) return false;
    }
    return true;
  });
}

export type TInstitutionSortKey = "code" | "name" | "kind" | "municipality" | "status" | `fn:${string}`;

const STATUS_ORDER: Record<TInstitutionStatusRow["status"], number> = {
  CONFIRMED: 0,
  SUBMITTED: 1,
  RETURNED: 2,
  DRAFT: 3,
  UNSUBMITTED: 4,
  NOT_STARTED: 5,
};
const STATE_ORDER: Record<TInstitutionFunctionState, number> = { has: 0, intent: 1, none: 2, unknown: 3 };
const collator = new Intl.Collator("ja-JP");

/** A stable sort (ties keep the code order) by a column, ascending or descending. */
export function sortInstitutions(
  rows: readonly TInstitutionListRow[],
  key: TInstitutionSortKey,
  direction: "asc" | "desc" = "asc",
): TInstitutionListRow[] {
  const sign = direction === "asc" ? 1 : -1;
  const compare = (a: TInstitutionListRow, b: TInstitutionListRow): number => {
    switch (key) {
      case "code":
        return collator.compare(a.code, b.code);
      case "name":
        return collator.compare(a.name, b.name);
      case "kind":
        return collator.compare(a.kind, b.kind);
      case "municipality":
        return collator.compare(a.municipality, b.municipality);
      case "status":
        return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
      default: {
        const fn = key.slice(3);
        const sa = a.functions.find((f) => f.key === fn)?.state ?? "unknown";
        const sb = b.functions.find((f) => f.key === fn)?.state ?? "unknown";
        return STATE_ORDER[sa] - STATE_ORDER[sb];
      }
    }
  };
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => sign * compare(a.row, b.row) || collator.compare(a.row.code, b.row.code) || a.i - b.i)
    .map((x) => x.row);
}

// ---- Submission status --------------------------------------------------------------------------

export type TStatusRow = { status: TResponseStatus; label: string; count: number };

export function statusRows(summary: TClinicSummary): TStatusRow[] {
  return (Object.keys(summary.status.byStatus) as TResponseStatus[]).map((s) => ({
    status: s,
    label: RESPONSE_STATUS_LABELS[s],
    count: summary.status.byStatus[s],
  }));
}

// ---- National tile map --------------------------------------------------------------------------

/** Indicators a tile map can be coloured by: each function's 有り rate and 1号 per 10,000 aged 65+. */
export const TILE_INDICATOR_KEYS = ["f1.has", "f2i.has", "f2ro.has", "f2ha.has", "f2ni.has", "f1.per10k65"] as const;
export const DEFAULT_TILE_INDICATOR = "f1.has";

export function tileIndicatorOptions(): { key: string; label: string }[] {
  return TILE_INDICATOR_KEYS.flatMap((key) => {
    const indicator = findIndicator(key);
    return indicator ? [{ key, label: indicator.label }] : [];
  });
}

export type TTile = {
  code: string;
  name: string;
  col: number;
  row: number;
  cycleId: string | null;
  hasData: boolean;
  value: number | null;
  /** "42.1%" / "12.3" / "データなし". */
  text: string;
  /** "n=300" (reports counted), or "" without data. */
  nText: string;
  level: TShadeLevel | null;
  lowN: boolean;
};

export type TTileMap = {
  indicator: { key: string; label: string; unit: TIndicatorUnit };
  cols: number;
  rows: number;
  tiles: TTile[];
  legend: { level: TShadeLevel; label: string }[];
  withData: number;
};

/** Breaks for per-10,000 rates: five equal steps up to a rounded maximum, so the legend reads simply. */
export function per10kBreaks(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  if (max <= 0) return [1, 2, 3, 4];
  const step = niceStep(max / 5);
  return [1, 2, 3, 4].map((i) => Number((i * step).toPrecision(12)));
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/** The 47 prefectures on their tiles, coloured by one indicator; prefectures without a cycle are "データなし". */
export function tileMap(
  prefectures: TNationalDashboard["prefectures"],
  indicatorKey: string = DEFAULT_TILE_INDICATOR,
): TTileMap {
  const indicator = findIndicator(indicatorKey) ?? findIndicator(DEFAULT_TILE_INDICATOR) ?? CLINIC_INDICATORS[0]!;
  const readings = new Map(prefectures.map((p) => [p.code, p.summary ? readIndicator(p.summary, indicator) : null]));
  const values = [...readings.values()].flatMap((r) => (r && r.value !== null ? [r.value] : []));
  const breaks = indicator.unit === "share" ? [...SHARE_BREAKS] : per10kBreaks(values);
  const tiles = PREFECTURES.map((p): TTile => {
    const row = prefectures.find((x) => x.code === p.code);
    const reading = readings.get(p.code) ?? null;
    const hasData = Boolean(row?.summary);
    return {
      code: p.code,
      name: p.name,
      col: p.tile.col,
      row: p.tile.row,
      cycleId: row?.cycleId ?? null,
      hasData,
      value: reading?.value ?? null,
      text: !hasData ? "データなし" : reading ? readingText(reading) : "—",
      nText: hasData && row?.summary ? `n=${formatInteger(row.summary.n)}` : "",
      level: reading ? shadeLevel(reading.value, breaks) : null,
      lowN: Boolean(reading && reading.base > 0 && reading.base < MIN_N_FOR_COMPARISON),
    };
  });
  const edges = [0, ...breaks];
  const fmt = (x: number) => (indicator.unit === "share" ? `${Math.round(x * 100)}%` : Number(x.toFixed(1)).toString());
  const legend = SHADE_LEVELS.map((level) => ({
    level,
    label: level < 4 ? `${fmt(edges[level]!)}〜${fmt(edges[level + 1]!)}` : `${fmt(edges[4]!)}以上`,
  }));
  return {
    indicator: { key: indicator.key, label: indicator.label, unit: indicator.unit },
    cols: Math.max(...PREFECTURES.map((p) => p.tile.col)) + 1,
    rows: Math.max(...PREFECTURES.map((p) => p.tile.row)) + 1,
    tiles,
    legend,
    withData: tiles.filter((t) => t.hasData).length,
  };
}

// ---- Small helpers for pages --------------------------------------------------------------------

/** The 1号 function of a summary (for pages that headline it). */
export function primaryOf(summary: TClinicSummary): TFunctionSummary | undefined {
  return summary.functions.find((f) => f.isPrimary);
}

/** Per 10,000 as text from a rate; "—" without population. */
export function per10kText(r: { count: number; population: number | null }): string {
  const v = per10kValue(r);
  return v === null ? "—" : v.toFixed(1);
}
