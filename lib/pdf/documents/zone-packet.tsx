// The council packet (協議の場資料) of one zone and cycle, in the order of the guideline's council
// cycle: ① share the current state (圏域の概要, 現状把握, 17 areas, 意向有り, hubs) → ② ③ the
// target and the problems (課題の候補, listed automatically) → ④ ⑤ causes, measures and owners
// (one worksheet per theme, filled in at the meeting) → appendix (every institution).
// Every figure comes from the zone dashboard bundle (TZoneDashboard) and is worded by
// lib/summaries/texts.ts, exactly as on screen; each section is its own builder (./sections).
import { formatInteger } from "@/lib/format";
import type { TFrame } from "../components/page";
import type { TBlock } from "../layout/blocks";
import type { TextMeasurer } from "../layout/measure";
import type { TZonePacketInput } from "../props";
import { note, warekiDateTime, warekiOf } from "./common";
import { appendixSection } from "./sections/appendix";
import { councilFollowUpSection } from "./sections/council-follow-up";
import { zoneAreasSection } from "./sections/areas";
import { hubsSection } from "./sections/hubs";
import { zoneIssuesSection } from "./sections/issues";
import { coverBlocks, filterLabelOf, sectionAnchor, sectionStart, type TBuiltDocument } from "./sections/outline";
import { poolsSection } from "./sections/pools";
import { worksheetsSection } from "./sections/worksheets";
import { zoneCurrentSection } from "./sections/zone-current";
import { zoneSectionInput, type TZoneSectionInput } from "./sections/zone-input";
import { zoneOverviewSection } from "./sections/zone-overview";

export type { TBuiltDocument } from "./sections/outline";

const SECTIONS = {
  overview: "1. 圏域の概要",
  current: "2. 現状把握（1号・2号機能）",
  areas: "3. 一次診療の17領域",
  pools: "4. 意向有りの医療機関（実施の意向がある医療機関）",
  hubs: "5. 在宅医療連携拠点の自己評価",
  followUp: "6. 前年度の協議結果と進捗",
  issues: "7. 課題の候補（県全体を下回る指標）",
  worksheets: "8. 協議ワークシート",
  appendix: "付録 医療機関ごとの機能の有無",
} as const;

/** Where each step of the council cycle starts, noted in the contents. */
const STEP_NOTES: Partial<Record<keyof typeof SECTIONS, string>> = {
  overview: "① 現状の共有",
  followUp: "前年度の対応策の効果",
  issues: "② 目指す姿・③ 課題",
  worksheets: "④ 原因・⑤ 対応策と担当",
};

function coverSection(input: TZoneSectionInput, generatedAt: string, filterLabel: string): TBlock[] {
  const { dashboard, zoneName, zoneSummary } = input;
  const municipalities = dashboard.zone.municipalities.map((m) => m.name).join("、");
  return [
    ...coverBlocks({
      overline: `${input.prefectureName}　${input.year}`,
      title: "協議の場 資料",
      subtitle: "かかりつけ医機能報告と在宅医療連携拠点の自己評価にもとづく現状把握・課題整理",
      name: { text: zoneName, detail: `${dashboard.scheme.name}　構成市区町村: ${municipalities}` },
      demoNotice: dashboard.cycle.isDemo
        ? "この資料の医療機関・拠点・報告内容・人口は、画面の確認用に作った架空のデータです。実在の医療機関とは関係ありません。"
        : null,
      facts: [
        ["作成日", warekiOf(generatedAt)],
        ["集計時点", warekiDateTime(dashboard.generatedAt)],
        ["報告", `${dashboard.cycle.title}（${dashboard.cycle.versionLabel}）`],
        ["集計の対象", filterLabel],
        [
          "集計対象の報告数",
          `${formatInteger(zoneSummary.n)}件（対象医療機関 ${formatInteger(zoneSummary.status.respondents)}機関）`,
        ],
      ],
      contents: (Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]).map((key) => ({
        label: SECTIONS[key],
        anchor: sectionAnchor(key),
        note: STEP_NOTES[key],
      })),
      spacedContents: true,
    }),
    note(
      "協議の進め方（かかりつけ医機能報告制度のガイドライン）: ① 現状と見通しを共有する → ② 目指す姿を合意する → ③ 課題を合意する → ④ 原因を分析する（行政・医療・介護）→ ⑤ 対応策と担当を決める。翌年度の資料で効果を確かめます。",
    ),
  ];
}

export function buildZonePacket(packet: TZonePacketInput, measurer: TextMeasurer): TBuiltDocument {
  const dashboard = packet.dashboard;
  const input = zoneSectionInput(dashboard, measurer);
  const filterLabel = filterLabelOf(dashboard.filter, "（確認済・提出済・差戻し）");
  const frame: TFrame = {
    title: `${input.year} 協議の場資料 ${input.zoneName}（${dashboard.scheme.name}）`,
    owner: input.prefectureName,
    footnote: `作成 ${warekiOf(packet.generatedAt)}・${filterLabel}`,
    isDemo: dashboard.cycle.isDemo,
  };
  const blocks: TBlock[] = [
    ...coverSection(input, packet.generatedAt, filterLabel),
    ...sectionStart("overview", SECTIONS.overview),
    ...zoneOverviewSection(input),
    ...sectionStart("current", SECTIONS.current),
    ...zoneCurrentSection(input),
    ...sectionStart("areas", SECTIONS.areas),
    ...zoneAreasSection(input),
    ...sectionStart("pools", SECTIONS.pools),
    ...poolsSection(input),
    ...sectionStart("hubs", SECTIONS.hubs),
    ...hubsSection({ hubs: dashboard.hubs, year: input.year, packet: { measurer } }),
    ...sectionStart("followUp", SECTIONS.followUp),
    ...councilFollowUpSection(packet.councilFollowUp, input.year),
    ...sectionStart("issues", SECTIONS.issues),
    ...zoneIssuesSection(input),
    ...worksheetsSection(input, "worksheets", SECTIONS.worksheets, packet.councilFollowUp ?? null),
    ...sectionStart("appendix", SECTIONS.appendix, "landscape"),
    ...appendixSection(input),
  ];
  return {
    frame,
    blocks,
    title: `${input.year} 協議の場資料 ${input.zoneName}`,
    subject: `${input.prefectureName} ${input.zoneName}（${dashboard.scheme.name}）の協議の場資料`,
  };
}
