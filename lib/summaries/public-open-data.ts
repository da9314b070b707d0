// The open-data files of a published cycle (公表データ): the columns of each table, their Japanese
// headers and descriptions, and the one function that turns a published row into a record. The
// CSV (UTF-8 and Shift_JIS), the JSON and the schema page all come from these specs, so the three
// cannot disagree (docs/decisions/0017-publication.md). Pure.
import { COUNT_TAGS } from "@/lib/aggregation/clinic-tags";
import type { TPublicDetail, TPublicFunctionKey } from "@/lib/aggregation/public-row";
import { COUNCIL_BODY_LABELS, COUNCIL_MEASURE_STATUS_LABELS, type TCouncilBody } from "@/lib/domain/council";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { measureRows, meetingParts, type TCouncilRecordSource, type TMeasureRow } from "./council-record";
import { MODE_SHORT, PUBLIC_FUNCTION_ORDER, PUBLIC_FUNCTION_TEXTS, type TPublicCounts } from "./public";

export type TOpenDataValue = string | number | boolean | null;
export type TOpenDataColumn<R> = {
  key: string;
  header: string;
  type: "string" | "integer" | "number" | "boolean" | "date" | "list";
  description: string;
  value: (row: R) => TOpenDataValue;
};

export type TPublishedRecordInput = {
  code: string;
  name: string;
  kind: "HOSPITAL" | "CLINIC";
  municipalityCode: string;
  municipalityName: string;
  zoneCode: string | null;
  zoneName: string | null;
  address: string | null;
  revision: number;
  confirmedAt: Date | null;
  areas: string[];
  diseases: string[];
  detail: TPublicDetail;
} & Record<TPublicFunctionKey, boolean>;

/** Lists inside one CSV cell are joined with this (never a comma, so cells stay unquoted). */
export const LIST_SEPARATOR = "|";

const isoDate = (d: Date | null) => (d ? new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10) : null);

const functionColumns = (key: TPublicFunctionKey): TOpenDataColumn<TPublishedRecordInput>[] => [
  {
    key: `${key}`,
    header: `${PUBLIC_FUNCTION_TEXTS[key].officialName} 有無`,
    type: "boolean",
    description: `${PUBLIC_FUNCTION_TEXTS[key].officialName}の確認結果（true: 有り、false: 無し）`,
    value: (r) => r[key],
  },
  {
    key: `${key}Mode`,
    header: `${PUBLIC_FUNCTION_TEXTS[key].shortName} 確保の方法`,
    type: "string",
    description: "有りのとき、報告された確保の方法（自院／連携／自院及び連携）。報告に無いときは空",
    value: (r) => {
      const mode = r.detail.functions[key]?.mode;
      return mode ? MODE_SHORT[mode] : null;
    },
  },
  {
    key: `${key}Intent`,
    header: `${PUBLIC_FUNCTION_TEXTS[key].shortName} 意向有り`,
    type: "boolean",
    description: "無しのうち「無し(意向有り)」と報告されたもの（true）",
    value: (r) => r.detail.functions[key]?.intent ?? false,
  },
];

