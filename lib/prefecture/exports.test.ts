import { describe, expect, it } from "vitest";
import { buildDefinition, FUNCTION1_MET, miniClinicDefinition } from "@/tests/factories/questionnaire";
import { validatePaperTable } from "@/lib/import/paper";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { buildInstitutionCode } from "@/lib/domain/codes";

const CODE_A = buildInstitutionCode("18", "000001");
const CODE_B = buildInstitutionCode("18", "000002");
const PARTNER = buildInstitutionCode("18", "010001");
import { cellPlainText, dateTimeCell } from "@/lib/export/cells";
import {
  answerCodeTable,
  functionStatusLabel,
  notSubmittedTable,
  readBackExport,
  submissionsExportTable,
  type TExportRespondent,
} from "./exports";

const def = miniClinicDefinition();
const answers = {
  ...FUNCTION1_MET,
  f1_areas: ["1", "9"],
  i_rota: "2",
  i_overtime: 1234,
  i_note: "=SUM(A1)",
  ro_beds: "5",
  ro_partners: [{ code: PARTNER, name: "連携病院" }],
};
const submitted: TExportRespondent = {
  code: CODE_A,
  name: "鯖江クリニック",
  municipalityCode: "182079",
  municipalityName: "鯖江市",
  status: "SUBMITTED",
  revision: 2,
  channel: "WEB",
  submittedAt: new Date("2026-01-10T03:00:00Z"),
  answers,
  derived: computeStoredDerived(def, answers),
};
const notStarted: TExportRespondent = {
  ...submitted,
  code: CODE_B,
  name: "未着手医院",
  status: "NOT_STARTED",
  revision: 0,
  channel: null,
  submittedAt: null,
  answers: {},
  derived: null,
};

describe("submissions export", () => {
  const table = submissionsExportTable(def, [submitted, notStarted], "institution");
  const rows = [table.header, ...table.rows].map((cells, i) => ({
    line: i + 1,
    cells: cells.map(cellPlainText),
  }));

  it("has codes, name, municipality, every item as key:label, the derived status, status and revision", () => {
    expect(table.header.slice(0, 5)).toEqual([
      "医療機関コード",
      "医療機関名",
      "市区町村コード",
      "市区町村名",
      "f1_notice:院内掲示",
    ]);
    expect(table.header.slice(-7)).toEqual([
      "機能:1号機能",
      "機能:(イ) 時間外",
      "機能:(ロ) 入退院",
      "提出状況",
      "版",
      "提出方法",
      "提出日時",
    ]);
    expect(table.rows[0]!.slice(-7)).toEqual([
      "有り",
      "有り",
      "有り（連携）",
      "提出済",
      2,
      "Web",
      dateTimeCell(new Date("2026-01-10T03:00:00Z")),
    ]);
    // Formula-like answers are neutralised for spreadsheets.
    expect(table.rows[0]).toContain("'=SUM(A1)");
  });

  it("puts each coded answer's words beside its code, and numbers as numbers", () => {
    const at = (header: string) => table.rows[0]![table.header.indexOf(header)];
    expect(at("f1_areas:一次診療の対応ができる領域")).toBe("1;9");
    expect(at("f1_areas:一次診療の対応ができる領域（回答の内容）")).toBe("皮膚・形成外科領域、循環器系領域");
    expect(at("ro_beds:後方支援病床の確保")).toBe("5");
    expect(at("ro_beds:後方支援病床の確保（回答の内容）")).toBe("有り(連携による確保)");
    expect(at("i_overtime:時間外加算の算定回数")).toBe(1234);
    // A yes/no answer is a word already: no second column.
    expect(table.header).not.toContain("f1_notice:院内掲示（回答の内容）");
    // An unanswered coded item leaves both cells blank.
    expect(table.rows[1]![table.header.indexOf("ro_beds:後方支援病床の確保（回答の内容）")]).toBe("");
  });

  it("has a code sheet with every code of every coded item", () => {
    const codes = answerCodeTable(def);
    expect(codes.header).toEqual(["項目キー", "項目", "コード", "選択肢"]);
    expect(codes.rows).toContainEqual(["ro_beds", "後方支援病床の確保", "5", "有り(連携による確保)"]);
    expect(codes.rows.filter((r) => r[0] === "f1_areas")).toHaveLength(3);
  });

  it("reads back through the paper-report importer exactly (export → import is lossless)", () => {
    const prepared = readBackExport(rows);
    expect(prepared.emptyLines).toEqual([3]);
    const outcome = validatePaperTable({ rows: prepared.rows }, { prefectureCode: "18", definition: def });
    expect(outcome.errors.map((e) => e.message)).toEqual([]);
    expect(outcome.rows).toEqual([{ line: 2, institutionCode: CODE_A, answers }]);
  });

  it("labels function status as the manual does", () => {
    expect(
      functionStatusLabel({
        has: false,
        intent: true,
        mode: null,
        blockedByRequirement: false,
        unmetStarred: [],
        metItems: [],
      }),
    ).toBe("無し（意向有り）");
    expect(functionStatusLabel(null)).toBe("");
  });

  it("exports hub self-assessments by name and zone", () => {
    const hubDef = buildDefinition({
      kind: "HUB_SELF_ASSESSMENT",
      sections: [{ key: "d1", title: "d1", items: [{ key: "d1_meeting", type: "yesno", label: "連携会議の開催" }] }],
    });
    const hub = submissionsExportTable(
      hubDef,
      [{ ...notStarted, code: null, name: "丹南拠点", municipalityName: "丹南" }],
      "hub",
    );
    expect(hub.header.slice(0, 3)).toEqual(["拠点名", "圏域", "d1_meeting:連携会議の開催"]);
  });
});

describe("not-submitted list", () => {
  it("has what a reminder call needs", () => {
    const table = notSubmittedTable(
      [
        {
          code: "1810000027",
          name: "未着手医院",
          kindLabel: "診療所",
          municipalityName: "鯖江市",
          zoneName: null,
          phone: "0778-00-0000",
          contactEmail: "a@example.jp",
          status: "NOT_STARTED",
          lastSavedAt: null,
          reopenedUntil: null,
        },
      ],
      "institution",
    );
    expect(table.rows[0]).toEqual([
      "1810000027",
      "未着手医院",
      "診療所",
      "鯖江市",
      "0778-00-0000",
      "a@example.jp",
      "未着手",
      null,
      null,
    ]);
  });
});
