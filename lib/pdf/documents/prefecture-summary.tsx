// The prefecture summary: every zone of a scheme side by side, from the prefecture dashboard bundle
// (TPrefectureDashboard) — submission status, 1号/2号 with a chart, how 2号 is secured, the 17
// areas, the tagged items, the 課題 candidates per zone, the hubs and the change from last year.
// Wide tables go on landscape pages and split their zone columns when a prefecture has many zones.
import {
  issueCandidates,
  KIND_FILTER_LABELS,
  ISSUE_CANDIDATE_RULE,
  MODE_KEYS,
  MODE_LABELS,
  RESPONSE_STATUSES,
  RESPONSE_STATUS_LABELS,
  readIndicator,
  CLINIC_INDICATORS,
  type TClinicSummary,
} from "@/lib/aggregation";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { formatInteger, formatPer10k, formatPointDelta, formatRate } from "@/lib/format";
import { BarChart } from "../components/bar-chart";
import type { TFrame } from "../components/page";
import type { TBlock, TRow } from "../layout/blocks";
import type { TextMeasurer } from "../layout/measure";
import type { TPrefectureSummaryInput } from "../props";
import { COLORS } from "../theme";
import {
  contentsBlock,
  demoNoticeBlock,
  factsBlock,
  integerText,
  para,
  rateText,
  readingText,
  share,
  warekiDateTime,
  warekiOf,
} from "./common";
import { hubDutyLegend, hubDutyTable, hubRowsTable } from "./hubs";

const SECTIONS = {
  status: "1. 報告の提出状況",
  functions: "2. 圏域別の1号・2号機能",
  modes: "3. 2号機能の確保の方法（自院／連携）",
  areas: "4. 一次診療の17領域（圏域別）",
  items: "5. 個別の取組（圏域別）",
  issues: "6. 圏域ごとの課題の候補",
  hubs: "7. 在宅医療連携拠点の自己評価",
  change: "8. 前年度との比較（県全体）",
} as const;
type TSectionKey = keyof typeof SECTIONS;
const anchor = (key: TSectionKey) => `sec-${key}`;

/** Zone columns per table: beyond this the zones continue in a second table. */
const ZONES_PER_TABLE = 11;

