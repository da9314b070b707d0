import { notFound } from "next/navigation";
import { getLivePublication, type TLivePublication } from "@/lib/data/public";
import { parsePublicSearch, type TPublicSearchQuery } from "@/lib/domain/public-search";
import { flattenParams, type TSearchParams } from "@/lib/search-params";

/** The live publication a public page shows (?year= picks an older year), or the Japanese 404. */
export async function livePublicationOr404(
  prefCode: string,
  searchParams: TSearchParams,
): Promise<{ live: TLivePublication; query: TPublicSearchQuery; yearParam: number | undefined }> {
  const query = parsePublicSearch(flattenParams(searchParams));
  const live = await getLivePublication(prefCode, query.year);
  if (!live) notFound();
  // Links carry ?year= only for an older year, so the newest year's URLs stay short and stable.
  const yearParam = live.fiscalYear === live.years[0] ? undefined : live.fiscalYear;
  return { live, query, yearParam };
}

export const withYear = (path: string, year: number | undefined) => (year ? `${path}?year=${year}` : path);
