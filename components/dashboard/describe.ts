import { KIND_FILTER_LABELS, type TKindFilter } from "@/lib/aggregation";

/** One line saying what the figures count, shown under every dashboard's title. */
export function filterDescription(filter: { kind: TKindFilter; confirmedOnly: boolean }): string {
  return `集計対象: ${KIND_FILTER_LABELS[filter.kind]}・${filter.confirmedOnly ? "県が確認済みの報告のみ" : "提出された報告（確認前・差戻し中を含む）"}`;
}
