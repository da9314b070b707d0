import Link from "next/link";
import { formatInteger } from "@/lib/format";
import { summaryQuery } from "@/lib/summaries/params";
import { findTable, zoneTables } from "@/lib/summaries/tables";
import { institutionListItems } from "@/lib/summaries/institutions";
import type { TZoneDashboard } from "@/lib/summaries/types";
import { functionRateBars } from "@/lib/summaries/bars";
import { type TNamedSummary } from "@/lib/summaries/types";
import { EmptyState } from "@/components/ui/notice";
import { FunctionRateBars, ReferenceBars, YearOverYearBars } from "@/components/charts/function-charts";
import { AreaHeatmap } from "./area-heatmap";
import { ComparisonTable, IssueCandidates } from "./comparison";
import { ExportLinks, type TExportScope } from "./export-links";
import { HeadlineCards } from "./headline-cards";
import { HubHeatmap } from "./hub-heatmap";
import { InstitutionList } from "./institution-list";
import { MunicipalityTable } from "./municipality-table";
import { NoReportsYet } from "./prefecture-view";
import { DashboardSection, SectionNav } from "./section";
import { SeriesTable } from "./series-table";
import { TableAlternative } from "./summary-table";
import { YearOverYearTable } from "./year-over-year";

/**
 * A zone against its prefecture: the 課題の候補 (indicators below the prefecture with enough
 * reports), the other zones (officers only; the bundle leaves them out for councils), the
 * municipalities, the institutions with their function status, the hubs covering the zone and
 * the change from last year.
 */
