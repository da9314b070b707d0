// The prefecture summary: every zone of a scheme side by side, from the prefecture dashboard bundle
// (TPrefectureDashboard) — submission status, 1号/2号 with a chart, how 2号 is secured, the 17
// areas, the tagged items, the 課題 candidates per zone, the hubs and the change from last year.
// Wide tables go on landscape pages and split their zone columns when a prefecture has many zones.
// The sections are the council packet's builders (./sections) where the two documents share one.
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { formatInteger } from "@/lib/format";
import type { TPrefectureDashboard } from "@/lib/summaries/types";
import type { TFrame } from "../components/page";
import type { TBlock } from "../layout/blocks";
import type { TextMeasurer } from "../layout/measure";
import type { TPrefectureSummaryInput } from "../props";
import { COLORS } from "../theme";
import { warekiDateTime, warekiOf } from "./common";
import { zonesAreasTables } from "./sections/areas";
import { statusTable, type TGroupRow } from "./sections/groups";
import { hubsSection } from "./sections/hubs";
import { zonesIssuesSection } from "./sections/issues";
import { coverBlocks, filterLabelOf, sectionAnchor, sectionStart, type TBuiltDocument } from "./sections/outline";
import { changeSection, zonesFunctionsSection, zonesItemsSection, zonesModesSection } from "./sections/prefecture";

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

/** Zone columns per table: beyond this the zones continue in a second table. */
const ZONES_PER_TABLE = 11;

/** The zones in chunks of ZONES_PER_TABLE, each chunk followed by the prefecture's total. */
function zoneChunks(zones: readonly TGroupRow[], total: TGroupRow): TGroupRow[][] {
  const chunks: TGroupRow[][] = [];
  for (let start = 0; start < Math.max(1, zones.length); start += ZONES_PER_TABLE)
    chunks.push([...zones.slice(start, start + ZONES_PER_TABLE), total]);
  return chunks;
}

function coverSection(dashboard: TPrefectureDashboard, generatedAt: string, filterLabel: string): TBlock[] {
  const schemeName = dashboard.scheme?.name ?? "圏域の区分なし";
  const prefecture = dashboard.prefecture.summary;
  return coverBlocks({
    overline: `${dashboard.cycle.prefectureName}　${fiscalYearLabel(dashboard.cycle.fiscalYear)}`,
    title: "全圏域の集計",
    subtitle: `かかりつけ医機能報告・在宅医療連携拠点の自己評価（${schemeName}・${dashboard.zones.length}圏域）`,
    demoNotice: dashboard.cycle.isDemo ? "この資料の医療機関・拠点・報告内容・人口は架空のデータです。" : null,
    facts: [
      ["作成日", warekiOf(generatedAt)],
      ["集計時点", warekiDateTime(dashboard.generatedAt)],
      ["報告", `${dashboard.cycle.title}（${dashboard.cycle.versionLabel}）`],
      ["集計の対象", filterLabel],
      ["圏域", dashboard.zones.map((z) => z.name).join("、") || "—"],
      [
        "集計対象の報告数",
        `${formatInteger(prefecture.n)}件（対象医療機関 ${formatInteger(prefecture.status.respondents)}機関）`,
      ],
    ],
    contents: (Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]).map((key) => ({
      label: SECTIONS[key],
      anchor: sectionAnchor(key),
    })),
    spacedContents: false,
  });
}

export function buildPrefectureSummary(summary: TPrefectureSummaryInput, measurer: TextMeasurer): TBuiltDocument {
  const dashboard = summary.dashboard;
  const year = fiscalYearLabel(dashboard.cycle.fiscalYear);
  const prefectureName = dashboard.cycle.prefectureName;
  const schemeName = dashboard.scheme?.name ?? "圏域の区分なし";
  const filterLabel = filterLabelOf(dashboard.filter);
  const zones: TGroupRow[] = dashboard.zones.map((z) => ({ name: z.name, summary: z.summary }));
  const total: TGroupRow = {
    name: `${prefectureName}全体`,
    summary: dashboard.prefecture.summary,
    style: { bold: true, fill: COLORS.headerFill },
  };
  const groups = [...zones, total];
  const chunks = zoneChunks(zones, total);
  const functions = dashboard.prefecture.summary.functions;
  const frame: TFrame = {
    title: `${year} 全圏域の集計（${schemeName}）`,
    owner: prefectureName,
    footnote: `作成 ${warekiOf(summary.generatedAt)}・${filterLabel}`,
    isDemo: dashboard.cycle.isDemo,
  };
  const blocks: TBlock[] = [
    ...coverSection(dashboard, summary.generatedAt, filterLabel),
    ...sectionStart("status", SECTIONS.status),
    statusTable(groups, { groupHeader: "圏域", groupWidth: 100, targetWidth: 46, zebra: true }),
    ...sectionStart("functions", SECTIONS.functions),
    ...zonesFunctionsSection(groups, functions, measurer),
    ...sectionStart("modes", SECTIONS.modes),
    ...zonesModesSection(groups, functions),
    ...sectionStart("areas", SECTIONS.areas, "landscape"),
    ...zonesAreasTables(chunks, total),
    ...sectionStart("items", SECTIONS.items, "landscape"),
    ...zonesItemsSection(chunks),
    ...sectionStart("issues", SECTIONS.issues),
    ...zonesIssuesSection(dashboard.zones),
    ...sectionStart("hubs", SECTIONS.hubs),
    ...hubsSection({ hubs: dashboard.hubs, year, packet: null }),
    ...sectionStart("change", SECTIONS.change),
    ...changeSection(dashboard.prefecture.change),
  ];
  return {
    frame,
    blocks,
    title: `${year} 全圏域の集計 ${prefectureName}`,
    subject: `${prefectureName}（${schemeName}）の全圏域の集計`,
  };
}