export const INSTITUTION_COLUMNS: readonly TOpenDataColumn<TPublishedRecordInput>[] = [
  { key: "code", header: "医療機関コード", type: "string", description: "10桁の医療機関コード", value: (r) => r.code },
  { key: "name", header: "医療機関名", type: "string", description: "名称", value: (r) => r.name },
  {
    key: "kind",
    header: "種別",
    type: "string",
    description: "病院 または 診療所",
    value: (r) => (r.kind === "HOSPITAL" ? "病院" : "診療所"),
  },
  {
    key: "municipalityCode",
    header: "市区町村コード",
    type: "string",
    description: "6桁の全国地方公共団体コード",
    value: (r) => r.municipalityCode,
  },
  { key: "municipalityName", header: "市区町村名", type: "string", description: "", value: (r) => r.municipalityName },
  {
    key: "zoneCode",
    header: "圏域コード",
    type: "string",
    description: "公表時点の既定の圏域区分（通常は二次医療圏）のコード",
    value: (r) => r.zoneCode,
  },
  { key: "zoneName", header: "圏域名", type: "string", description: "", value: (r) => r.zoneName },
  { key: "address", header: "所在地", type: "string", description: "名簿の所在地", value: (r) => r.address },
  {
    key: "revision",
    header: "報告の版",
    type: "integer",
    description: "公表した報告の版（1 = 初回、2以降 = 変更報告を含む）",
    value: (r) => r.revision,
  },
  {
    key: "confirmedOn",
    header: "確認日",
    type: "date",
    description: "都道府県が報告を確認した日（日本時間、YYYY-MM-DD）",
    value: (r) => isoDate(r.confirmedAt),
  },
  ...PUBLIC_FUNCTION_ORDER.flatMap(functionColumns),
  {
    key: "areas",
    header: "一次診療を行う領域（コード）",
    type: "list",
    description: `1号6 の17領域のマニュアルのコード（${LIST_SEPARATOR} 区切り）`,
    value: (r) => r.areas.join(LIST_SEPARATOR),
  },
  {
    key: "areaLabels",
    header: "一次診療を行う領域",
    type: "list",
    description: `17領域の名称（${LIST_SEPARATOR} 区切り）`,
    value: (r) => r.detail.areaLabels.join(LIST_SEPARATOR),
  },
  {
    key: "diseases",
    header: "一次診療を行うことができる疾患",
    type: "list",
    description: `報告された疾患名（${LIST_SEPARATOR} 区切り）。その年度の調査票に項目が無いときは空`,
    value: (r) => r.diseases.join(LIST_SEPARATOR),
  },
  ...COUNT_TAGS.map((t): TOpenDataColumn<TPublishedRecordInput> => ({
    key: `count_${t.tag}`,
    header: `${t.label}（算定回数）`,
    type: "integer",
    description: `報告された${t.label}の年間の算定回数。未回答・対象外は空`,
    value: (r) => r.detail.counts[t.tag] ?? null,
  })),
];

export type TCountRecordInput = { code: string; name: string } & TPublicCounts;

const countColumns = (what: string): TOpenDataColumn<TCountRecordInput>[] => [
  { key: "code", header: `${what}コード`, type: "string", description: "", value: (r) => r.code },
  { key: "name", header: `${what}名`, type: "string", description: "", value: (r) => r.name },
  {
    key: "institutions",
    header: "公表医療機関数",
    type: "integer",
    description: "確認済みの報告を公表した医療機関の数",
    value: (r) => r.institutions,
  },
  ...PUBLIC_FUNCTION_ORDER.map((key): TOpenDataColumn<TCountRecordInput> => ({
    key,
    header: `${PUBLIC_FUNCTION_TEXTS[key].shortName} 有り`,
    type: "integer",
    description: `${PUBLIC_FUNCTION_TEXTS[key].officialName}が有りの医療機関数`,
    value: (r) => r[key],
  })),
];

// ---- council results (協議の場の協議の結果, ADR 0018) -------------------------------------------
// One row per 対応策 of a published record, in the order of the guideline's 協議の結果公表シート
// (p.26) that the public page follows: the zone and 年度 with its 公表日, ① the meetings, ② 目指す姿,
// ③ the 課題 with its indicators, ④ causes by 行政・医療・介護, ⑤ the 対応策 with 担当, period,
// indicator, frozen baseline, target and status. A 課題 without measures gets a row of its own, a
// measure without a 課題 one with empty ③④, a record with neither one row. The per-zone CSV beside
// the public page prints the same columns (one source). Notes (備考) are not published.

type TCouncilIssueSource = TCouncilRecordSource["issues"][number];
type TCouncilMeasureSource = TCouncilRecordSource["measures"][number];

export type TCouncilTableRow = {
  record: TCouncilRecordSource;
  issue: TCouncilIssueSource | null;
  measure: TCouncilMeasureSource | null;
  /** The measure as words (lib/summaries/council-record.ts measureRows), when there is a measure. */
  words: TMeasureRow | null;
};

/** The rows of one record (or of several: records in the order given). */
export function councilTableRows(records: readonly TCouncilRecordSource[]): TCouncilTableRow[] {
  return records.flatMap((record) => {
    const words = new Map(measureRows(record).map((r) => [r.id, r]));
    const row = (issue: TCouncilIssueSource | null, measure: TCouncilMeasureSource | null): TCouncilTableRow => ({
      record,
      issue,
      measure,
      words: measure ? (words.get(measure.id) ?? null) : null,
    });
    const rows: TCouncilTableRow[] = [];
    for (const issue of record.issues) {
      const own = record.measures.filter((m) => m.issueId === issue.id);
      if (own.length === 0) rows.push(row(issue, null));
      for (const m of own) rows.push(row(issue, m));
    }
    for (const m of record.measures)
      if (!m.issueId || !record.issues.some((i) => i.id === m.issueId)) rows.push(row(null, m));
    if (rows.length === 0) rows.push(row(null, null));
    return rows;
  });
}

