// 1. 圏域の概要: the zone's municipalities, population, institutions, submissions and hubs.
import { PRIMARY_FUNCTION_KEY, RESPONSE_STATUS_LABELS, type TClinicSummary } from "@/lib/aggregation";
import { formatInteger, formatRate } from "@/lib/format";
import { countWithRateText } from "@/lib/summaries/texts";
import type { TBlock, TRow } from "../../layout/blocks";
import { COLORS } from "../../theme";
import { factsBlock, note } from "../common";
import { functionOf, institutionsByKind, type TZoneSectionInput } from "./zone-input";

const agingText = (population: TClinicSummary["population"]) =>
  population.total && population.age65 !== null ? formatRate(population.age65, population.total) : "—";

/** One municipality (or the zone's total) in the population and institutions table. */
function populationRow(
  name: string,
  summary: TClinicSummary,
  kinds: { hospitals: number; clinics: number },
  isTotal: boolean,
): TRow {
  const population = summary.population;
  const primary = functionOf(summary, PRIMARY_FUNCTION_KEY);
  return {
    ...(isTotal ? { bold: true, fill: COLORS.zebra } : {}),
    cells: [
      name,
      formatInteger(population.total),
      formatInteger(population.age65),
      agingText(population),
      formatInteger(kinds.hospitals),
      formatInteger(kinds.clinics),
      `${formatInteger(summary.status.withRevision)}/${formatInteger(summary.status.respondents)}`,
      primary ? countWithRateText(primary.has) : "—",
    ],
  };
}

function zoneFacts(input: TZoneSectionInput): TBlock {
  const { dashboard, zoneSummary } = input;
  const municipalities = dashboard.zone.municipalities;
  const all = institutionsByKind(dashboard, null);
  const population = zoneSummary.population;
  const hubNames = dashboard.hubs.hubs.map((h) => h.name);
  return factsBlock([
    ["構成市区町村", `${municipalities.map((m) => m.name).join("、")}（${municipalities.length}市区町村）`],
    [
      "総人口",
      population.total === null ? "—（人口が未登録の市区町村があります）" : `${formatInteger(population.total)}人`,
    ],
    [
      "65歳以上人口",
      population.age65 === null ? "—" : `${formatInteger(population.age65)}人（高齢化率 ${agingText(population)}）`,
    ],
    ["75歳以上人口", population.age75 === null ? "—" : `${formatInteger(population.age75)}人`],
    [
      "医療機関",
      `病院 ${formatInteger(all.hospitals)}・診療所 ${formatInteger(all.clinics)}（計 ${formatInteger(all.hospitals + all.clinics)}）`,
    ],
    [
      "報告の提出",
      `${formatInteger(zoneSummary.status.withRevision)}/${formatInteger(zoneSummary.status.respondents)}機関（提出率 ${formatRate(zoneSummary.status.withRevision, zoneSummary.status.respondents)}）`,
    ],
    ["在宅医療連携拠点", hubNames.length > 0 ? hubNames.join("、") : "この圏域を担当する拠点は登録されていません"],
  ]);
}

export function zoneOverviewSection(input: TZoneSectionInput): TBlock[] {
  const { dashboard, zoneName, zoneSummary } = input;
  const blocks: TBlock[] = [
    zoneFacts(input),
    {
      kind: "table",
      table: {
        caption: "市区町村別の人口と医療機関",
        columns: [
          { header: "市区町村", width: 90 },
          { header: "総人口", width: 62, align: "right" },
          { header: "65歳以上", width: 58, align: "right" },
          { header: "高齢化率", width: 46, align: "right" },
          { header: "病院", width: 34, align: "right" },
          { header: "診療所", width: 38, align: "right" },
          { header: "提出／対象", width: 60, align: "right" },
          { header: "1号機能 有り", width: 70, align: "right" },
        ],
        rows: [
          ...dashboard.municipalities.map((m) =>
            populationRow(m.name, m.summary, institutionsByKind(dashboard, m.name), false),
          ),
          populationRow(`${zoneName} 計`, zoneSummary, institutionsByKind(dashboard, null), true),
        ],
      },
    },
    note(
      `人口は市区町村ごとに登録された値です${dashboard.cycle.isDemo ? "（デモでは概数・架空）" : ""}。医療機関数は名簿に載っている医療機関（報告済みで名簿から外れた医療機関を含む）の数、提出／対象は報告の対象となっている医療機関のうち報告を提出した数です。`,
    ),
  ];
  if (dashboard.hubs.hubs.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        caption: "在宅医療に必要な連携を担う拠点",
        columns: [
          { header: "拠点", width: 220 },
          { header: "担当する圏域", width: 140 },
          { header: "自己評価", width: 90 },
        ],
        rows: dashboard.hubs.hubs.map((h) => ({
          cells: [h.name, h.zoneName, RESPONSE_STATUS_LABELS[h.summary.status]],
        })),
      },
    });
  }
  return blocks;
}
