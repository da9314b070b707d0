import Link from "next/link";
import type { Metadata } from "next";
import { publicCounts, publicDiseases, publicMunicipalities } from "@/lib/data/public";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import type { TSearchParams } from "@/lib/search-params";
import { Breadcrumbs } from "@/components/public/public-shell";
import { DataDate } from "@/components/public/data-date";
import { CountTable } from "@/components/public/count-table";
import { PublicSearchForm } from "@/components/public/search-form";
import { livePublicationOr404, withYear } from "../_shared/live";

type TProps = Readonly<{ params: Promise<{ prefCode: string }>; searchParams: Promise<TSearchParams> }>;

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { live } = await livePublicationOr404((await params).prefCode, await searchParams);
  return { title: `${live.prefectureName}のかかりつけ医機能` };
}

export default async function PublicPrefecturePage({ params, searchParams }: TProps) {
  const { prefCode } = await params;
  const { live, yearParam } = await livePublicationOr404(prefCode, await searchParams);
  const [zones, municipalities, diseases, allMunicipalities] = await Promise.all([
    publicCounts(live, "zone"),
    publicCounts(live, "municipality"),
    publicDiseases(live),
    publicMunicipalities(live),
  ]);
  const base = `/public/${live.prefectureCode}`;
  return (
    <>
      <Breadcrumbs items={[{ href: "/public", label: "公表トップ" }, { label: live.prefectureName }]} />
      <h1 className="mb-2 text-2xl font-bold">{live.prefectureName}のかかりつけ医機能</h1>
      <DataDate live={live} />
      {live.years.length > 1 && (
        <nav aria-label="年度" className="no-print mb-4 flex flex-wrap gap-2 text-sm">
          {live.years.map((y) => (
            <Link
              key={y}
              href={withYear(base, y === live.years[0] ? undefined : y)}
              aria-current={y === live.fiscalYear ? "page" : undefined}
              className={y === live.fiscalYear ? "font-semibold" : "text-teal-800 underline"}
            >
              {fiscalYearLabel(y)}
            </Link>
          ))}
        </nav>
      )}
      <section aria-labelledby="search-heading" className="mb-8 rounded-lg border border-gray-200 p-4">
        <h2 id="search-heading" className="mb-3 text-lg font-semibold">
          医療機関を探す
        </h2>
        <PublicSearchForm
          action={`${base}/search`}
          query={{}}
          municipalities={allMunicipalities}
          diseases={diseases}
          year={yearParam}
        />
      </section>
      <section className="mb-8">
        <CountTable
          caption="圏域ごとの医療機関数（機能が有りの数）"
          firstHeader="圏域"
          rows={zones.rows}
          total={zones.total}
          hrefOf={(row) => (row.code ? withYear(`${base}/zones/${encodeURIComponent(row.code)}`, yearParam) : null)}
          testId="zone-counts"
        />
      </section>
      <section className="mb-8">
        <CountTable
          caption="市区町村ごとの医療機関数"
          firstHeader="市区町村"
          rows={municipalities.rows}
          total={municipalities.total}
          hrefOf={(row) => withYear(`${base}/municipalities/${row.code}`, yearParam)}
          testId="municipality-counts"
        />
      </section>
      <p className="no-print">
        <Link href={withYear(`${base}/open-data`, yearParam)} className="text-teal-800 underline">
          オープンデータ（CSV・JSON）とデータの説明
        </Link>
      </p>
    </>
  );
}