export function ZoneView({
  view,
  basePath,
  zoneIdsByName,
  rosterHref,
}: Readonly<{
  view: TZoneDashboard;
  basePath: string;
  zoneIdsByName: Record<string, string>;
  rosterHref: string | null;
}>) {
  const tables = zoneTables(view);
  const table = (key: string) => findTable(tables, key)!;
  const scope: TExportScope = view.filter;
  const zone = view.zone;
  const whole = `${view.cycle.prefectureName}全体`;
  const hasReports = zone.summary.n > 0;
  const zoneHref = (zoneId: string) => `${basePath}${summaryQuery({ ...view.filter, zoneId })}`;
  const municipalities: TNamedSummary[] = [
    ...view.municipalities.map((m) => ({ key: m.code, name: m.name, summary: m.summary })),
    { key: "zone", name: `${zone.name}（圏域全体）`, summary: zone.summary },
  ];
  const others: TNamedSummary[] | null = view.otherZones
    ? [
        { key: zone.id, name: zone.name, summary: zone.summary },
        ...view.otherZones.map((z) => ({ key: zoneIdsByName[z.name] ?? z.name, name: z.name, summary: z.summary })),
        { key: "prefecture", name: whole, summary: view.prefecture },
      ]
    : null;
  const listFunctions = zone.summary.functions.map((f) => ({ key: f.key, shortLabel: f.shortLabel }));
  const sections = [
    { id: "overview", label: "概要" },
    { id: "issues", label: "課題の候補" },
    ...(others ? [{ id: "zones", label: "他の圏域との比較" }] : []),
    { id: "municipalities", label: "市区町村別" },
    { id: "institutions", label: "医療機関" },
    { id: "hubs", label: "在宅医療連携拠点" },
    { id: "yoy", label: "前年度比較" },
  ];

  return (
    <>
      <SectionNav items={sections} />
      <div className="space-y-6">
        <DashboardSection
          id="overview"
          title={`概要（${zone.name}）`}
          description={`報告数 n=${formatInteger(zone.summary.n)}・構成市区町村: ${zone.municipalities.map((m) => m.name).join("、")}`}
        >
          <HeadlineCards summary={zone.summary} label={`${zone.name}の主な指標`} suspended={zone.suspended} />
          <TableAlternative table={table("status")} scope={scope} />
        </DashboardSection>

        <DashboardSection id="issues" title={`課題の候補（${whole}との比較）`}>
          {!hasReports ? (
            <NoReportsYet what={zone.name} />
          ) : (
            <>
              <IssueCandidates
                comparison={view.comparison}
                zoneName={zone.name}
                referenceName={view.cycle.prefectureName}
              />
              <div className="mt-6">
                <ReferenceBars
                  zone={{ name: zone.name, summary: zone.summary }}
                  reference={{ name: whole, summary: view.prefecture }}
                />
              </div>
              <details className="mt-4 rounded-md border border-gray-200 bg-gray-50 px-3 py-2">
                <summary className="cursor-pointer text-sm font-medium text-teal-900">
                  すべての指標を表で見る（{whole}との比較・判定）
                </summary>
                <div className="mt-2 bg-white">
                  <ComparisonTable
                    comparison={view.comparison}
                    zoneName={zone.name}
                    referenceName={view.cycle.prefectureName}
                  />
                </div>
              </details>
            </>
          )}
          <ExportLinks scope={scope} table={table("indicators")} />
        </DashboardSection>

        {others && (
          <DashboardSection
            id="zones"
            title="他の圏域との比較"
            description="同じ区分の圏域と県全体の、機能を「有り」と報告した医療機関の割合。"
          >
            {!hasReports && view.prefecture.n === 0 ? (
              <NoReportsYet what={view.cycle.prefectureName} />
            ) : (
              <>
                <FunctionRateBars groups={others} caption={`圏域別の機能の有無（${view.scheme.name}）`} />
                <details className="mt-4 rounded-md border border-gray-200 bg-gray-50 px-3 py-2">
                  <summary className="cursor-pointer text-sm font-medium text-teal-900">
                    表で見る（圏域別の機能の有無）
                  </summary>
                  <div className="mt-2 bg-white">
                    <SeriesTable
                      series={functionRateBars(others)}
                      caption={`圏域別の機能の有無（有りの割合と有り/報告数、${view.scheme.name}）`}
                      indexHeader="圏域"
                    />
                  </div>
                </details>
              </>
            )}
            {/* The same zones side by side are the prefecture view's 「圏域別」 table. */}
            <ExportLinks scope={{ ...scope, zoneId: null }} table={{ key: "zones", title: "圏域別の1号・2号機能" }} />
            <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="他の圏域の詳細">
              {view.otherZones!.map((z) =>
                zoneIdsByName[z.name] ? (
                  <li key={z.name}>
                    <Link href={zoneHref(zoneIdsByName[z.name]!)} className="text-teal-800 underline">
                      {z.name}の詳細（n={formatInteger(z.summary.n)}）
                    </Link>
                  </li>
                ) : null,
              )}
            </ul>
          </DashboardSection>
        )}

        <DashboardSection
          id="municipalities"
          title="市区町村別"
          description="市区町村ごとの報告数と機能の有無。セルに割合と「有り/報告数」を表示します。"
        >
          {!hasReports ? (
            <NoReportsYet what={zone.name} />
          ) : (
            <>
              <MunicipalityTable groups={municipalities} caption={`${zone.name}の市区町村別の1号・2号機能`} />
              <div className="mt-6">
                <AreaHeatmap
                  groups={municipalities}
                  caption={`${zone.name}の市区町村別・17領域の一次診療（対応可能な医療機関の割合）`}
                />
              </div>
            </>
          )}
          <ExportLinks scope={scope} table={table("municipalities")} />
          <ExportLinks scope={scope} table={table("areas")} />
        </DashboardSection>

        <DashboardSection
          id="institutions"
          title={`医療機関（${zone.name}）`}
          description="医療機関ごとの機能の有無（最新の提出版による）。提出されていない医療機関は機能欄が「—」です。"
        >
          {view.institutions.length === 0 ? (
            <EmptyState title="この圏域の医療機関はありません" />
          ) : (
            <InstitutionList
              rows={institutionListItems(view.institutions, listFunctions)}
              functions={listFunctions}
              rosterHref={rosterHref}
            />
          )}
          <ExportLinks scope={scope} table={table("institutions")} />
        </DashboardSection>

        <DashboardSection
          id="hubs"
          title="在宅医療連携拠点（この圏域を担当する拠点）"
          description="各義務の必須項目のうち実施している割合と、前年度からの変化（ポイント）。"
        >
          <HubHeatmap hubs={view.hubs} caption={`${zone.name}を担当する拠点の必須項目の実施割合`} />
          {view.hubs.hubs.length > 0 && <ExportLinks scope={scope} table={table("hubs")} />}
        </DashboardSection>

        <DashboardSection id="yoy" title="前年度との比較" description={`${zone.name}の指標を前年度と比べます。`}>
          {!zone.previous || !zone.change ? (
            <EmptyState title="前年度のデータはありません">前年度の報告サイクルがないため、比較できません。</EmptyState>
          ) : !hasReports ? (
            <NoReportsYet what={zone.name} />
          ) : (
            <>
              <YearOverYearBars current={zone.summary} previous={zone.previous} />
              <div className="mt-4">
                <YearOverYearTable change={zone.change} name={zone.name} />
              </div>
              <ExportLinks scope={scope} table={table("yoy")} />
            </>
          )}
        </DashboardSection>
      </div>
    </>
  );
}
