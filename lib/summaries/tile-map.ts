// The national tile map: the 47 prefectures on their tiles, coloured by one indicator.
import {
  CLINIC_INDICATORS,
  MIN_N_FOR_COMPARISON,
  findIndicator,
  readIndicator,
  type TIndicatorUnit,
} from "@/lib/aggregation";
import { formatInteger } from "@/lib/format";
import { PREFECTURES } from "@/lib/domain/prefectures";
import { SHADE_LEVELS, SHARE_BREAKS, shadeLevel, type TShadeLevel } from "./shades";
import { readingText } from "./texts";
import type { TNationalDashboard } from "./types";

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
