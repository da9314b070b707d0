// The shades of heatmap cells, tiles and table cells: fixed breaks for shares, so the same colour
// means the same share on every screen, and every cell keeps its count and n.
import { MIN_N_FOR_COMPARISON, rateValue, type TRate } from "@/lib/aggregation";
import { formatInteger, formatShare } from "@/lib/format";

/** Five shades for shares; fixed breaks so the same colour means the same share on every screen. */
export const SHARE_BREAKS = [0.2, 0.4, 0.6, 0.8] as const;
export type TShadeLevel = 0 | 1 | 2 | 3 | 4;
export const SHADE_LEVELS: readonly TShadeLevel[] = [0, 1, 2, 3, 4];

/** The shade of a value for the given upper breaks (4 breaks → 5 levels); null without a value. */
export function shadeLevel(value: number | null, breaks: readonly number[] = SHARE_BREAKS): TShadeLevel | null {
  if (value === null || !Number.isFinite(value)) return null;
  let level = 0;
  for (const edge of breaks) if (value >= edge) level += 1;
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

/** Legend of the share shades: "0–20%", … "80–100%". */
export function shareLegend(): { level: TShadeLevel; label: string }[] {
  const edges = [0, ...SHARE_BREAKS, 1];
  return SHADE_LEVELS.map((level) => ({
    level,
    label: `${Math.round(edges[level]! * 100)}〜${Math.round(edges[level + 1]! * 100)}%`,
  }));
}
