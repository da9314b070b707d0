// The hub self-assessment table shared by the council packet and the prefecture summary: one row
// per hub, the share of required items met per duty, the total and the change from last year.
import { RESPONSE_STATUS_LABELS } from "@/lib/aggregation";
import { formatPointDelta } from "@/lib/format";
import type { THubRow } from "@/lib/summaries/types";
import type { TBlock } from "../layout/blocks";
import { COLORS } from "../theme";
import { rateText } from "./common";

const SHORT: Record<string, string> = {
  duty1: "①会議",
  duty2: "②資源",
  duty3: "③急変時",
  duty4: "④研修",
  duty5: "⑤啓発",
  bcp: "災害",
  pediatric: "小児",
  acp: "看取り",
};

export const hubDutyShortLabel = (key: string, label: string) => SHORT[key] ?? label.slice(0, 4);

export function hubRowsTable(hubs: readonly THubRow[], caption: string): TBlock {
  const duties = hubs.find((h) => h.summary.duties.length > 0)?.summary.duties ?? [];
  return {
    kind: "table",
    table: {
      caption,
      zebra: true,
      size: 7,
      columns: [
        { header: "拠点", width: 130 },
        { header: "状況", width: 38 },
        ...duties.map((x) => ({ header: hubDutyShortLabel(x.key, x.label), width: 36, align: "right" as const })),
        { header: "合計", width: 38, align: "right" },
        { header: "前年差", width: 42, align: "right" },
      ],
      rows: hubs.map((h) => ({
        cells: [
          h.name,
          RESPONSE_STATUS_LABELS[h.summary.status],
          ...duties.map((x) => {
            const mine = h.summary.duties.find((y) => y.key === x.key);
            return mine ? rateText(mine.requiredMet) : "—";
          }),
          { text: h.summary.total ? rateText(h.summary.total.requiredMet) : "—", bold: true },
          {
            text: h.summary.change ? formatPointDelta(h.summary.change.total.required.delta) : "—",
            color: (h.summary.change?.total.required.delta ?? 0) < 0 ? COLORS.bad : COLORS.text,
          },
        ],
      })),
      empty: "拠点はありません。",
    },
  };
}