/**
 * One meeting in one cell: the page's wording without its "—" placeholders (what was not recorded
 * is left out), since "—" has no Shift_JIS (CP932) code and would turn into "?" there.
 */
const meetingCell = (m: TCouncilRecordSource["meetings"][number]) => {
  const p = meetingParts(m);
  return [p.date, p.attendees && `出席: ${p.attendees}`, p.agenda && `議題: ${p.agenda}`].filter(Boolean).join("　");
};

/** A share as the percent the pages print (42.1), a per-10,000 rate with one decimal. */
const shownValue = (value: number | null | undefined, unit: "share" | "per10k"): number | null =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : Number((unit === "share" ? value * 100 : value).toFixed(1));

/** The unit the target is in: measureRows' rule (indicator, else baseline, else share). */
const measureUnit = (m: TCouncilMeasureSource) => m.indicator?.unit ?? m.baseline?.unit ?? "share";

export const COUNCIL_COLUMNS: readonly TOpenDataColumn<TCouncilTableRow>[] = [
  {
    key: "zoneCode",
    header: "圏域コード",
    type: "string",
    description: "協議の場を置く圏域のコード",
    value: (r) => r.record.zone.code,
  },
  { key: "zoneName", header: "圏域名", type: "string", description: "", value: (r) => r.record.zone.name },
  {
    key: "zoneScheme",
    header: "圏域区分",
    type: "string",
    description: "圏域の区分（二次医療圏など）",
    value: (r) => r.record.zone.schemeName,
  },
  {
    key: "fiscalYear",
    header: "年度",
    type: "integer",
    description: "協議を行った年度（西暦の開始年、例: 2024 = 令和6年度）",
    value: (r) => r.record.fiscalYear,
  },
  {
    key: "fiscalYearName",
    header: "年度（和暦）",
    type: "string",
    description: "例: 令和6年度",
    value: (r) => fiscalYearLabel(r.record.fiscalYear),
  },
  {
    key: "publishedOn",
    header: "公表日",
    type: "date",
    description: "協議の結果を公表した日（日本時間、YYYY-MM-DD）",
    value: (r) => isoDate(r.record.publishedAt ? new Date(r.record.publishedAt) : null),
  },
  {
    key: "meetingDates",
    header: "① 開催日",
    type: "list",
    description: `協議の場を開いた日（YYYY-MM-DD、${LIST_SEPARATOR} 区切り）`,
    value: (r) => r.record.meetings.map((m) => m.date).join(LIST_SEPARATOR),
  },
  {
    key: "meetings",
    header: "① 協議の場の開催状況",
    type: "list",
    description: `開催ごとの日付・出席者（機関の区分と人数）・議題（${LIST_SEPARATOR} 区切り）`,
    value: (r) => r.record.meetings.map(meetingCell).join(LIST_SEPARATOR),
  },
  { key: "vision", header: "② 目指す姿", type: "string", description: "", value: (r) => r.record.vision },
  {
    key: "issue",
    header: "③ 課題",
    type: "string",
    description: "合意した課題。対応策に課題が無いときは空",
    value: (r) => r.issue?.title ?? null,
  },
  {
    key: "issueIndicators",
    header: "③ 課題の根拠とした指標",
    type: "list",
    description: `課題の根拠とした指標の名称（${LIST_SEPARATOR} 区切り）`,
    value: (r) => (r.issue ? r.issue.indicatorLabels.join(LIST_SEPARATOR) : null),
  },
  {
    key: "causeGovernment",
    header: "④ 原因（行政）",
    type: "string",
    description: "行政の立場から見た課題の原因",
    value: (r) => r.issue?.causeGovernment ?? null,
  },
  {
    key: "causeMedical",
    header: "④ 原因（医療）",
    type: "string",
    description: "医療の立場から見た課題の原因",
    value: (r) => r.issue?.causeMedical ?? null,
  },
  {
    key: "causeCare",
    header: "④ 原因（介護）",
    type: "string",
    description: "介護の立場から見た課題の原因",
    value: (r) => r.issue?.causeCare ?? null,
  },
  {
    key: "measure",
    header: "⑤ 対応策",
    type: "string",
    description: "決めた対応策。課題だけの行では空",
    value: (r) => r.measure?.title ?? null,
  },
  {
    key: "ownerBody",
    header: "⑤ 担当（区分）",
    type: "string",
    description: "対応策を担う機関の区分（市町村、郡市医師会、病院、在宅医療連携拠点 など）",
    value: (r) =>
      r.measure ? (COUNCIL_BODY_LABELS[r.measure.ownerBody as TCouncilBody] ?? r.measure.ownerBody) : null,
  },
  {
    key: "ownerName",
    header: "⑤ 担当（名称）",
    type: "string",
    description: "担当する機関の名称（記録されたとき）",
    value: (r) => r.measure?.ownerName || null,
  },
  {
    key: "startMonth",
    header: "⑤ 開始",
    type: "string",
    description: "開始の年月（YYYY-MM）",
    value: (r) => r.measure?.startMonth ?? null,
  },
  {
    key: "deadlineMonth",
    header: "⑤ 期限",
    type: "string",
    description: "期限の年月（YYYY-MM）",
    value: (r) => r.measure?.deadlineMonth ?? null,
  },
  {
    key: "indicatorKey",
    header: "⑤ 確認する指標（キー）",
    type: "string",
    description: "効果を確かめる指標の Renkei のキー",
    value: (r) => r.measure?.indicatorKey ?? null,
  },
  {
    key: "indicator",
    header: "⑤ 確認する指標",
    type: "string",
    description: "効果を確かめる指標の名称",
    value: (r) => r.words?.indicator ?? null,
  },
  {
    key: "baseline",
    header: "⑤ 基準値（決定時）",
    type: "string",
    description:
      "対応策を決めた時点の圏域の値と、その根拠の件数・年度（その後のデータ更新で変わりません）。値が無いときは空",
    value: (r) => (r.measure?.baseline ? (r.words?.baseline ?? null) : null),
  },
  {
    key: "baselineValue",
    header: "⑤ 基準値（数値）",
    type: "number",
    description: "基準値の数値（割合の指標は百分率、人口当たりの指標はその値、小数1桁）",
    value: (r) => (r.measure?.baseline ? shownValue(r.measure.baseline.value, r.measure.baseline.unit) : null),
  },
  {
    key: "target",
    header: "⑤ 目標",
    type: "string",
    description: "目標値",
    value: (r) => (r.measure && r.measure.targetValue !== null ? (r.words?.target ?? null) : null),
  },
  {
    key: "targetValue",
    header: "⑤ 目標（数値）",
    type: "number",
    description: "目標値の数値（基準値（数値）と同じ単位）",
    value: (r) => {
      return r.measure ? shownValue(r.measure.targetValue, measureUnit(r.measure)) : null;
    },
  },
  {
    key: "status",
    header: "⑤ 状況",
    type: "string",
    description: "未着手／実施中／完了／保留・中止",
    value: (r) => (r.measure ? COUNCIL_MEASURE_STATUS_LABELS[r.measure.status] : null),
  },
];

