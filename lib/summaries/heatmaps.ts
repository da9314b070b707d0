// The two heatmaps: zones × the 17 areas, and hubs × duties (required items met, with the change
// from last year).
import {
  HUB_TOTAL_KEY,
  RESPONSE_STATUS_LABELS,
  rateValue,
  type THubDutySummary,
  type THubGroupChange,
  type THubGroupSummary,
} from "@/lib/aggregation";
import { formatInteger, formatPointDelta, formatShare } from "@/lib/format";
import { shareCell, type TShareCell } from "./shades";
import type { THubRow, TNamedSummary } from "./types";

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
