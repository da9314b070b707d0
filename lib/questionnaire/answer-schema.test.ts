import { describe, expect, it } from "vitest";
import { validateAnswers } from "./answer-schema";
import { FUNCTION1_MET, buildDefinition, miniClinicDefinition, section } from "@/tests/factories/questionnaire";

const def = miniClinicDefinition();
const complete = { ...FUNCTION1_MET, i_rota: "0", ro_beds: "0" };

function errorsOf(answers: unknown, mode: "draft" | "submit"): Record<string, string[]> {
  const result = validateAnswers(def, answers, mode);
  return result.ok ? {} : { ...result.fieldErrors, ...(result.formErrors.length ? { _form: result.formErrors } : {}) };
}

describe("draft mode is lenient about completeness, strict about types", () => {
  it.each<[string, unknown]>([
    ["empty draft", {}],
    ["one answer", { f1_notice: true }],
    ["cleared fields as null", { f1_notice: null, f1_areas: null }],
    ["hidden items may keep answers while drafting", { f1_notice: false, i_rota: "2" }],
  ])("accepts %s", (_name, answers) => {
    expect(errorsOf(answers, "draft")).toEqual({});
  });

  it.each<[string, unknown, string, string]>([
    ["a code not in the item", { i_rota: "9" }, "i_rota", "選択肢にない値です。"],
    ["a number as a code", { i_rota: 2 }, "i_rota", "選択肢にない値です。"],
    ["text in a count", { i_overtime: "12" }, "i_overtime", "数値で入力してください。"],
    ["a fraction in a count", { i_overtime: 1.5 }, "i_overtime", "整数で入力してください。"],
    ["a negative count", { i_overtime: -1 }, "i_overtime", "0以上1,000,000,000以下で入力してください。"],
    ["two decimals where one is allowed", { f1_gp_fte: 1.25 }, "f1_gp_fte", "小数点以下1桁までで入力してください。"],
    ["oversize text", { i_note: "あ".repeat(21) }, "i_note", "20文字以内で入力してください。"],
    ["NUL in text", { i_note: "a\u0000b" }, "i_note", "使用できない文字（制御文字など）が含まれています。"],
    [
      "an unpaired surrogate in text",
      { i_note: "a\ud842" },
      "i_note",
      "使用できない文字（制御文字など）が含まれています。",
    ],
    [
      "a control character in a partner's name",
      { ro_partners: [{ name: "病院\u0001" }] },
      "ro_partners.0.name",
      "使用できない文字（制御文字など）が含まれています。",
    ],
    ["a string as yes/no", { f1_notice: "はい" }, "f1_notice", "「はい」か「いいえ」を選んでください。"],
    [
      "too many partners",
      { ro_partners: [{ name: "A" }, { name: "B" }, { name: "C" }] },
      "ro_partners",
      "連携医療機関は最大2件までです。",
    ],
    [
      "a partner without a name",
      { ro_partners: [{ name: " " }] },
      "ro_partners.0.name",
      "医療機関名を入力してください。",
    ],
    [
      "a malformed partner code",
      { ro_partners: [{ code: "123", name: "A" }] },
      "ro_partners.0.code",
      "医療機関コードが正しくありません。",
    ],
    [
      "the same partner twice",
      { ro_partners: [{ name: "A病院" }, { name: "A病院" }] },
      "ro_partners",
      "同じ医療機関が重複しています。",
    ],
  ])("rejects %s", (_name, answers, key, message) => {
    expect(errorsOf(answers, "draft")[key]).toEqual([message]);
  });

  it("counts 𠮷 as one character", () => {
    expect(errorsOf({ i_note: "𠮷".repeat(20) }, "draft")).toEqual({});
  });

  it("rejects unknown keys with their names", () => {
    expect(errorsOf({ hacked: 1, f1_notice: true }, "draft")._form).toEqual([
      "定義にない項目が含まれています（hacked）。",
    ]);
  });

  it.each([[null], [[]], ["answers"], [42]])("rejects a non-object answer set (%j)", (answers) => {
    expect(validateAnswers(def, answers, "draft").ok).toBe(false);
  });
});

describe("submit mode requires what is visible", () => {
  it("accepts a complete report", () => {
    expect(errorsOf(complete, "submit")).toEqual({});
  });

  it("reports every missing visible required item", () => {
    expect(Object.keys(errorsOf({}, "submit")).sort()).toEqual(["f1_areas", "f1_consult", "f1_notice"]);
  });

  it("requires 2号 items only when 1号 holds (sections visible)", () => {
    expect(errorsOf(FUNCTION1_MET, "submit")).toEqual({
      i_rota: ["この項目は必須です。"],
      ro_beds: ["この項目は必須です。"],
    });
    expect(errorsOf({ f1_notice: false, f1_areas: ["1"], f1_consult: true }, "submit")).toEqual({});
  });

  it("requires a conditional item only when its condition holds", () => {
    expect(errorsOf({ ...complete, f1_gp: true }, "submit")).toEqual({ f1_gp_fte: ["この項目は必須です。"] });
    expect(errorsOf({ ...complete, f1_gp: true, f1_gp_fte: 0.5 }, "submit")).toEqual({});
    expect(errorsOf({ ...complete, f1_gp: false }, "submit")).toEqual({});
  });

  it("refuses an exclusive choice combined with others", () => {
    expect(errorsOf({ ...complete, f1_areas: ["0", "1"] }, "submit")).toEqual({
      f1_areas: ["「該当無し」と他の選択肢は同時に選べません。"],
    });
  });
});

describe("repeating groups", () => {
  const groupDef = buildDefinition({
    kind: "HUB_SELF_ASSESSMENT",
    sections: [
      section("pdca", [
        {
          key: "plan",
          type: "group",
          label: "課題と対応策",
          rowLabel: "課題",
          minRows: 1,
          maxRows: 2,
          fields: [
            { key: "issue", type: "text", label: "課題", required: true, maxLength: 50 },
            { key: "target", type: "integer", label: "目標値" },
            { key: "due", type: "date", label: "期限" },
          ],
        },
      ]),
    ],
  });

  it.each<[string, unknown, "draft" | "submit", Record<string, string[]>]>([
    ["no rows in a draft", {}, "draft", {}],
    ["no rows at submit", {}, "submit", { plan: ["課題を1件以上入力してください。"] }],
    [
      "a row missing its required cell",
      { plan: [{ target: 3 }] },
      "submit",
      { "plan.0.issue": ["この項目は必須です。"] },
    ],
    ["a complete row", { plan: [{ issue: "24時間体制", target: 3, due: "2026-03-31" }] }, "submit", {}],
    [
      "too many rows",
      { plan: [{ issue: "a" }, { issue: "b" }, { issue: "c" }] },
      "draft",
      { plan: ["課題は2件までです。"] },
    ],
    [
      "an unknown column",
      { plan: [{ issue: "a", extra: 1 }] },
      "draft",
      { "plan.0": ["定義にない項目が含まれています（extra）。"] },
    ],
    [
      "a bad date",
      { plan: [{ issue: "a", due: "2026-13-45" }] },
      "draft",
      { "plan.0.due": ["日付を YYYY-MM-DD の形で入力してください。"] },
    ],
  ])("%s", (_name, answers, mode, expected) => {
    const result = validateAnswers(groupDef, answers, mode);
    expect(result.ok ? {} : result.fieldErrors).toEqual(expected);
  });
});
