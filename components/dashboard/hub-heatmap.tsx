import { RESPONSE_STATUS_LABELS } from "@/lib/aggregation";
import { hubDutyHeatmap, type THubCell, type THubHeatmapRow } from "@/lib/summaries/heatmaps";
import { shareLegend } from "@/lib/summaries/shades";
import type { THubsBlock } from "@/lib/summaries/types";
import { EmptyState } from "@/components/ui/notice";
import { cx } from "@/components/ui/cx";
import { ShadeLegend } from "./legend";
import { shadeClass } from "./shade";
import { ScrollRegion } from "@/components/ui/scroll-region";

function Cell({ cell, label }: Readonly<{ cell: THubCell | null; label: string }>) {
  if (!cell) {
    return (
      <td className={cx("rounded px-2 py-1 text-center", shadeClass(null))} title={`${label}: 評価なし`}>
        —
      </td>
    );
  }
  return (
    <td
      className={cx("rounded px-2 py-1 text-center tabular-nums", shadeClass(cell.level))}
      title={`${label}: 必須 ${cell.text}（${cell.detail}）・前年度比 ${cell.deltaText}・望ましい ${cell.desirableText}`}
    >
      <span className="block font-medium">{cell.text}</span>
      <span className="block text-[11px]">{cell.detail}</span>
      <span className="block text-[11px]">前年比 {cell.deltaText}</span>
    </td>
  );
}

function Row({
  row,
  duties,
  pooled = false,
}: Readonly<{ row: THubHeatmapRow; duties: { key: string; label: string }[]; pooled?: boolean }>) {
  return (
    <tr className={pooled ? "font-semibold" : undefined}>
      <th scope="row" className="px-2 py-1 text-left font-normal text-gray-800">
        <span className={pooled ? "font-semibold" : undefined}>{row.name}</span>
        {row.zoneName && <span className="block text-xs text-gray-500">{row.zoneName}</span>}
      </th>
      {!pooled ? <td className="whitespace-nowrap px-2 py-1 text-sm text-gray-700">{row.statusLabel}</td> : <td />}
      {duties.map((d, i) => (
        <Cell key={d.key} cell={row.cells[i] ?? null} label={`${row.name}・${d.label}`} />
      ))}
      <Cell cell={row.total} label={`${row.name}・合計`} />
    </tr>
  );
}

/**
 * Hubs × duties: the share of required items met per duty, with the change from last year in
 * each cell, and the pooled row (Σ met / Σ n). Empty states are messages, never an empty grid.
 */
export function HubHeatmap({ hubs, caption }: Readonly<{ hubs: THubsBlock; caption: string }>) {
  if (!hubs.cycleId) {
    return (
      <EmptyState title="拠点の自己評価の報告サイクルがありません">
        この年度の在宅医療連携拠点の自己評価はまだ始まっていません。
      </EmptyState>
    );
  }
  if (hubs.hubs.length === 0) {
    return (
      <EmptyState title="対象の在宅医療連携拠点はありません">この範囲を担当する拠点が登録されていません。</EmptyState>
    );
  }
  const map = hubDutyHeatmap(hubs.hubs, hubs.group, hubs.change);
  if (map.duties.length === 0) {
    return (
      <EmptyState title="提出された自己評価はまだありません">
        {hubs.hubs.length}拠点のうち、自己評価を提出した拠点はまだありません（
        {hubs.hubs.map((h) => `${h.name}: ${RESPONSE_STATUS_LABELS[h.summary.status]}`).join("、")}）。
      </EmptyState>
    );
  }
  return (
    <div>
      <ScrollRegion label={caption}>
        <table className="min-w-full border-separate border-spacing-0.5 text-sm" data-testid="hub-heatmap">
          <caption className="mb-2 text-left text-sm font-semibold text-gray-800">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left font-medium text-gray-600">
                拠点
              </th>
              <th scope="col" className="px-2 py-1.5 text-left font-medium text-gray-600">
                状況
              </th>
              {map.duties.map((d) => (
                <th
                  key={d.key}
                  scope="col"
                  className="min-w-[6.5rem] px-2 py-1.5 text-center text-xs font-medium text-gray-700"
                >
                  {d.label}
                </th>
              ))}
              <th scope="col" className="min-w-[6.5rem] px-2 py-1.5 text-center text-xs font-medium text-gray-700">
                合計
              </th>
            </tr>
          </thead>
          <tbody>
            {map.rows.map((row) => (
              <Row key={row.key} row={row} duties={map.duties} />
            ))}
            {map.pooled && <Row row={map.pooled} duties={map.duties} pooled />}
          </tbody>
        </table>
      </ScrollRegion>
      <ShadeLegend
        items={shareLegend()}
        noDataLabel="評価なし（未提出など）"
        note="数値は必須項目の実施割合（実施/対象）、前年比はポイント差"
      />
    </div>
  );
}
