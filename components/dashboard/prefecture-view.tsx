import Link from "next/link";
import { formatInteger } from "@/lib/format";
import { summaryQuery } from "@/lib/summaries/params";
import { prefectureTables, findTable } from "@/lib/summaries/tables";
import type { TPrefectureDashboard } from "@/lib/summaries/types";
import type { TNamedSummary } from "@/lib/summaries/types";
import { EmptyState } from "@/components/ui/notice";
import { FunctionModeBars, FunctionRateBars, YearOverYearBars } from "@/components/charts/function-charts";
import { AreaHeatmap } from "./area-heatmap";
import { ExportLinks, type TExportScope } from "./export-links";
import { HeadlineCards } from "./headline-cards";
import { HubHeatmap } from "./hub-heatmap";
import { DashboardSection, SectionNav } from "./section";
import { TableAlternative } from "./summary-table";
import { YearOverYearTable } from "./year-over-year";

const SECTIONS = [
  { id: "overview", label: "概要" },
  { id: "zones", label: "圏域別" },
  { id: "areas", label: "17領域" },
  { id: "functions", label: "2号機能の内訳" },
  { id: "hubs", label: "在宅医療連携拠点" },
  { id: "yoy", label: "前年度比較" },
];

export function NoReportsYet({ what }: Readonly<{ what: string }>) {
  return (
    <EmptyState title="集計できる報告はまだありません">
      {what}
      には、この条件で集計できる提出済みの報告がありません。報告が提出される（確認済みのみの場合は県が確認する）と表示されます。
    </EmptyState>
  );
}

/**
 * The prefecture view: headline, zones side by side, zones × 17 areas, 2号 functions by zone,
 * hubs × duties and the change from last year. Every chart shows its n and is followed by its
 * table and download links; without reports the sections show a message instead of a chart.
 */
export function PrefectureView({ view, basePath }: Readonly<{ view: TPrefectureDashboard; basePath: string }>) {
  const tables = prefectureTables(view);
  const table = (key: string) => findTable(tables, key)!;
  const scope: TExportScope = view.filter;
  const prefectureName = view.cycle.prefectureName;
  const whole = `${prefectureName}全体`;
  const groups: TNamedSummary[] = [
    ...view.zones.map((z) => ({ key: z.id, name: z.name, summary: z.summary })),
    { key: "prefecture", name: whole, summary: view.prefecture.summary },
  ];
  const zoneHref = (zoneId: string) => `${basePath}${summaryQuery({ ...view.filter, zoneId })}`;
  const hasReports = view.prefecture.summary.n > 0;
  const hasZones = view.zones.length > 0;

  return (
    <>
      <SectionNav items={SECTIONS} />
      <div className="space-y-6">
        <DashboardSection
          id="overview"
          title={`概要（${whole}）`}
          description={`報告数 n=${formatInteger(view.prefecture.summary.n)}（割合の分母）`}
        >
          <HeadlineCards
            summary={view.prefecture.summary}
            label={`${whole}の主な指標`}
            suspended={view.prefecture.suspended}
          />
          <TableAlternative table={table("status")} scope={scope} />
        </DashboardSection>

        <DashboardSection
          id="zones"
          title={view.scheme ? `圏域別の比較（${view.scheme.name}）` : "圏域別の比較"}
          description="各機能を「有り」と報告した医療機関の割合。棒の下の n は各圏域の報告数です。"
        >
          {!hasZones ? (
            <EmptyState title="圏域が登録されていません">
              圏域・人口の画面で圏域を登録すると、圏域ごとに比較できます。
            </EmptyState>
          ) : !hasReports ? (
            <NoReportsYet what={prefectureName} />
          ) : (
            <>
              <FunctionRateBars
                groups={groups}
                caption={`圏域別の機能の有無（有りの割合、${view.scheme?.name ?? ""}）`}
              />
              <h3 className="mt-6 text-sm font-semibold text-gray-800">圏域ごとの詳細</h3>
              <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="zone-links">
                {view.zones.map((z) => (
                  <li key={z.id}>
                    <Link
                      href={zoneHref(z.id)}
                      className="block rounded-md border border-gray-200 px-3 py-2 text-sm hover:border-teal-600 hover:bg-teal-50"
                    >
                      <span className="font-medium text-teal-900 underline">{z.name}</span>
                      <span className="ml-2 text-gray-600">n={formatInteger(z.summary.n)}</span>
                      <span className="block text-xs text-gray-600">
                        {z.comparison.filter((c) => c.below).length > 0
                          ? `課題の候補 ${z.comparison.filter((c) => c.below).length}件`
                          : "課題の候補なし"}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {hasZones && <TableAlternative table={table("zones")} scope={scope} open={!hasReports} />}
        </DashboardSection>

        <DashboardSection
          id="areas"
          title="一次診療の17領域（圏域×領域）"
          description="各領域の一次診療に対応できると報告した医療機関の割合。セルに割合と「対応/回答数」を表示します。"
        >
          {!hasReports ? (
            <NoReportsYet what={prefectureName} />
          ) : (
            <AreaHeatmap
              groups={hasZones ? groups : groups.slice(-1)}
              caption="17の診療領域ごとの一次診療（対応可能な医療機関の割合）"
              hrefOf={(key) => (key === "prefecture" ? null : zoneHref(key))}
            />
          )}
          <ExportLinks scope={scope} table={table("areas")} />
        </DashboardSection>

        <DashboardSection
          id="functions"
          title="2号機能の圏域別の内訳（自院／連携／自院及び連携／不明）"
          description="「有り」の内訳を報告数に対する割合で積み上げています（積み上げの合計が「有り」の割合）。"
        >
          {!hasReports ? (
            <NoReportsYet what={prefectureName} />
          ) : (
            <FunctionModeBars groups={hasZones ? groups : groups.slice(-1)} />
          )}
          <TableAlternative table={table("functions")} scope={scope} />
        </DashboardSection>

        <DashboardSection
          id="hubs"
          title="在宅医療連携拠点の自己評価（拠点×義務）"
          description="各義務の必須項目のうち実施している割合と、前年度からの変化（ポイント）。"
        >
          <HubHeatmap hubs={view.hubs} caption="拠点ごと・義務ごとの必須項目の実施割合" />
          {view.hubs.hubs.length > 0 && <ExportLinks scope={scope} table={table("hubs")} />}
        </DashboardSection>

        <DashboardSection
          id="yoy"
          title="前年度との比較"
          description={`${whole}の指標を前年度と比べます（前年度の様式で尋ねていない項目は比較しません）。`}
        >
          {!view.prefecture.previous || !view.prefecture.change ? (
            <EmptyState title="前年度のデータはありません">前年度の報告サイクルがないため、比較できません。</EmptyState>
          ) : !hasReports ? (
            <NoReportsYet what={prefectureName} />
          ) : (
            <>
              <YearOverYearBars current={view.prefecture.summary} previous={view.prefecture.previous} />
              <div className="mt-4">
                <YearOverYearTable change={view.prefecture.change} name={whole} />
              </div>
              <ExportLinks scope={scope} table={table("yoy")} />
            </>
          )}
        </DashboardSection>
      </div>
    </>
  );
}
