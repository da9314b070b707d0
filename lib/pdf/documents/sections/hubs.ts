// The hub self-assessment section shared by the council packet and the prefecture summary: the
// pooled figures per duty beside last year's (with a chart in the packet), and one row per hub
// with the share of required items met per duty, the total and the change from last year.
import { RESPONSE_STATUS_LABELS, type THubDutySummary, type THubGroupSummary } from "@/lib/aggregation";
import { formatInteger } from "@/lib/format";
import { countOfText, differenceText, rateText, shareOf } from "@/lib/summaries/texts";
import type { THubsBlock, THubRow } from "@/lib/summaries/types";
import type { TBlock } from "../../layout/blocks";
import type { TextMeasurer } from "../../layout/measure";
import { COLORS } from "../../theme";
import { note, para } from "../common";
import { barChartBlock } from "./groups";

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

const hubDutyShortLabel = (key: string, label: string) => SHORT[key] ?? label.slice(0, 4);

function hubRowsTable(hubs: readonly THubRow[], caption: string): TBlock {
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
            text: h.summary.change ? differenceText(h.summary.change.total.required.delta, "share") : "—",
            color: (h.summary.change?.total.required.delta ?? 0) < 0 ? COLORS.bad : COLORS.text,
          },
        ],
      })),
      empty: "拠点はありません。",
    },
  };
}

/** Per duty and in total: required items met, last year's rate, desirable items adopted, hubs meeting all. */
function hubDutyTable(group: THubGroupSummary, previous: THubGroupSummary | null, caption: string): TBlock {
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
const hubDutyLegend = (group: THubGroupSummary): TBlock =>
  note(`役割の略称: ${group.duties.map((x) => `${hubDutyShortLabel(x.key, x.label)}＝${x.label}`).join("、")}。`);

/** Required items met this year and last, and desirable items adopted, per duty. */
function hubDutyChart(group: THubGroupSummary, previous: THubGroupSummary | null, measurer: TextMeasurer): TBlock {
  const previousDuty = (key: string): THubDutySummary | undefined => previous?.duties.find((x) => x.key === key);
  return barChartBlock(40 + group.duties.length * 26, {
    categories: group.duties.map((x) => x.label),
    series: [
      {
        key: "req",
        label: `必須項目の実施率 今年度（拠点 ${group.n}）`,
        color: COLORS.series[0],
        values: group.duties.map((x) => shareOf(x.requiredMet)),
      },
      ...(previous
        ? [
            {
              key: "prev",
              label: `前年度（拠点 ${previous.n}）`,
              color: COLORS.series[1],
              values: group.duties.map((x) => shareOf(previousDuty(x.key)?.requiredMet)),
            },
          ]
        : []),
      {
        key: "des",
        label: "望ましい項目の採用率 今年度",
        color: COLORS.series[4],
        values: group.duties.map((x) => shareOf(x.desirableAdopted)),
      },
    ],
    unit: "share",
    orientation: "horizontal",
    measurer,
  });
}

export type THubSectionInput = {
  hubs: THubsBlock;
  /** 令和7年度, for the line shown before any hub has assessed itself. */
  year: string;
  /** The council packet explains the figures and draws them; the prefecture summary shows only the tables. */
  packet: { measurer: TextMeasurer } | null;
};

export function hubsSection({ hubs, year, packet }: THubSectionInput): TBlock[] {
  const group = hubs.group;
  if (!group) return [para(`${year}の在宅医療連携拠点の自己評価はまだ実施されていません。`)];
  const tables = (caption: string) => [
    hubDutyTable(group, hubs.previousGroup, caption),
    hubRowsTable(hubs.hubs, "拠点ごとの必須項目の実施率"),
    hubDutyLegend(group),
  ];
  if (!packet)
    return tables(`県全体（提出した拠点 ${formatInteger(group.n)}／${formatInteger(group.status.respondents)}か所）`);
  return [
    para(
      `この圏域にかかわる拠点 ${formatInteger(group.status.respondents)}か所のうち、自己評価を提出した ${formatInteger(group.n)}か所の集計です。役割ごとに、必須項目（指針で求められる項目）の実施率と、望ましい項目の採用率を示します（拠点の項目数を合計して求めた割合）。`,
    ),
    hubDutyChart(group, hubs.previousGroup, packet.measurer),
    ...tables("役割ごとの実施状況"),
  ];
}
