import { describe, expect, it } from "vitest";
import { importPopulation, type TPopulationImportOptions } from "./population";
import { FUKUI, FUKUI_CODES, FUKUI_MUNICIPALITIES, csvFile } from "@/tests/fixtures/import/builders";

const HEADER = ["市区町村コード", "市区町村名", "総人口", "65歳以上人口", "75歳以上人口", "出典", "基準年"];
const options: TPopulationImportOptions = {
  prefectureCode: FUKUI,
  knownMunicipalityCodes: FUKUI_CODES,
  municipalityNames: FUKUI_MUNICIPALITIES,
};
const SOURCE = "住民基本台帳（令和7年1月1日）";
const ALL = [
  ["182010", "福井市", "257,000", "76,000", "41,000", SOURCE, "2025"],
  ["182028", "敦賀市", "63000", "19000", "10000", SOURCE, "2025"],
  ["182079", "鯖江市", "68000", "18000", "9000", SOURCE, "2025"],
  ["182095", "越前市", "80000", "24000", "12500", SOURCE, "2025"],
];
const population = (rows: string[][], header = HEADER) => importPopulation(csvFile([header, ...rows]), options);

describe("population", () => {
  it("reads figures with thousands separators and full-width digits", async () => {
    const result = await population([
      ["１８２０１０", "福井市", "２５７，０００人", "76,000", "41000", ` ${SOURCE} `, "２０２５年"],
      ...ALL.slice(1),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows[0]).toEqual({
      line: 2,
      municipalityCode: "182010",
      municipalityName: "福井市",
      total: 257000,
      aged65: 76000,
      aged75: 41000,
      source: SOURCE,
      year: 2025,
    });
  });

  it("accepts a file without the optional 市区町村名 column", async () => {
    const drop = (cells: string[]) => cells.filter((_, i) => i !== 1);
    const result = await population(ALL.map(drop), drop(HEADER));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.municipalityName).toBeNull();
  });

  it.each<[string, number, string, string, string]>([
    [
      "75+ above 65+",
      4,
      "50000",
      "75歳以上人口",
      "75歳以上人口（50,000）が65歳以上人口（24,000）を超えています。列が入れ替わっていないか確認してください。",
    ],
    [
      "65+ above the total",
      3,
      "90000",
      "65歳以上人口",
      "65歳以上人口（90,000）が総人口（80,000）を超えています。列が入れ替わっていないか確認してください。",
    ],
    ["a negative count", 2, "-1", "総人口", "「-1」は0以上の整数で入力してください（例: 1234 または 1,234）。"],
    ["a blank count", 2, "", "総人口", "総人口を入力してください。"],
    ["a wareki year", 6, "令和7年", "基準年", "基準年「令和7年」は西暦4桁で入力してください（例: 令和7年 → 2025）。"],
    ["a two-digit year", 6, "25", "基準年", "基準年「25」は西暦4桁で入力してください（例: 2025）。"],
    ["a blank source", 5, "", "出典", "出典を入力してください（例: 住民基本台帳（令和7年1月1日））。"],
    [
      "a name that does not match the code",
      1,
      "鯖江市",
      "市区町村名",
      "市区町村名「鯖江市」が、市区町村コード「182095」の「越前市」と一致しません。コードと名前のどちらが正しいか確認してください。",
    ],
  ])("refuses %s", async (_name, index, value, column, message) => {
    const rows = ALL.map((r) => [...r]);
    rows[3]![index] = value;
    const result = await population(rows);
    expect(result.errors).toEqual([{ line: 5, column, code: expect.any(String), message }]);
    expect(result.rows).toHaveLength(3);
  });

  it("reports only the later copy of a duplicated municipality, naming the line it repeats", async () => {
    const result = await population([...ALL, ["18201", "福井市", "1", "1", "1", SOURCE, "2025"]]);
    expect(result.errors.map((e) => [e.line, e.code, e.message])).toEqual([
      [
        6,
        "duplicate",
        "市区町村コード「182010」は2行目と重複しています。1つの市区町村は1行にしてください（この行は取り込みません）。",
      ],
    ]);
  });

  it.each<[string, string, string]>([
    ["another prefecture", "172014", "石川県のコードです"],
    ["an unknown code", "182044", "登録されている福井県の市区町村にありません"],
    ["a bad check digit", "182019", "検査数字（6桁目）が正しくありません"],
  ])("refuses a municipality code from %s", async (_name, code, message) => {
    const result = await population([[code, "", "1", "1", "1", SOURCE, "2025"]]);
    expect(result.errors).toMatchObject([{ line: 2, column: "市区町村コード" }]);
    expect(result.errors[0]?.message).toContain(message);
  });

  it("warns about missing municipalities and mixed years", async () => {
    const rows = ALL.slice(0, 3).map((r) => [...r]);
    rows[2]![6] = "2024";
    const result = await population(rows);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(["coverage", "unusual_value"]);
    expect(result.warnings[0]?.message).toContain("越前市（182095）");
  });
});
