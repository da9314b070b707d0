import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { listDashboardCycles, resolveSummaryScope } from "@/lib/data/summary-scope";
import { listVisibleZones } from "@/lib/data/overview";
import { listDocumentJobs } from "@/lib/data/document-jobs";
import { isAppError } from "@/lib/errors";
import { CYCLE_STATUS_LABELS, cycleTitle } from "@/lib/domain/labels";
import { KIND_PARAM_OF, parseSummaryParams } from "@/lib/summaries/params";
import { warmPdfPool } from "@/lib/pdf/pool";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { buttonClasses } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { PacketBatchPanel } from "@/components/packets/packet-batch-panel";
import { prefectureSummaryHref, ZonePacketTable } from "@/components/packets/packet-links";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "協議の場資料" };

/**
 * 協議の場資料: the council packet of each zone, the prefecture summary, and all zones at once as
 * a ZIP made in the background. Every figure is the dashboard's, for the cycle and zone scheme
 * chosen here (filters in the URL, like the dashboard).
 */
export default async function PrefecturePacketsPage({
  searchParams,
}: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const params = parseSummaryParams(await searchParams);
  const cycles = await listDashboardCycles(viewer);
  if (cycles.length === 0) {
    return (
      <>
        <PageHeader title="協議の場資料" />
        <EmptyState title="資料を作成できる報告サイクルがありません">
          かかりつけ医機能報告の
          <Link href="/prefecture/cycles" className="text-teal-800 underline">
            報告サイクル
          </Link>
          を作成し、受付を始めると資料を作成できます。
        </EmptyState>
      </>
    );
  }
  // The first PDF renderer process loads its fonts while the officer reads this page.
  warmPdfPool();
  const { filter, schemes, scheme, cycle } = await resolveSummaryScope(
    viewer,
    { ...params, zoneId: null },
    { cycles },
  ).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const zones = await listVisibleZones(viewer);
  const schemeZones = zones
    .filter((z) => z.schemeId === filter.schemeId)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map((z) => ({ id: z.id, name: z.name, municipalities: z.municipalities.map((m) => m.municipality.name) }));
  const packetFilter = {
    cycleId: filter.cycleId,
    schemeId: filter.schemeId ?? "",
    kind: filter.kind,
    confirmedOnly: filter.confirmedOnly,
  };
  const jobs = scheme
    ? await listDocumentJobs(viewer, {
        cycleId: filter.cycleId,
        schemeId: scheme.id,
        kind: filter.kind,
        confirmedOnly: filter.confirmedOnly,
      })
    : [];

  return (
    <>
      <PageHeader
        title="協議の場資料"
        eyebrow={cycleTitle(cycle)}
        description="圏域ごとの協議の場に配る資料（PDF）を作成します。数値はダッシュボードと同じ集計です。"
      />
      <Panel className="mb-5">
        <form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1.5fr_1fr_auto_auto] lg:items-end">
          <div>
            <label htmlFor="packets-cycle" className={labelClass}>
              報告サイクル
            </label>
            <select id="packets-cycle" name="cycle" defaultValue={filter.cycleId} className={inputClass}>
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {cycleTitle(c)}（{CYCLE_STATUS_LABELS[c.status]}）
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="packets-scheme" className={labelClass}>
              圏域の区分
            </label>
            <select id="packets-scheme" name="scheme" defaultValue={filter.schemeId ?? ""} className={inputClass}>
              {schemes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="packets-kind" className={labelClass}>
              種別
            </label>
            <select id="packets-kind" name="kind" defaultValue={KIND_PARAM_OF[filter.kind]} className={inputClass}>
              <option value="all">病院・診療所</option>
              <option value="hospital">病院のみ</option>
              <option value="clinic">診療所のみ</option>
            </select>
          </div>
          <label className="flex items-center gap-2 pb-2 text-sm text-gray-700">
            <input
              type="checkbox"
              name="confirmed"
              value="1"
              defaultChecked={filter.confirmedOnly}
              className="rounded border-gray-300 text-teal-700"
            />
            確認済みの報告のみ
          </label>
          <button type="submit" className={buttonClasses("secondary")}>
            表示
          </button>
        </form>
      </Panel>

      {!scheme ? (
        <Notice tone="warning" title="圏域が登録されていません">
          <Link href="/prefecture/zones" className="underline">
            圏域・人口
          </Link>
          で圏域を登録すると、圏域ごとの資料を作成できます。
        </Notice>
      ) : (
        <div className="grid gap-5 xl:grid-cols-[3fr_2fr]">
          <Panel title={`圏域ごとの資料（${scheme.name}）`}>
            <ZonePacketTable filter={packetFilter} zones={schemeZones} />
            <p className="mt-3 text-xs text-gray-500">
              表紙と目次、圏域の概要、1号・2号機能（県全体・他の圏域・前年度との比較）、17領域、意向有りの医療機関、拠点の自己評価、課題の候補、テーマごとの協議ワークシート、医療機関の一覧を収めます。
            </p>
          </Panel>
          <div className="space-y-5">
            <Panel title="全圏域の集計">
              <p className="mb-3 text-sm text-gray-700">すべての圏域を並べた集計表とグラフです。</p>
              <a
                href={prefectureSummaryHref(packetFilter)}
                className={buttonClasses("secondary")}
                data-testid="prefecture-summary-download"
              >
                全圏域の集計をダウンロード (PDF)
              </a>
            </Panel>
            <Panel title="一括作成">
              <PacketBatchPanel
                key={`${filter.cycleId}-${scheme.id}-${filter.kind}-${filter.confirmedOnly}`}
                cycleId={filter.cycleId}
                schemeId={scheme.id}
                kind={filter.kind === "ALL" ? null : KIND_PARAM_OF[filter.kind]}
                confirmed={filter.confirmedOnly}
                zoneCount={schemeZones.length}
                initialJobs={jobs}
              />
            </Panel>
          </div>
        </div>
      )}
    </>
  );
}
