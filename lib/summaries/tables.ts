// Every table a dashboard shows, as plain rows: the screen's accessible table alternative, the
// CSV/.xlsx exports and the packet appendices all come from these functions, so they agree.
// Cells are typed (lib/export/cells.ts): counts are numbers, shares percent cells, with their
// counts and denominators beside them; tableCellText words a cell for the screen.
import {
  INSTITUTION_KIND_LABELS,
  MODE_KEYS,
  MODE_LABELS,
  RESPONSE_STATUSES,
  RESPONSE_STATUS_LABELS,
  per10kValue,
  rateValue,
  type TClinicSummary,
  type TPopulationRate,
  type TRate,
} from "@/lib/aggregation";
import type { TTable, TTableFormat } from "@/lib/export/table-file";
import { exportFileName, type TFileName } from "@/lib/export/file-name";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { cellPlainText, isDateCell, isPercentCell, percentCell, type TCell } from "@/lib/export/cells";
import { formatDateTime } from "@/lib/domain/wareki";
import {
  INSTITUTION_STATUS_LABELS,
  JUDGEMENT_TEXTS,
  differenceText,
  institutionFunctionText,
  readingText,
} from "./texts";
import type { TInstitutionStatusRow, TNationalDashboard, TPrefectureDashboard, TZoneDashboard } from "./types";

export type TSummaryTable = TTable & { key: string; title: string };

// Shares are percent cells (numbers with a percent format in .xlsx, "12.3" in CSV and on
// screen) and rates per 10,000 are numbers with one decimal, so a spreadsheet can sum and sort them.
const percent = (r: TRate | null | undefined): TCell => percentCell(rateValue(r));
const oneDecimal = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
const per10k = (r: TPopulationRate): number | null => oneDecimal(per10kValue(r));

/** A table cell as the screen shows it: numbers with separators, shares as "12.3", instants in Japan time. */
export function tableCellText(cell: TCell): string {
  if (typeof cell === "number") return cell.toLocaleString("ja-JP", { maximumFractionDigits: 3 });
  if (isDateCell(cell)) return formatDateTime(cell.at);
  return cellPlainText(cell);
}

/** Whether a cell holds a figure (aligned right on screen). */
export const isFigureCell = (cell: TCell): boolean =>
  typeof cell === "number" || isPercentCell(cell) || (typeof cell === "string" && /^-?[\d,.]+$/.test(cell));

type TNamedSummary = { name: string; summary: TClinicSummary };

function headlineTable(key: string, title: string, groupLabel: string, groups: TNamedSummary[]): TSummaryTable {
  const functions = groups[0]?.summary.functions ?? [];
  return {
    key,
    title,
    header: [
      groupLabel,
      "対象医療機関数",
      "集計対象の報告数",
      "65歳以上人口",
      ...functions.flatMap((f) => [
        `${f.shortLabel} 有り（件）`,
        `${f.shortLabel} 有り（%）`,
        `${f.shortLabel} 有り（65歳以上1万人あたり）`,
      ]),
    ],
    rows: groups.map(({ name, summary }) => [
      name,
      summary.status.respondents,
      summary.n,
      summary.population.age65 ?? null,
      ...summary.functions.flatMap((f) => [f.has.count, percent(f.has), per10k(f.per10k65)]),
    ]),
  };
}

function statusTable(key: string, groupLabel: string, groups: TNamedSummary[]): TSummaryTable {
  return {
    key,
    title: "提出状況",
    header: [groupLabel, "対象", ...RESPONSE_STATUSES.map((s) => RESPONSE_STATUS_LABELS[s]), "提出率（%）"],
    rows: groups.map(({ name, summary }) => [
      name,
      summary.status.respondents,
      ...RESPONSE_STATUSES.map((s) => summary.status.byStatus[s]),
      percent({ count: summary.status.withRevision, n: summary.status.respondents }),
    ]),
  };
}

