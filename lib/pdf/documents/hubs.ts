// The hub self-assessment tables shared by the council packet and the prefecture summary: the
// pooled figures per duty beside last year's, and one row per hub with the share of required
// items met per duty, the total and the change from last year.
import { RESPONSE_STATUS_LABELS, type THubDutySummary, type THubGroupSummary } from "@/lib/aggregation";
import { formatInteger, formatPointDelta } from "@/lib/format";
import type { THubRow } from "@/lib/summaries/types";
import type { TBlock } from "../layout/blocks";
import { COLORS } from "../theme";
import { countOfText, note, rateText } from "./common";

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

/** Per duty and in total: required items met, last year's rate, desirable items adopted, hubs meeting all. */
export function hubDutyTable(group: THubGroupSummary, previous: THubGroupSummary | null, caption: string): TBlock {
  const previousOf = (x: THubDutySummary, isTotal: boolean) =>
    isTotal ? previous?.total : previous?.duties.find((y) => y.key === x.key);
  return {
    kind: "table",
    table: {
      caption,
      columns: [
        { header: "役割", width: 150 },
        { header: "必須 実施／対象", width: 62, align: "right" },
        { header: "実施率", width: 44, align: "right" },
        { header: "前年度", width: 44, align: "right" },
        { header: "望ましい 採用／対象", width: 66, align: "right" },
        { header: "採用率", width: 44, align: "right" },
        { header: "全必須を満たす拠点", width: 62, align: "right" },
      ],
      rows: [...group.duties, group.total].map((x, i, list) => {
        const isTotal = i === list.length - 1;
        return {
          bold: isTotal,
          fill: isTotal ? COLORS.zebra : undefined,
          cells: [
            x.label,
            `${formatInteger(x.required.met)}/${formatInteger(x.required.n)}`,
            rateText(x.requiredMet),
            previous ? rateText(previousOf(x, isTotal)?.requiredMet) : "—",
            `${formatInteger(x.desirable.adopted)}/${formatInteger(x.desirable.n)}`,
            rateText(x.desirableAdopted),
            countOfText(x.hubsAllRequiredMet),
          ],
        };
      }),
    },
  };
}

/** The key to the short duty names used as column headers in hubRowsTable. */
export const hubDutyLegend = (group: THubGroupSummary): TBlock =>
  note(`役割の略称: ${group.duties.map((x) => `${hubDutyShortLabel(x.key, x.label)}＝${x.label}`).join("、")}。`);
