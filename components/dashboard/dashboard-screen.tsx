import Link from "next/link";
import { summaryQuery } from "@/lib/summaries/params";
import type { TPrefectureDashboard, TZoneDashboard } from "@/lib/summaries/types";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardFilterBar, type TZoneOption } from "./filter-bar";
import { filterDescription } from "./describe";
import { PrefectureView } from "./prefecture-view";
import { DemoBadge } from "./section";
import { ZoneView } from "./zone-view";

export type TDashboardScreenData = {
  view: TPrefectureDashboard | TZoneDashboard;
  cycles: { id: string; label: string }[];
  schemes: { id: string; name: string }[];
  zones: TZoneOption[];
};

/**
 * The prefecture or zone dashboard with its header and filter bar, for officers (their
 * prefecture), the administrator (any prefecture) and councils (their zones only). Data comes in
 * as props; the page loaded it for the signed-in viewer.
 */
export function DashboardScreen({
  data,
  basePath,
  audience,
  rosterHref = null,
}: Readonly<{
  data: TDashboardScreenData;
  basePath: string;
  audience: "prefecture" | "admin" | "council";
  rosterHref?: string | null;
}>) {
  const { view } = data;
  const isCouncil = audience === "council";
  const title =
    view.level === "zone" ? `${view.zone.name}（${view.scheme.name}）` : `${view.cycle.prefectureName} ダッシュボード`;
  const backToPrefecture =
    view.level === "zone" && !isCouncil ? `${basePath}${summaryQuery({ ...view.filter, zoneId: null })}` : null;
  const zoneIdsByName = Object.fromEntries(
    data.zones.filter((z) => z.schemeId === view.filter.schemeId).map((z) => [z.name, z.id]),
  );

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={
          <span>
            {audience === "admin" && (
              <>
                <Link href="/admin" className="text-teal-800 underline">
                  全国の集計へ
                </Link>
                <span className="mx-2 text-gray-400">/</span>
              </>
            )}
            {backToPrefecture ? (
              <Link href={backToPrefecture} className="text-teal-800 underline">
                {view.cycle.prefectureName}全体のダッシュボードへ
              </Link>
            ) : (
              view.cycle.prefectureName
            )}
            <span className="mx-2 text-gray-400">/</span>
            {view.cycle.title}
            {view.cycle.isDemo && <DemoBadge />}
          </span>
        }
        description={
          <>
            {filterDescription(view.filter)}・様式 {view.cycle.versionLabel}
            {isCouncil && <span className="block">協議の場の委員には、担当する圏域の集計だけが表示されます。</span>}
          </>
        }
      />
      <DashboardFilterBar
        key={summaryQuery(view.filter)}
        basePath={basePath}
        filter={view.filter}
        cycles={data.cycles}
        schemes={isCouncil ? null : data.schemes}
        zones={data.zones}
        allowAllZones={!isCouncil}
      />
      {view.level === "zone" ? (
        <ZoneView view={view} basePath={basePath} zoneIdsByName={zoneIdsByName} rosterHref={rosterHref} />
      ) : (
        <PrefectureView view={view} basePath={basePath} />
      )}
    </>
  );
}
