import { describe, expect, it } from "vitest";
import { importZones, zoneSchemeKind, type TZoneImportOptions } from "./zones";
import { FUKUI, FUKUI_CODES, FUKUI_MUNICIPALITIES, csvFile } from "@/tests/fixtures/import/builders";

const HEADER = ["区分名", "圏域コード", "圏域名", "市区町村コード"];
const options: TZoneImportOptions = {
  prefectureCode: FUKUI,
  knownMunicipalityCodes: FUKUI_CODES,
  municipalityNames: FUKUI_MUNICIPALITIES,
};
const zones = (rows: string[][], header = HEADER) => importZones(csvFile([header, ...rows]), options);

const COMPLETE = [
  ["二次医療圏", "1801", "福井・坂井", "182010"],
  ["二次医療圏", "1802", "丹南", "182079"],
  ["二次医療圏", "1802", "丹南", "182095"],
  ["二次医療圏", "1803", "嶺南", "182028"],
  ["在宅医療の圏域", "H1", "福井", "１８２０１"],
  ["在宅医療の圏域", "H2", "嶺北南部・嶺南", "182079"],
  ["在宅医療の圏域", "H2", "嶺北南部・嶺南", "182095"],
  ["在宅医療の圏域", "H2", "嶺北南部・嶺南", "182028"],
];

describe("zones", () => {
  it("reads several schemes and groups them", async () => {
    const result = await zones(COMPLETE);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows[4]).toEqual({
      line: 6,
      schemeName: "在宅医療の圏域",
      schemeKind: "HOME_CARE_AREA",
      zoneCode: "H1",
      zoneName: "福井",
      municipalityCode: "182010",
    });
    expect(result.schemes).toEqual([
      {
        name: "二次医療圏",
        kind: "SECONDARY_MEDICAL_AREA",
        zones: [
          { code: "1801", name: "福井・坂井", municipalityCodes: ["182010"] },
          { code: "1802", name: "丹南", municipalityCodes: ["182079", "182095"] },
          { code: "1803", name: "嶺南", municipalityCodes: ["182028"] },
        ],
      },
      {
        name: "在宅医療の圏域",
        kind: "HOME_CARE_AREA",
        zones: [
          { code: "H1", name: "福井", municipalityCodes: ["182010"] },
          { code: "H2", name: "嶺北南部・嶺南", municipalityCodes: ["182079", "182095", "182028"] },
        ],
      },
    ]);
  });

  it.each([
    ["二次医療圏", "SECONDARY_MEDICAL_AREA"],
    ["２次医療圏", "SECONDARY_MEDICAL_AREA"],
    ["在宅医療圏", "HOME_CARE_AREA"],
    ["保健所管轄区域", "HEALTH_CENTER_AREA"],
    ["地域包括ケア圏域", "OTHER"],
  ])("knows the kind of %s", (name, kind) => {
    expect(zoneSchemeKind(name)).toBe(kind);
  });

  it("reports only the later copy of a municipality twice in one scheme, naming the line it repeats", async () => {
    const result = await zones([...COMPLETE.slice(0, 4), ["二次医療圏", "1803", "嶺南", "182010"]]);
    expect(result.errors.map((e) => [e.line, e.column, e.code, e.message])).toEqual([
      [
        6,
        "市区町村コード",
        "duplicate",
        "市区町村コード「182010」は「二次医療圏」の中で2行目と重複しています。1つの市区町村は1つの区分の中で1つの圏域にだけ入れてください（この行は取り込みません）。",
      ],
    ]);
  });

  it("refuses one zone code with two names", async () => {
    const result = await zones([...COMPLETE.slice(0, 2), ["二次医療圏", "1802", "丹南地域", "182095"], COMPLETE[3]!]);
    expect(result.errors).toEqual([
      {
        line: 4,
        column: "圏域名",
        code: "inconsistent",
        message:
          "「二次医療圏」の圏域コード「1802」の圏域名が、3行目では「丹南」、この行では「丹南地域」です。同じ圏域コードには同じ圏域名を入力してください。",
      },
    ]);
  });

  it("refuses one zone name with two codes", async () => {
    const result = await zones([...COMPLETE.slice(0, 2), ["二次医療圏", "1809", "丹南", "182095"], COMPLETE[3]!]);
    expect(result.errors).toMatchObject([{ line: 4, column: "圏域コード", code: "inconsistent" }]);
  });

  it("warns about municipalities a scheme leaves out", async () => {
    const result = await zones(COMPLETE.slice(0, 3));
    expect(result.ok).toBe(true);
    expect(result.warnings).toMatchObject([{ code: "coverage", message: expect.stringContaining("敦賀市（182028）") }]);
  });

  it("checks a 市区町村名 column against the known names", async () => {
    const result = await zones([["二次医療圏", "1801", "福井・坂井", "182010", "敦賀市"]], [...HEADER, "市区町村名"]);
    expect(result.errors).toMatchObject([{ line: 2, column: "市区町村名", code: "inconsistent" }]);
  });

  it.each<[string, string[], string, string]>([
    ["a bad municipality code", ["二次医療圏", "1801", "福井・坂井", "182011"], "市区町村コード", "検査数字"],
    ["a blank zone name", ["二次医療圏", "1801", "", "182010"], "圏域名", "圏域名を入力してください。"],
    ["a blank scheme", ["", "1801", "福井・坂井", "182010"], "区分名", "区分名（例: 二次医療圏）を入力してください。"],
  ])("refuses %s", async (_name, row, column, message) => {
    const result = await zones([row]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 2, column });
    expect(result.errors[0]?.message).toContain(message);
  });
});
