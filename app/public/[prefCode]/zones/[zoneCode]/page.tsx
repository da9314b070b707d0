import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicCounts, searchPublicInstitutions } from "@/lib/data/public";
import { listPublishedCouncilYears } from "@/lib/data/council-records";
import Link from "next/link";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { withParams, type TSearchParams } from "@/lib/search-params";
import { Breadcrumbs } from "@/components/public/public-shell";
import { DataDate } from "@/components/public/data-date";
import { CountTable } from "@/components/public/count-table";
import { FunctionMatrix } from "@/components/public/institution-list";
import { Pagination } from "@/components/prefecture/pagination";
import { livePublicationOr404, withYear } from "../../../_shared/live";

type TProps = Readonly<{
  params: Promise<{ prefCode: string; zoneCode: string }>;
  searchParams: Promise<TSearchParams>;
}>;

async function load({ params, searchParams }: TProps) {
  const { prefCode, zoneCode } = await params;
  const code = decodeURIComponent(zoneCode);
  const { live, query, yearParam } = await livePublicationOr404(prefCode, await searchParams);
  const zones = await publicCounts(live, "zone");
  const zone = zones.rows.find((z) => z.code === code);
  if (!zone || code.length > 40) notFound();
  return { live, query, yearParam, zone };
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { live, zone } = await load(props);
  return { title: `${zone.name}（${live.prefectureName}）` };
}

export default async function PublicZonePage(props: TProps) {
  const { live, query, yearParam, zone } = await load(props);
  const base = `/public/${live.prefectureCode}`;
  const [municipalities, list, councilYears] = await Promise.all([
    publicCounts(live, "municipality", zone.code),
    searchPublicInstitutions(live, { zone: zone.code, page: query.page }),
    listPublishedCouncilYears(live.prefectureCode, zone.code),
  ]);
  const self = `${base}/zones/${encodeURIComponent(zone.code)}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/public", label: "公表トップ" },
          { href: withYear(base, yearParam), label: live.prefectureName },
          { label: zone.name },
        ]}
      />
      <h1 className="mb-2 text-2xl font-bold">{zone.name}のかかりつけ医機能</h1>
      <DataDate live={live} />
      <section className="mb-8">
        <CountTable
          caption={`${zone.name}の市区町村ごとの医療機関数（機能が有りの数）`}
          firstHeader="市区町村"
          rows={municipalities.rows}
          total={{ ...zone, name: `${zone.name} 計` }}
          hrefOf={(row) => withYear(`${base}/municipalities/${row.code}`, yearParam)}
          testId="zone-page-counts"
        />
      </section>
      <section>
        <FunctionMatrix
          caption={`${zone.name}の医療機関と機能（✓ は有り）`}
          rows={list.rows}
          hrefOf={(row) => withYear(`${base}/institutions/${row.institutionId}`, yearParam)}
        />
        <Pagination
          page={list.page}
          pages={Math.max(1, Math.ceil(list.total / list.pageSize))}
          total={list.total}
          hrefFor={(page) => withParams(self, { year: yearParam }, { page })}
        />
      </section>
      {councilYears.length > 0 && (
        <section className="mt-8" aria-labelledby="council-results">
          <h2 id="council-results" className="mb-2 text-lg font-bold">
            協議の場の結果
          </h2>
          <ul className="list-disc pl-6">
            {councilYears.map((year) => (
              <li key={year}>
                <Link
                  href={`${base}/councils/${encodeURIComponent(zone.code)}/${year}`}
                  className="text-teal-800 underline"
                >
                  {zone.name}の協議の場の結果（{fiscalYearLabel(year)}）
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
