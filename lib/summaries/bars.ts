// Bar-chart series for the dashboards (Tremor): percentages per category (0–100, unrounded) with
// the count over n of every bar for its tooltip, and axis labels that say what they rest on.
import { MODE_KEYS, MODE_LABELS, rateValue, type TClinicSummary, type TRate } from "@/lib/aggregation";
import { formatInteger, formatShare } from "@/lib/format";
import { groupLabel } from "./texts";
import type { TNamedSummary } from "./types";

const percent = (rate: TRate): number | null => {
  const value = rateValue(rate);
  return value === null ? null : value * 100;
};

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
