import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { listDashboardCycles, resolveSummaryScope } from "@/lib/data/summary-scope";
import { listVisibleZones } from "@/lib/data/overview";
import { isAppError } from "@/lib/errors";
import { CYCLE_STATUS_LABELS, cycleTitle } from "@/lib/domain/labels";
import { parseSummaryParams } from "@/lib/summaries/params";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { buttonClasses } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { ZonePacketTable } from "@/components/packets/packet-links";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "協議の場資料" };

/** The council's own zones, each with its packet (other zones are neither listed nor downloadable). */
export default async function CouncilPacketsPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("council");
  const params = parseSummaryParams(await searchParams);
  const cycles = await listDashboardCycles(viewer);
  if (cycles.length === 0) {
    return (
      <>
        <PageHeader title="協議の場資料" />
        <EmptyState title="資料を作成できる報告サイクルがありません">
          都道府県が報告の受付を始めると、資料を作成できます。
        </EmptyState>
      </>
    );
  }
  const { filter, cycle } = await resolveSummaryScope(
    viewer,
    { ...params, zoneId: null, schemeId: null },
    { cycles },
  ).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const zones = await listVisibleZones(viewer);
  const bySchemes = new Map<
    string,
    { name: string; zones: { id: string; name: string; municipalities: string[] }[] }
  >();
  for (const zone of zones) {
    const entry = bySchemes.get(zone.schemeId) ?? { name: zone.scheme.name, zones: [] };
    entry.zones.push({
      id: zone.id,
      name: zone.name,
      municipalities: zone.municipalities.map((m) => m.municipality.name),
    });
    bySchemes.set(zone.schemeId, entry);
  }
  return (
    <>
      <PageHeader
        title="協議の場資料"
        eyebrow={cycleTitle(cycle)}
        description="担当する圏域の協議の場資料（PDF）です。数値はダッシュボードと同じ集計です。"
      />
      <Panel className="mb-5">
        <form method="get" className="flex flex-wrap items-end gap-4">
          <div className="min-w-[16rem]">
            <label htmlFor="council-packets-cycle" className={labelClass}>
              報告サイクル
            </label>
            <select id="council-packets-cycle" name="cycle" defaultValue={filter.cycleId} className={inputClass}>
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {cycleTitle(c)}（{CYCLE_STATUS_LABELS[c.status]}）
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClasses("secondary")}>
            表示
          </button>
        </form>
      </Panel>
      {[...bySchemes.entries()].map(([schemeId, scheme]) => (
        <Panel key={schemeId} title={`${scheme.name}`} className="mb-5">
          <ZonePacketTable
            filter={{ cycleId: filter.cycleId, schemeId, kind: "ALL", confirmedOnly: false }}
            zones={scheme.zones}
          />
        </Panel>
      ))}
      <p className="text-xs text-gray-500">
        資料は協議の場の委員の閲覧範囲で作成されます（他の圏域の数値は含みません）。表紙・目次、圏域の概要、現状把握、17領域、意向有りの医療機関、拠点の自己評価、課題の候補、協議ワークシート、医療機関の一覧を収めます。
      </p>
    </>
  );
}
