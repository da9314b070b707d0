import { publicNotFound, publicRoute } from "@/lib/http/public-api";
import { flattenParams } from "@/lib/search-params";
import { getLivePublication, searchPublicInstitutions } from "@/lib/data/public";
import { parsePublicSearch } from "@/lib/domain/public-search";

/**
 * GET ?q&municipality&near&zone&fn&area&disease&page&year: the published institutions of a
 * prefecture, 20 a page, with the paging and the date of the data.
 */
export const GET = publicRoute<{ prefCode: string }>(async ({ params, url }) => {
  const query = parsePublicSearch(flattenParams(url.searchParams));
  const live = await getLivePublication(params.prefCode, query.year);
  if (!live) throw publicNotFound();
  const result = await searchPublicInstitutions(live, { ...query });
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const next =
    result.page < pages
      ? new URLSearchParams({ ...flattenParams(url.searchParams), page: String(result.page + 1) })
      : null;
  return {
    version: live.version,
    body: {
      prefectureCode: live.prefectureCode,
      fiscalYear: live.fiscalYear,
      dataAsOf: live.dataAsOf.toISOString(),
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      pages,
      next: next ? `${url.pathname}?${next}` : null,
      institutions: result.rows.map((r) => ({
        id: r.institutionId,
        code: r.code,
        name: r.name,
        kind: r.kind === "HOSPITAL" ? "病院" : "診療所",
        municipalityCode: r.municipalityCode,
        municipalityName: r.municipalityName,
        zoneName: r.zoneName,
        address: r.address,
        functions: { f1: r.f1, f2i: r.f2i, f2ro: r.f2ro, f2ha: r.f2ha, f2ni: r.f2ni },
        areas: r.areas,
        url: `/api/v1/public/${live.prefectureCode}/institutions/${r.institutionId}?year=${live.fiscalYear}`,
      })),
    },
  };
});
