import { publicNotFound, publicRoute } from "@/lib/http/public-api";
import { getLivePublication, publicCounts } from "@/lib/data/public";
import { parsePublicSearch } from "@/lib/domain/public-search";

/** GET ?year: the counts per zone (圏域) and per municipality of the published institutions. */
export const GET = publicRoute<{ prefCode: string }>(async ({ params, url }) => {
  const { year } = parsePublicSearch({ year: url.searchParams.get("year") ?? undefined });
  const live = await getLivePublication(params.prefCode, year);
  if (!live) throw publicNotFound();
  const [zones, municipalities] = await Promise.all([publicCounts(live, "zone"), publicCounts(live, "municipality")]);
  return {
    version: live.version,
    body: {
      fiscalYear: live.fiscalYear,
      dataAsOf: live.dataAsOf.toISOString(),
      total: zones.total,
      zones: zones.rows,
      municipalities: municipalities.rows,
    },
  };
});