function areasTable(key: string, groupLabel: string, groups: TNamedSummary[]): TSummaryTable {
  const areas = groups[0]?.summary.areas.areas ?? [];
  return {
    key,
    title: "17の診療領域ごとの一次診療（対応可能な医療機関の割合）",
    header: [groupLabel, "回答数", ...areas.flatMap((a) => [`${a.label}（件）`, `${a.label}（%）`])],
    rows: groups.map(({ name, summary }) => [
      name,
      summary.areas.asked,
      ...summary.areas.areas.flatMap((a) => [a.offered.count, percent(a.offered)]),
    ]),
  };
}

function functionModesTable(key: string, groupLabel: string, groups: TNamedSummary[]): TSummaryTable {
  const secondary = (groups[0]?.summary.functions ?? []).filter((f) => !f.isPrimary);
  return {
    key,
    title: "2号機能の有無（自院／連携の別）と意向",
    header: [
      groupLabel,
      "報告数",
      ...secondary.flatMap((f) => [
        `${f.shortLabel} 有り`,
        ...MODE_KEYS.map((m) => `${f.shortLabel} ${MODE_LABELS[m]}`),
        `${f.shortLabel} 意向有り`,
      ]),
    ],
    rows: groups.map(({ name, summary }) => [
      name,
      summary.n,
      ...summary.functions
        .filter((f) => !f.isPrimary)
        // A function not asked how it is secured ((ニ)) has blank mode cells, not counts of 不明.
        .flatMap((f) => [
          f.has.count,
          ...MODE_KEYS.map((m) => (f.reportsMode ? f.modes[m].overN.count : null)),
          f.intent.count,
        ]),
    ]),
  };
}

function changeTable(
  summaryName: string,
  dashboard: { change: TPrefectureDashboard["prefecture"]["change"] },
): TSummaryTable {
  return {
    key: "yoy",
    title: `前年度との比較（${summaryName}）`,
    header: ["指標", "今年度", "前年度", "差"],
    rows: (dashboard.change?.indicators ?? []).map((i) => [
      i.label,
      readingText(i.current),
      readingText(i.previous),
      differenceText(i.delta, i.unit),
    ]),
  };
}

function hubsTable(hubs: TPrefectureDashboard["hubs"]): TSummaryTable {
  const duties = hubs.hubs.find((h) => h.summary.duties.length > 0)?.summary.duties ?? [];
  return {
    key: "hubs",
    title: "在宅医療連携拠点の自己評価（必須項目の実施・望ましい項目の採用）",
    header: [
      "拠点",
      "圏域",
      "状況",
      ...duties.flatMap((d) => [`${d.label} 必須（実施/対象）`, `${d.label} 必須（%）`, `${d.label} 望ましい（%）`]),
      "合計 必須（%）",
      "前年度からの変化（必須・ポイント）",
    ],
    rows: hubs.hubs.map((h) => [
      h.name,
      h.zoneName,
      RESPONSE_STATUS_LABELS[h.summary.status],
      ...duties.flatMap((d) => {
        const mine = h.summary.duties.find((x) => x.key === d.key);
        return mine
          ? [`${mine.required.met}/${mine.required.n}`, percent(mine.requiredMet), percent(mine.desirableAdopted)]
          : ["", "", ""];
      }),
      h.summary.total ? percent(h.summary.total.requiredMet) : "",
      h.summary.change?.total.required.delta == null ? null : oneDecimal(h.summary.change.total.required.delta * 100),
    ]),
  };
}

export function institutionsTable(
  rows: TInstitutionStatusRow[],
  functionLabels: { key: string; shortLabel: string }[],
): TSummaryTable {
  return {
    key: "institutions",
    title: "医療機関ごとの機能の有無",
    header: ["医療機関コード", "名称", "種別", "市区町村", "状況", ...functionLabels.map((f) => f.shortLabel)],
    rows: rows.map((r) => [
      r.code,
      r.name,
      INSTITUTION_KIND_LABELS[r.kind],
      r.municipality,
      INSTITUTION_STATUS_LABELS[r.status],
      // Before a report the cell stays blank (the screen's "—"), so a spreadsheet counts only answers.
      ...functionLabels.map((f) => {
        const answer = institutionFunctionText(r.functions[f.key]);
        return answer.state === "unknown" ? "" : answer.text;
      }),
    ]),
  };
}

