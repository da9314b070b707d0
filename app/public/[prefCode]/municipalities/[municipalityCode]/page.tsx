import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { publicCounts, searchPublicInstitutions } from "@/lib/data/public";
import { withParams, type TSearchParams } from "@/lib/search-params";
import { PUBLIC_COUNT_COLUMNS, publicCountText } from "@/lib/summaries/public";
import { Breadcrumbs } from "@/components/public/public-shell";
import { DataDate } from "@/components/public/data-date";
import { FunctionMatrix } from "@/components/public/institution-list";
import { Pagination } from "@/components/prefecture/pagination";
import { livePublicationOr404, withYear } from "../../../_shared/live";

type TProps = Readonly<{
  params: Promise<{ prefCode: string; municipalityCode: string }>;
  searchParams: Promise<TSearchParams>;
}>;

async function load({ params, searchParams }: TProps) {
  const { prefCode, municipalityCode } = await params;
  const { live, query, yearParam } = await livePublicationOr404(prefCode, await searchParams);
  const municipalities = await publicCounts(live, "municipality");
  const municipality = municipalities.rows.find((m) => m.code === municipalityCode);
  if (!municipality) notFound();
  return { live, query, yearParam, municipality };
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { live, municipality } = await load(props);
  return { title: `${municipality.name}（${live.prefectureName}）` };
}

export default async function PublicMunicipalityPage(props: TProps) {
  const { live, query, yearParam, municipality } = await load(props);
  const base = `/public/${live.prefectureCode}`;
  const list = await searchPublicInstitutions(live, { municipality: municipality.code, page: query.page });
  const self = `${base}/municipalities/${municipality.code}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/public", label: "公表トップ" },
          { href: withYear(base, yearParam), label: live.prefectureName },
          { label: municipality.name },
        ]}
      />
      <h1 className="mb-2 text-2xl font-bold">{municipality.name}のかかりつけ医機能</h1>
      <DataDate live={live} />
      <dl className="mb-6 grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="municipality-counts">
        {PUBLIC_COUNT_COLUMNS.map((c) => (
          <div key={c.key} className="rounded-md border border-gray-200 p-2">
            <dt className="text-xs text-gray-700">{c.label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-count={c.key}>
              {publicCountText(municipality[c.key])}
            </dd>
          </div>
        ))}
      </dl>
      <FunctionMatrix
        caption={`${municipality.name}の医療機関と機能（✓ は有り）`}
        rows={list.rows}
        hrefOf={(row) => withYear(`${base}/institutions/${row.institutionId}`, yearParam)}
      />
      <Pagination
        page={list.page}
        pages={Math.max(1, Math.ceil(list.total / list.pageSize))}
        total={list.total}
        hrefFor={(page) => withParams(self, { year: yearParam }, { page })}
      />
      <p className="no-print mt-4">
        <Link
          href={withParams(`${base}/search`, { municipality: municipality.code, near: "1", year: yearParam })}
          className="text-teal-800 underline"
        >
          近くの市町村も含めて探す
        </Link>
      </p>
    </>
  );
}
