// Dashboard filters live in the URL (?cycle=…&scheme=…&zone=…&kind=clinic&confirmed=1), so a view
// can be bookmarked, shared with a colleague and reloaded. Parsed once here for pages and the API.
import { z } from "zod";
import type { TKindFilter } from "@/lib/aggregation";
import { flattenParams, type TSearchParams } from "@/lib/search-params";

const KIND_PARAMS = { all: "ALL", hospital: "HOSPITAL", clinic: "CLINIC" } as const satisfies Record<
  string,
  TKindFilter
>;
export const KIND_PARAM_OF: Record<TKindFilter, keyof typeof KIND_PARAMS> = {
  ALL: "all",
  HOSPITAL: "hospital",
  CLINIC: "clinic",
};

const optionalId = z.string().trim().min(1).max(64).optional().catch(undefined);

export const ZSummaryParams = z.object({
  cycle: optionalId,
  scheme: optionalId,
  zone: optionalId,
  kind: z.enum(["all", "hospital", "clinic"]).optional().catch(undefined),
  confirmed: z.enum(["1", "0"]).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

export type TSummaryParams = {
  cycleId: string | null;
  schemeId: string | null;
  zoneId: string | null;
  kind: TKindFilter;
  confirmedOnly: boolean;
  fiscalYear: number | null;
};

/** Reads search params (a record or URLSearchParams); unknown or malformed values fall back to defaults. */
export function parseSummaryParams(input: TSearchParams | URLSearchParams): TSummaryParams {
  const p = ZSummaryParams.parse(flattenParams(input));
  return {
    cycleId: p.cycle ?? null,
    schemeId: p.scheme ?? null,
    zoneId: p.zone ?? null,
    kind: KIND_PARAMS[p.kind ?? "all"],
    confirmedOnly: p.confirmed === "1",
    fiscalYear: p.year ?? null,
  };
}

/** The URL query of a filter, e.g. for links between views and for export links. */
export function summaryQuery(
  filter: {
    cycleId?: string | null;
    schemeId?: string | null;
    zoneId?: string | null;
    kind?: TKindFilter;
    confirmedOnly?: boolean;
    fiscalYear?: number | null;
  },
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  if (filter.cycleId) params.set("cycle", filter.cycleId);
  if (filter.schemeId) params.set("scheme", filter.schemeId);
  if (filter.zoneId) params.set("zone", filter.zoneId);
  if (filter.kind && filter.kind !== "ALL") params.set("kind", KIND_PARAM_OF[filter.kind]);
  if (filter.confirmedOnly) params.set("confirmed", "1");
  if (filter.fiscalYear) params.set("year", String(filter.fiscalYear));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const query = params.toString();
  return query ? `?${query}` : "";
}
