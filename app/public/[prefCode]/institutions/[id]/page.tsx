import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicInstitution } from "@/lib/data/public";
import type { TSearchParams } from "@/lib/search-params";
import { Breadcrumbs } from "@/components/public/public-shell";
import { DataDate } from "@/components/public/data-date";
import { InstitutionCard } from "@/components/public/institution-card";
import { PrintButton } from "@/components/ui/print-button";
import { livePublicationOr404, withYear } from "../../../_shared/live";

type TProps = Readonly<{ params: Promise<{ prefCode: string; id: string }>; searchParams: Promise<TSearchParams> }>;

async function load({ params, searchParams }: TProps) {
  const { prefCode, id } = await params;
  const { live, yearParam } = await livePublicationOr404(prefCode, await searchParams);
  const row = id.length <= 64 ? await getPublicInstitution(live, id) : null;
  if (!row) notFound();
  return { live, yearParam, row };
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { row } = await load(props);
  return { title: row.name };
}

export default async function PublicInstitutionPage(props: TProps) {
  const { live, yearParam, row } = await load(props);
  const base = `/public/${live.prefectureCode}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/public", label: "公表トップ" },
          { href: withYear(base, yearParam), label: live.prefectureName },
          { href: withYear(`${base}/municipalities/${row.municipalityCode}`, yearParam), label: row.municipalityName },
          { label: row.name },
        ]}
      />
      <div className="mb-2 flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">{row.name}</h1>
        <div className="no-print">
          <PrintButton />
        </div>
      </div>
      <p className="mb-1 text-gray-800">
        {row.kind === "HOSPITAL" ? "病院" : "診療所"}・{row.municipalityName}
        {row.address ? `・${row.address}` : ""}
      </p>
      <p className="mb-3 text-sm text-gray-700">医療機関コード {row.code}</p>
      <DataDate live={live} />
      <InstitutionCard row={row} />
    </>
  );
}
