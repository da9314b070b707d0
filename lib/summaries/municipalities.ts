// The municipality breakdown of a zone: reports counted, each function's 有り rate as a shaded
// cell, 1号 per 10,000 aged 65+.
import { shareCell, type TShareCell } from "./shades";
import { per10kText } from "./texts";
import type { TNamedSummary } from "./types";

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
        per10k65: primary && primary.n > 0 ? per10kText(primary.per10k65) : "—",
      };
    }),
  };
}