export const OPEN_DATA_TABLES = {
  institutions: { title: "医療機関別の公表内容", columns: INSTITUTION_COLUMNS },
  municipalities: { title: "市区町村別の集計", columns: countColumns("市区町村") },
  zones: { title: "圏域別の集計", columns: countColumns("圏域") },
  councils: { title: "協議の場の協議の結果（公表分）", columns: COUNCIL_COLUMNS },
} as const;
export type TOpenDataTable = keyof typeof OPEN_DATA_TABLES;
export const OPEN_DATA_TABLE_KEYS = Object.keys(OPEN_DATA_TABLES) as TOpenDataTable[];

/** Records as JSON carries them (typed values); CSV cells are these values as text. */
export function toRecords<R>(
  columns: readonly TOpenDataColumn<R>[],
  rows: readonly R[],
): Record<string, TOpenDataValue>[] {
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, c.value(row)])));
}

/** The CSV cell of a value: booleans as true/false, null as empty. */
export const csvCell = (value: TOpenDataValue): string =>
  value === null ? "" : typeof value === "boolean" ? (value ? "true" : "false") : String(value);

export function toCsvTable<R>(columns: readonly TOpenDataColumn<R>[], rows: readonly R[]) {
  return {
    header: columns.map((c) => c.header),
    rows: rows.map((row) => columns.map((c) => csvCell(c.value(row)))),
  };
}

/** File names: stable, per prefecture and fiscal year (the URL carries both). */
export const OPEN_DATA_FILES = OPEN_DATA_TABLE_KEYS.flatMap((table) => [
  { file: `${table}.csv`, table, format: "csv" as const, label: "CSV（UTF-8）" },
  { file: `${table}-sjis.csv`, table, format: "csv-sjis" as const, label: "CSV（Shift_JIS）" },
  { file: `${table}.json`, table, format: "json" as const, label: "JSON" },
]);
