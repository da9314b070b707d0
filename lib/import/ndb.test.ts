import { describe, expect, it } from "vitest";
import { importNdb, type TNdbImportOptions } from "./ndb";
import { FUKUI, badCheckDigit, csvFile, dentalCode, inst } from "@/tests/fixtures/import/builders";
import { buildDefinition, section } from "@/tests/factories/questionnaire";

const definition = buildDefinition({
  sections: [
    section("s", [
      { key: "overtime", type: "integer", label: "時間外加算の算定回数", ndbPrefill: true },
      { key: "homevisit", type: "integer", label: "往診料の算定回数", ndbPrefill: true, max: 100 },
      { key: "beds", type: "integer", label: "病床数" },
    ]),
  ],
});
const HEADER = ["医療機関コード", "項目キー", "値"];
const options: TNdbImportOptions = { prefectureCode: FUKUI, definition };
const ndb = (rows: string[][], opts: TNdbImportOptions = options) => importNdb(csvFile([HEADER, ...rows]), opts);

describe("ndb", () => {
  it("reads one value per institution and item", async () => {
    const result = await ndb([
      [inst(1), "overtime", "1,234件"],
      [inst(1), "homevisit", "０"],
      [inst(2), " overtime ", "12"],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, institutionCode: inst(1), itemKey: "overtime", value: 1234 },
      { line: 3, institutionCode: inst(1), itemKey: "homevisit", value: 0 },
      { line: 4, institutionCode: inst(2), itemKey: "overtime", value: 12 },
    ]);
  });

  it.each<[string, string[], string, string, string]>([
    [
      "an unknown item",
      [inst(1), "nosuch", "1"],
      "項目キー",
      "unknown_reference",
      "項目キー「nosuch」はこの様式にありません。NDB プレプリントの項目キー: overtime、homevisit",
    ],
    [
      "an item that is not pre-filled",
      [inst(1), "beds", "1"],
      "項目キー",
      "invalid",
      "項目「病床数」（beds）は NDB プレプリントの項目ではないため、値を取り込めません。NDB プレプリントの項目キー: overtime、homevisit",
    ],
    [
      "a negative value",
      [inst(1), "overtime", "-1"],
      "値",
      "invalid",
      "「-1」は0以上の整数で入力してください（例: 1234 または 1,234）。",
    ],
    [
      "a decimal value",
      [inst(1), "overtime", "1.5"],
      "値",
      "invalid",
      "「1.5」は0以上の整数で入力してください（例: 1234 または 1,234）。",
    ],
    ["a blank value", [inst(1), "overtime", ""], "値", "required", "値を入力してください（0件の場合は 0）。"],
    [
      "a value over the item's maximum",
      [inst(1), "homevisit", "101"],
      "値",
      "invalid",
      "値 101 は項目「往診料の算定回数」の上限（100）を超えています。",
    ],
  ])("refuses %s", async (_name, row, column, code, message) => {
    expect((await ndb([row])).errors).toEqual([{ line: 2, column, code, message }]);
  });

  it.each<[string, string, string]>([
    ["a wrong check digit", badCheckDigit(inst(1)), "検証番号"],
    ["a dental code", dentalCode(1), "歯科"],
    ["another prefecture", inst(1, "17"), "都道府県番号（17）"],
  ])("refuses 医療機関コード with %s", async (_name, code, message) => {
    const result = await ndb([[code, "overtime", "1"]]);
    expect(result.errors).toMatchObject([
      { line: 2, column: "医療機関コード", code: "invalid", message: expect.stringContaining(message) },
    ]);
  });

  it("reports only the later copy of a duplicated (institution, item), naming the line it repeats", async () => {
    const result = await ndb([
      [inst(1), "overtime", "1"],
      [inst(2), "overtime", "1"],
      [inst(1), "overtime", "2"],
    ]);
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [
        4,
        `医療機関コード「${inst(1)}」の項目「overtime」の値は2行目と重複しています。1つにしてください（この行は取り込みません）。`,
      ],
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it("leaves out institutions not on the roster, with one warning", async () => {
    const result = await ndb(
      [
        [inst(1), "overtime", "1"],
        [inst(2), "overtime", "1"],
        [inst(3), "overtime", "1"],
      ],
      { ...options, knownInstitutionCodes: new Set([inst(1)]) },
    );
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => r.line)).toEqual([2]);
    expect(result.skippedUnknownInstitutions).toBe(2);
    expect(result.warnings).toMatchObject([
      { code: "skipped", message: expect.stringContaining("2件（3行目、4行目）") },
    ]);
  });
});