/** The tables of the prefecture view: zones side by side, areas, 2号 by zone, status, hubs, year over year. */
export function prefectureTables(d: TPrefectureDashboard): TSummaryTable[] {
  const groups: TNamedSummary[] = [
    ...d.zones.map((z) => ({ name: z.name, summary: z.summary })),
    { name: `${d.cycle.prefectureName}（全体）`, summary: d.prefecture.summary },
  ];
  return [
    headlineTable("zones", "圏域別の1号・2号機能", "圏域", groups),
    areasTable("areas", "圏域", groups),
    functionModesTable("functions", "圏域", groups),
    statusTable("status", "圏域", groups),
    hubsTable(d.hubs),
    changeTable(d.cycle.prefectureName, d.prefecture),
  ];
}

/** The tables of a zone view: indicators against the prefecture, municipalities, institutions. */
export function zoneTables(d: TZoneDashboard): TSummaryTable[] {
  const municipalities: TNamedSummary[] = [
    ...d.municipalities.map((m) => ({ name: m.name, summary: m.summary })),
    { name: `${d.zone.name}（圏域全体）`, summary: d.zone.summary },
  ];
  return [
    {
      key: "indicators",
      title: `${d.zone.name}の指標と${d.cycle.prefectureName}全体との比較`,
      header: ["指標", d.zone.name, `${d.cycle.prefectureName}全体`, "差", "判定"],
      rows: d.comparison.map((c) => [
        c.label,
        readingText(c.value),
        readingText(c.reference),
        differenceText(c.difference, c.unit),
        JUDGEMENT_TEXTS[c.judgement],
      ]),
    },
    headlineTable("municipalities", "市区町村別の1号・2号機能", "市区町村", municipalities),
    areasTable("areas", "市区町村", municipalities),
    statusTable("status", "市区町村", municipalities),
    institutionsTable(d.institutions, d.zone.summary.functions),
    hubsTable(d.hubs),
    changeTable(d.zone.name, d.zone),
  ];
}

export function nationalTables(d: TNationalDashboard): TSummaryTable[] {
  const groups = d.prefectures.filter((p) => p.summary).map((p) => ({ name: p.name, summary: p.summary! }));
  return [
    headlineTable("prefectures", "都道府県別の1号・2号機能", "都道府県", [
      ...groups,
      { name: "全国", summary: d.nation.summary },
    ]),
    statusTable("status", "都道府県", groups),
  ];
}

export function findTable(tables: TSummaryTable[], key: string): TSummaryTable | undefined {
  return tables.find((t) => t.key === key);
}

/**
 * The file name of a dashboard table's export: table, cycle, scope (prefecture or zone), day and
 * encoding — 圏域別の1号・2号機能_令和7年度かかりつけ医機能報告_福井県_2026-12-05_UTF-8.csv.
 */
export function summaryExportFileName(
  view: TPrefectureDashboard | TZoneDashboard | TNationalDashboard,
  table: Pick<TSummaryTable, "key" | "title">,
  format: TTableFormat,
  now: Date = new Date(),
): TFileName {
  const base = { what: table.title, whatAscii: `summary-${table.key}`, date: toDateInputJst(now), format };
  if (view.level === "national") {
    return exportFileName({
      ...base,
      cycle: null,
      scope: { name: `全国_${view.fiscalYear}年度`, ascii: `national-FY${view.fiscalYear}` },
    });
  }
  const cycle = { title: view.cycle.title, fiscalYear: view.cycle.fiscalYear };
  const prefecture = { name: view.cycle.prefectureName, ascii: `pref${view.cycle.prefectureCode}` };
  const scope =
    view.level === "zone"
      ? { name: `${view.cycle.prefectureName}_${view.zone.name}`, ascii: `${prefecture.ascii}-zone` }
      : prefecture;
  return exportFileName({ ...base, cycle, scope });
}
