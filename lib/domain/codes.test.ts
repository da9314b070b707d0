import { describe, expect, it } from "vitest";
import {
  buildInstitutionCode,
  luhnCheckDigit,
  municipalityCheckDigit,
  parseInstitutionCode,
  parseMunicipalityCode,
} from "./codes";

describe("全国地方公共団体コード", () => {
  it.each([
    ["13101", 6], // 千代田区 131016
    ["18201", 0], // 福井市 182010
    ["18207", 9], // 鯖江市 182079
    ["17201", 4], // 金沢市 172014
    ["01100", 2], // 札幌市 011002
  ])("check digit of %s is %i", (code5, check) => {
    expect(municipalityCheckDigit(code5)).toBe(check);
  });

  it.each<[string, string | null]>([
    ["182010", "182010"],
    ["18201", "182010"],
    ["１８２０１０", "182010"],
    ["182011", null], // wrong check digit
    ["482010", null], // no prefecture 48
    ["1820", null],
    ["abcdef", null],
  ])("%s → %s", (input, expected) => {
    const result = parseMunicipalityCode(input);
    expect(result.ok ? result.code : null).toBe(expected);
  });

  it("explains what is wrong in Japanese", () => {
    expect(parseMunicipalityCode("182011")).toEqual({
      ok: false,
      message: "市区町村コード「182011」の検査数字（6桁目）が正しくありません。",
    });
  });
});

describe("医療機関コード", () => {
  it("validates the published example with the Luhn check", () => {
    expect(parseInstitutionCode("0110113719")).toEqual({ ok: true, code: "0110113719" });
    expect(luhnCheckDigit("011011371")).toBe(9);
  });

  it.each<[string, string | undefined, RegExp | null]>([
    ["0110113719", undefined, null],
    ["0110113718", undefined, /検証番号/],
    ["0130113716", undefined, /歯科/],
    ["0140113714", undefined, /点数表番号/],
    ["0110113719", "18", /都道府県番号（01）が対象の都道府県（18）と一致しません/],
    ["123", undefined, /10桁/],
    ["4810113719", undefined, /01〜47/],
  ])("%s (prefecture %s)", (code, prefecture, error) => {
    const result = parseInstitutionCode(code, prefecture);
    if (error === null) expect(result.ok).toBe(true);
    else expect(result.ok ? "" : result.message).toMatch(error);
  });

  it("builds codes that validate", () => {
    for (const suffix of ["010001", "123456", "990099"]) {
      expect(parseInstitutionCode(buildInstitutionCode("18", suffix), "18").ok).toBe(true);
    }
  });
});
