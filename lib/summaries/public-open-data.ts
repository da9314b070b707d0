// The open-data files of a published cycle (公表データ): the columns of each table, their Japanese
// headers and descriptions, and the one function that turns a published row into a record. The
// CSV (UTF-8 and Shift_JIS), the JSON and the schema page all come from these specs, so the three
// cannot disagree (docs/decisions/0017-publication.md). Pure.
import { COUNT_TAGS } from "@/lib/aggregation/clinic-tags";
import type { TPublicDetail, TPublicFunctionKey } from "@/lib/aggregation/public-row";
import { MODE_SHORT, PUBLIC_FUNCTION_ORDER, PUBLIC_FUNCTION_TEXTS, type TPublicCounts } from "./public";

export type TOpenDataValue = string | number | boolean | null;
export type TOpenDataColumn<R> = {
  key: string;
  header: string;
  type: "string" | "integer" | "boolean" | "date" | "list";
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

export const OPEN_DATA_TABLES = {
  institutions: { title: "医療機関別の公表内容", columns: INSTITUTION_COLUMNS },
  municipalities: { title: "市区町村別の集計", columns: countColumns("市区町村") },
  zones: { title: "圏域別の集計", columns: countColumns("圏域") },
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
