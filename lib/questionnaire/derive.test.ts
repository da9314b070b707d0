import { describe, expect, it } from "vitest";
import { combineModes, deriveStatus, itemOutcome } from "./derive";
import { FUNCTION1_MET, miniClinicDefinition } from "@/tests/factories/questionnaire";
import type { TAnswers } from "./answers";

const def = miniClinicDefinition();
const status = (answers: TAnswers) => deriveStatus(def, answers).functions;

describe("1号機能: 有り only when every ★ item holds", () => {
  it.each<[string, TAnswers, boolean, string[]]>([
    ["all three ★ met", { ...FUNCTION1_MET }, true, []],
    ["no answers", {}, false, ["f1_notice", "f1_areas", "f1_consult"]],
    ["院内掲示 missing", { ...FUNCTION1_MET, f1_notice: false }, false, ["f1_notice"]],
    ["only 該当無し as area", { ...FUNCTION1_MET, f1_areas: ["0"] }, false, ["f1_areas"]],
    ["one area is enough", { ...FUNCTION1_MET, f1_areas: ["9"] }, true, []],
    ["相談 not possible", { ...FUNCTION1_MET, f1_consult: false }, false, ["f1_consult"]],
    ["training/specialist is not a requirement", { ...FUNCTION1_MET, f1_gp: false }, true, []],
  ])("%s", (_name, answers, has, unmet) => {
    const f1 = status(answers).f1!;
    expect(f1.has).toBe(has);
    expect(f1.unmetStarred).toEqual(unmet);
  });
});

describe("2号機能: any item 実施/実績 makes it 有り, but only with 1号", () => {
  it.each<[string, TAnswers, { i: boolean; ro: boolean }]>([
    ["rota 有り with 1号", { ...FUNCTION1_MET, i_rota: "2" }, { i: true, ro: false }],
    ["rota 無し(意向有り) is not 有り", { ...FUNCTION1_MET, i_rota: "1" }, { i: false, ro: false }],
    ["a count above zero is 実績", { ...FUNCTION1_MET, i_rota: "0", i_overtime: 3 }, { i: true, ro: false }],
    ["a count of zero is not", { ...FUNCTION1_MET, i_rota: "0", i_overtime: 0 }, { i: false, ro: false }],
    ["特記事項 alone never makes 有り", { ...FUNCTION1_MET, i_note: "夜間も対応" }, { i: false, ro: false }],
    ["beds 有り(連携)", { ...FUNCTION1_MET, ro_beds: "5" }, { i: false, ro: true }],
    ["2号 answers without 1号 do not count", { i_rota: "3", ro_beds: "4" }, { i: false, ro: false }],
  ])("%s", (_name, answers, expected) => {
    const s = status(answers);
    expect({ i: s.f2i!.has, ro: s.f2ro!.has }).toEqual(expected);
  });
});

describe("意向有り flags", () => {
  it("is set when the function is not 有り and an answer says 意向有り", () => {
    expect(status({ ...FUNCTION1_MET, i_rota: "1" }).f2i!.intent).toBe(true);
  });
  it("is not set when the function is 有り through another item", () => {
    expect(status({ ...FUNCTION1_MET, i_rota: "1", i_overtime: 5 }).f2i!.intent).toBe(false);
  });
  it("is not set for hidden 2号 items (no 1号)", () => {
    expect(status({ i_rota: "1" }).f2i!.intent).toBe(false);
  });
});

describe("自院 / 連携 / 自院及び連携", () => {
  it.each<[string, string | null]>([
    ["4", "self"],
    ["5", "partner"],
    ["6", "both"],
    ["0", null],
  ])("後方支援病床 code %s → %s", (code, mode) => {
    expect(status({ ...FUNCTION1_MET, ro_beds: code }).f2ro!.mode).toBe(mode);
  });

  it("combines modes of several met items", () => {
    expect(combineModes(["self", "partner"])).toBe("both");
    expect(combineModes(["self", "self"])).toBe("self");
    expect(combineModes([])).toBeNull();
  });
});

describe("blockedByRequirement tells the form why 2号 is not 有り", () => {
  it("stays false when the 2号 items are hidden", () => {
    expect(status({ f1_notice: false, i_rota: "3" }).f2i!.blockedByRequirement).toBe(false);
  });
});

describe("itemOutcome", () => {
  const [, areas] = def.sections[0]!.items;
  it("treats unknown codes as not met", () => {
    expect(itemOutcome(areas!, ["99"]).met).toBe(false);
  });
  it("treats a non-array answer to a multiple choice as not met", () => {
    expect(itemOutcome(areas!, "1").met).toBe(false);
  });
});
