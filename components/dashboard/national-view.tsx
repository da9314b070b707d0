import Link from "next/link";
import { formatInteger } from "@/lib/format";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { findTable, nationalTables } from "@/lib/summaries/tables";
import type { TNationalDashboard } from "@/lib/summaries/types";
import { tileIndicatorOptions, tileMap } from "@/lib/summaries/tile-map";
import { EmptyState, Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { ExportLinks, type TExportScope } from "./export-links";
import { filterDescription } from "./describe";
import { NationalFilterBar } from "./filter-bar";
import { HeadlineCards } from "./headline-cards";
import { DashboardSection, DemoBadge, SectionNav } from "./section";
import { SummaryTableView, TableAlternative } from "./summary-table";
import { TileMap } from "./tile-map";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * The administrator's national view: Japan's headline over the prefectures with a cycle of the
 * 年度, a tile map of the 47 prefectures coloured by one indicator (grey 「データなし」 where
 * there is no cycle), and the prefectures table — each with its table and downloads.
 */
export function NationalView({
  view,
  years,
  indicator,
  basePath,
  prefectureHref,
}: Readonly<{
  view: TNationalDashboard;
  years: number[];
  indicator: string;
  basePath: string;
  prefectureHref: (cycleId: string) => string;
}>) {
  const map = tileMap(view.prefectures, indicator);
  const tables = nationalTables(view);
  const table = (key: string) => findTable(tables, key)!;
  const scope: TExportScope = {
    fiscalYear: view.fiscalYear,
    kind: view.filter.kind,
    confirmedOnly: view.filter.confirmedOnly,
  };
  const withData = view.prefectures.filter((p) => p.summary);
  const demoWithData = withData.filter((p) => p.isDemo);
  const yearOptions = [...new Set([view.fiscalYear, ...years])]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: fiscalYearLabel(y) }));

  return (
    <>
      <PageHeader
        title="全国の集計"
        eyebrow={
          <span>
            {fiscalYearLabel(view.fiscalYear)} かかりつけ医機能報告
            {demoWithData.length > 0 && <DemoBadge />}
          </span>
        }
        description={`${filterDescription(view.filter)}・集計できる都道府県 ${withData.length} / 47`}
      />
      <NationalFilterBar
        key={`${view.fiscalYear}-${view.filter.kind}-${view.filter.confirmedOnly}-${map.indicator.key}`}
        basePath={basePath}
        fiscalYear={view.fiscalYear}
        years={yearOptions}
        kind={view.filter.kind}
        confirmedOnly={view.filter.confirmedOnly}
        indicator={map.indicator.key}
        indicators={tileIndicatorOptions()}
      />
      {demoWithData.length > 0 && (
        <Notice tone="warning" className="mb-6" title="架空のデモデータを含みます">
          {demoWithData.map((p) => p.name).join("、")}のデータは架空のデモデータです（人口は概数）。
        </Notice>
      )}
      {withData.length === 0 ? (
        <EmptyState title="この年度の集計はまだありません">
          {fiscalYearLabel(view.fiscalYear)}のかかりつけ医機能報告の受付を始めた都道府県はまだありません。
        </EmptyState>
      ) : (
        <>
          <SectionNav
            items={[
              { id: "overview", label: "全国の概要" },
              { id: "map", label: "タイルマップ" },
              { id: "prefectures", label: "都道府県別" },
            ]}
          />
          <div className="space-y-6">
            <DashboardSection
              id="overview"
              title="全国の概要"
              description={`${withData.length}都道府県の合計・報告数 n=${formatInteger(view.nation.summary.n)}`}
            >
              <HeadlineCards summary={view.nation.summary} label="全国の主な指標" />
              <TableAlternative table={table("status")} scope={scope} />
            </DashboardSection>

            <DashboardSection
              id="map"
              title={`都道府県タイルマップ（${map.indicator.label}）`}
              description="1マスが1都道府県です。マスに値と報告数 n を表示し、報告サイクルのない都道府県は「データなし」です。"
            >
              <TileMap map={map} hrefOf={prefectureHref} />
              <details className="mt-4 rounded-md border border-gray-200 bg-gray-50 px-3 py-2">
                <summary className="cursor-pointer text-sm font-medium text-teal-900">
                  表で見る（タイルマップの値）
                </summary>
                <ScrollRegion label={`${map.indicator.label}（都道府県別）`} className="mt-2 bg-white">
                  <table className="min-w-full text-sm" data-testid="tile-table">
                    <caption className="mb-2 text-left text-sm font-semibold text-gray-800">
                      {map.indicator.label}（都道府県別）
                    </caption>
                    <thead>
                      <tr className="text-gray-600">
                        <th scope="col" className="px-2 py-1.5 text-left font-medium">
                          都道府県
                        </th>
                        <th scope="col" className="px-2 py-1.5 text-right font-medium">
                          値
                        </th>
                        <th scope="col" className="px-2 py-1.5 text-right font-medium">
                          報告数
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {map.tiles.map((t) => (
                        <tr key={t.code} className="border-t border-gray-100">
                          <th scope="row" className="px-2 py-1 text-left font-normal">
                            {t.name}
                          </th>
                          <td className="px-2 py-1 text-right tabular-nums">{t.text}</td>
                          <td className="px-2 py-1 text-right tabular-nums">{t.nText || "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </details>
            </DashboardSection>

            <DashboardSection
              id="prefectures"
              title="都道府県別の一覧"
              description="報告サイクルのある都道府県と全国の合計。都道府県名から各県のダッシュボードを開けます。"
            >
              <ul className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="都道府県のダッシュボード">
                {withData.map((p) => (
                  <li key={p.code}>
                    <Link href={prefectureHref(p.cycleId!)} className="text-teal-800 underline">
                      {p.name}のダッシュボード（n={formatInteger(p.summary!.n)}）
                    </Link>
                  </li>
                ))}
              </ul>
              <SummaryTableView table={table("prefectures")} />
              <ExportLinks scope={scope} table={table("prefectures")} />
            </DashboardSection>
          </div>
        </>
      )}
    </>
  );
}