export function buildPrefectureSummary(input: TPrefectureSummaryInput, measurer: TextMeasurer) {
  const d = input.dashboard;
  const year = fiscalYearLabel(d.cycle.fiscalYear);
  const prefName = d.cycle.prefectureName;
  const P = d.prefecture.summary;
  const schemeName = d.scheme?.name ?? "圏域の区分なし";
  const filterLabel = `${KIND_FILTER_LABELS[d.filter.kind]}・${d.filter.confirmedOnly ? "確認済みの報告のみ" : "提出済みの報告すべて"}`;
  const groups: { name: string; summary: TClinicSummary; total?: boolean }[] = [
    ...d.zones.map((z) => ({ name: z.name, summary: z.summary })),
    { name: `${prefName}全体`, summary: P, total: true },
  ];
  const zoneChunks: (typeof groups)[] = [];
  const zonesOnly = groups.filter((g) => !g.total);
  for (let i = 0; i < Math.max(1, zonesOnly.length); i += ZONES_PER_TABLE)
    zoneChunks.push([...zonesOnly.slice(i, i + ZONES_PER_TABLE), groups[groups.length - 1]!]);

  const frame: TFrame = {
    title: `${year} 全圏域の集計（${schemeName}）`,
    owner: prefName,
    footnote: `作成 ${warekiOf(input.generatedAt)}・${filterLabel}`,
    isDemo: d.cycle.isDemo,
  };
  const blocks: TBlock[] = [];
  const push = (...b: TBlock[]) => blocks.push(...b);
  const section = (key: TSectionKey, orientation: "portrait" | "landscape" = "portrait") =>
    push(
      { kind: "pageBreak", orientation },
      { kind: "heading", level: 1, text: SECTIONS[key], anchor: anchor(key), bookmark: true },
    );

  // Cover
  push(
    { kind: "text", text: `${prefName}　${year}`, size: 12, color: COLORS.muted, gapAfter: 2 },
    { kind: "text", text: "全圏域の集計", size: 24, bold: true, color: COLORS.accent, gapAfter: 2 },
    {
      kind: "text",
      text: `かかりつけ医機能報告・在宅医療連携拠点の自己評価（${schemeName}・${d.zones.length}圏域）`,
      size: 10.5,
      gapAfter: 16,
    },
  );
  if (d.cycle.isDemo) push(demoNoticeBlock("この資料の医療機関・拠点・報告内容・人口は架空のデータです。"));
  push(
    factsBlock([
      ["作成日", warekiOf(input.generatedAt)],
      ["集計時点", warekiDateTime(d.generatedAt)],
      ["報告", `${d.cycle.title}（${d.cycle.versionLabel}）`],
      ["集計の対象", filterLabel],
      ["圏域", d.zones.map((z) => z.name).join("、") || "—"],
      ["集計対象の報告数", `${formatInteger(P.n)}件（対象医療機関 ${formatInteger(P.status.respondents)}機関）`],
    ]),
    { kind: "heading", level: 2, text: "目次" },
    contentsBlock(
      (Object.keys(SECTIONS) as TSectionKey[]).map((key) => ({ label: SECTIONS[key], anchor: anchor(key) })),
    ),
  );

  // 1. Status
  section("status");
  push({
    kind: "table",
    table: {
      zebra: true,
      columns: [
        { header: "圏域", width: 100 },
        { header: "対象", width: 46, align: "right" },
        ...RESPONSE_STATUSES.map((s) => ({ header: RESPONSE_STATUS_LABELS[s], width: 44, align: "right" as const })),
        { header: "提出率", width: 48, align: "right" },
        { header: "集計対象", width: 50, align: "right" },
      ],
      rows: groups.map((g) => ({
        bold: g.total,
        fill: g.total ? COLORS.headerFill : undefined,
        cells: [
          g.name,
          integerText(g.summary.status.respondents),
          ...RESPONSE_STATUSES.map((s) => integerText(g.summary.status.byStatus[s])),
          formatRate(g.summary.status.withRevision, g.summary.status.respondents),
          integerText(g.summary.n),
        ],
      })),
    },
  });

  // 2. Functions
  section("functions");
  const fns = P.functions;
  push(
    {
      kind: "chart",
      height: 230,
      render: (w, h) => (
        <BarChart
          width={w}
          height={h}
          categories={groups.map((g) => `${g.name}\nn=${formatInteger(g.summary.n)}`)}
          series={fns.map((f, i) => ({
            key: f.key,
            label: f.shortLabel,
            color: COLORS.series[[0, 4, 2, 5, 3][i % 5]!]!,
            values: groups.map((g) => share(g.summary.functions.find((x) => x.key === f.key)?.has)),
          }))}
          unit="share"
          measurer={measurer}
          highlight={groups.length - 1}
          valueLabels={groups.length * fns.length <= 45}
        />
      ),
    },
    {
      kind: "table",
      table: {
        caption: "「有り」の件数と割合（集計対象の報告数に対する割合）",
        zebra: true,
        size: 7,
        columns: [
          { header: "圏域", width: 96 },
          { header: "報告数", width: 44, align: "right" },
          { header: "65歳以上人口", width: 62, align: "right" },
          ...fns.map((f) => ({ header: `${f.shortLabel} 有り`, width: 66, align: "right" as const })),
        ],
        rows: groups.map((g) => ({
          bold: g.total,
          fill: g.total ? COLORS.headerFill : undefined,
          cells: [
            g.name,
            integerText(g.summary.n),
            integerText(g.summary.population.age65),
            ...fns.map((f) => {
              const x = g.summary.functions.find((y) => y.key === f.key);
              return x ? `${formatInteger(x.has.count)}（${rateText(x.has)}）` : "—";
            }),
          ],
        })),
      },
    },
    {
      kind: "table",
      table: {
        caption: "65歳以上人口1万人当たりの「有り」の医療機関数",
        zebra: true,
        columns: [
          { header: "圏域", width: 96 },
          ...fns.map((f) => ({ header: f.shortLabel, width: 60, align: "right" as const })),
        ],
        rows: groups.map((g) => ({
          bold: g.total,
          fill: g.total ? COLORS.headerFill : undefined,
          cells: [
            g.name,
            ...fns.map((f) => {
              const x = g.summary.functions.find((y) => y.key === f.key);
              return x ? formatPer10k(x.per10k65.count, x.per10k65.population) : "—";
            }),
          ],
        })),
      },
    },
  );

  // 3. Modes
  section("modes");
  for (const f of fns.filter((x) => !x.isPrimary && x.reportsMode)) {
    push({
      kind: "table",
      table: {
        caption: f.label,
        zebra: true,
        columns: [
          { header: "圏域", width: 96 },
          { header: "報告数", width: 44, align: "right" },
          { header: "有り", width: 44, align: "right" },
          ...MODE_KEYS.map((m) => ({ header: MODE_LABELS[m], width: 54, align: "right" as const })),
          { header: "意向有り", width: 48, align: "right" },
        ],
        rows: groups.map((g) => {
          const x = g.summary.functions.find((y) => y.key === f.key);
          return {
            bold: g.total,
            fill: g.total ? COLORS.headerFill : undefined,
            cells: [
              g.name,
              integerText(g.summary.n),
              integerText(x?.has.count),
              ...MODE_KEYS.map((m) => integerText(x?.modes[m].overN.count)),
              integerText(x?.intent.count),
            ],
          };
        }),
      },
    });
  }

  // 4. Areas (landscape: areas down, zones across)
  section("areas", "landscape");
  zoneChunks.forEach((chunk, ci) => {
    push({
      kind: "table",
      table: {
        caption:
          zoneChunks.length > 1
            ? `対応できる医療機関の割合（${ci + 1}/${zoneChunks.length}）`
            : "対応できる医療機関の割合",
        zebra: true,
        columns: [
          { header: "領域", width: 120 },
          ...chunk.map((g) => ({ header: g.name, width: 56, align: "right" as const })),
        ],
        rows: [
          { bold: true, cells: ["回答数", ...chunk.map((g) => integerText(g.summary.areas.asked))] },
          ...P.areas.areas.map((a) => ({
            cells: [
              a.label,
              ...chunk.map((g) => rateText(g.summary.areas.areas.find((x) => x.code === a.code)?.offered)),
            ],
          })),
        ],
      },
    });
  });

  // 5. Items
  section("items", "landscape");
  const itemIndicators = CLINIC_INDICATORS.filter((i) => i.group === "items");
  zoneChunks.forEach((chunk, ci) => {
    push({
      kind: "table",
      table: {
        caption:
          zoneChunks.length > 1
            ? `実施している医療機関の割合（${ci + 1}/${zoneChunks.length}）`
            : "実施している医療機関の割合",
        zebra: true,
        columns: [
          { header: "指標", width: 150 },
          ...chunk.map((g) => ({ header: g.name, width: 56, align: "right" as const })),
        ],
        rows: itemIndicators.map((indicator) => ({
          cells: [indicator.label, ...chunk.map((g) => readingText(readIndicator(g.summary, indicator)))],
        })),
      },
    });
  });

  // 6. Issues per zone
  section("issues");
  push(para(`各圏域の指標を県全体と比べ、課題の候補を数えました。${ISSUE_CANDIDATE_RULE}`), {
    kind: "table",
    table: {
      zebra: true,
      columns: [
        { header: "圏域", width: 90 },
        { header: "候補の数", width: 44, align: "right" },
        { header: "参考値", width: 40, align: "right" },
        { header: "課題の候補（県全体を下回る指標）", width: 330 },
      ],
      rows: d.zones.map((z) => {
        const below = issueCandidates(z.comparison);
        return {
          cells: [
            z.name,
            integerText(below.length),
            integerText(z.comparison.filter((c) => c.judgement === "insufficientN").length),
            below.length > 0 ? below.map((c) => `${c.label}（${readingText(c.value)}）`).join("、") : "なし",
          ],
        };
      }),
      empty: "圏域がありません。",
    },
  });

  // 7. Hubs
  section("hubs");
  const hubGroup = d.hubs.group;
  if (!hubGroup) {
    push(para(`${year}の在宅医療連携拠点の自己評価はまだ実施されていません。`));
  } else {
    push(
      hubDutyTable(
        hubGroup,
        d.hubs.previousGroup,
        `県全体（提出した拠点 ${formatInteger(hubGroup.n)}／${formatInteger(hubGroup.status.respondents)}か所）`,
      ),
      hubRowsTable(d.hubs.hubs, "拠点ごとの必須項目の実施率"),
      hubDutyLegend(hubGroup),
    );
  }

  // 8. Change
  section("change");
  const change = d.prefecture.change;
  if (!change) {
    push(para("前年度の報告サイクルがないため、前年度との比較はありません。"));
  } else {
    push(
      para(
        `前年度 ${formatInteger(change.n.previous)}件、今年度 ${formatInteger(change.n.current)}件の報告の比較です。前年度と調査票の版が異なり、前年度に尋ねていない項目は「—」です。`,
      ),
      {
        kind: "table",
        table: {
          zebra: true,
          columns: [
            { header: "指標", width: 240 },
            { header: "今年度", width: 60, align: "right" },
            { header: "前年度", width: 60, align: "right" },
            { header: "差", width: 60, align: "right" },
          ],
          rows: change.indicators.map((i): TRow => ({
            cells: [
              i.label,
              readingText(i.current),
              readingText(i.previous),
              {
                text: i.delta === null ? "—" : i.unit === "share" ? formatPointDelta(i.delta) : i.delta.toFixed(1),
                color:
                  i.delta !== null && i.higherIsBetter !== null && i.delta < 0 === i.higherIsBetter && i.delta !== 0
                    ? COLORS.bad
                    : COLORS.text,
              },
            ],
          })),
        },
      },
    );
  }

  return {
    frame,
    blocks,
    title: `${year} 全圏域の集計 ${prefName}`,
    subject: `${prefName}（${schemeName}）の全圏域の集計`,
  };
}
