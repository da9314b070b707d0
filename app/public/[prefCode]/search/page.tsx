import type { Metadata } from "next";
import { publicDiseases, publicMunicipalities, searchPublicInstitutions } from "@/lib/data/public";
import { hasCriteria } from "@/lib/domain/public-search";
import { withParams, type TSearchParams } from "@/lib/search-params";
import { Breadcrumbs } from "@/components/public/public-shell";
import { DataDate } from "@/components/public/data-date";
import { PublicSearchForm } from "@/components/public/search-form";
import { InstitutionResults } from "@/components/public/institution-list";
import { Pagination } from "@/components/prefecture/pagination";
import { livePublicationOr404, withYear } from "../../_shared/live";

export const metadata: Metadata = { title: "医療機関を探す" };

type TProps = Readonly<{ params: Promise<{ prefCode: string }>; searchParams: Promise<TSearchParams> }>;

export default async function PublicSearchPage({ params, searchParams }: TProps) {
  const { prefCode } = await params;
  const { live, query, yearParam } = await livePublicationOr404(prefCode, await searchParams);
  const base = `/public/${live.prefectureCode}`;
  const [municipalities, diseases, result] = await Promise.all([
    publicMunicipalities(live),
    publicDiseases(live),
    hasCriteria(query) ? searchPublicInstitutions(live, query) : Promise.resolve(null),
  ]);
  const current = {
    q: query.q,
    municipality: query.municipality,
    near: query.near ? "1" : undefined,
    zone: query.zone,
    fn: query.fn,
    area: query.area,
    disease: query.disease,
    year: yearParam,
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/public", label: "公表トップ" },
          { href: withYear(base, yearParam), label: live.prefectureName },
          { label: "医療機関を探す" },
        ]}
      />
      <h1 className="mb-2 text-2xl font-bold">医療機関を探す（{live.prefectureName}）</h1>
      <DataDate live={live} />
      <PublicSearchForm
        action={`${base}/search`}
        query={query}
        municipalities={municipalities}
        diseases={diseases}
        year={yearParam}
      />
      <section aria-labelledby="results-heading" className="mt-6">
        <h2 id="results-heading" className="mb-3 text-lg font-semibold">
          検索結果
        </h2>
        {!result ? (
          <p className="text-gray-700">条件を選んで「検索する」を押してください。</p>
        ) : result.total === 0 ? (
          <p className="text-gray-700" role="status">
            条件に合う医療機関は見つかりませんでした。条件を減らしてお試しください。
          </p>
        ) : (
          <>
            <p className="mb-2 text-sm text-gray-700" role="status" data-testid="result-count">
              {result.total.toLocaleString("ja-JP")}件見つかりました。
              {result.nearZone ? "選んだ市区町村の医療機関から順に、同じ圏域の医療機関も表示しています。" : ""}
            </p>
            <InstitutionResults
              rows={result.rows}
              hrefOf={(row) => withYear(`${base}/institutions/${row.institutionId}`, yearParam)}
            />
            <Pagination
              page={result.page}
              pages={Math.max(1, Math.ceil(result.total / result.pageSize))}
              total={result.total}
              hrefFor={(page) => withParams(`${base}/search`, current, { page })}
            />
          </>
        )}
      </section>
    </>
  );
}
