import { describe, expect, it } from "vitest";
import { diffAnswers } from "./diff";
import { formatAnswer, UNANSWERED } from "./format";
import { FUNCTION1_MET, miniClinicDefinition } from "@/tests/factories/questionnaire";

const def = miniClinicDefinition();

describe("diffAnswers", () => {
  it("lists changed items in definition order with readable values", () => {
    const before = { ...FUNCTION1_MET, i_rota: "0", ro_beds: "4" };
    const after = { ...FUNCTION1_MET, f1_areas: ["1", "9"], i_rota: "2", ro_beds: "4", i_overtime: 1234 };
    expect(diffAnswers(def, before, after)).toEqual([
      {
        sectionTitle: "セクション f1",
        key: "f1_areas",
        label: "一次診療の対応ができる領域",
        before: "皮膚・形成外科領域",
        after: "皮膚・形成外科領域、循環器系領域",
      },
      {
        sectionTitle: "セクション f2i",
        key: "i_rota",
        label: "在宅当番医制",
        before: "無し(意向無し)",
        after: "有り(月1回未満)",
      },
      {
        sectionTitle: "セクション f2i",
        key: "i_overtime",
        label: "時間外加算の算定回数",
        before: UNANSWERED,
        after: "1,234",
      },
    ]);
  });

  it("finds nothing between equal answer sets", () => {
    expect(diffAnswers(def, { ...FUNCTION1_MET }, { ...FUNCTION1_MET })).toEqual([]);
  });
});

describe("formatAnswer", () => {
  const items = Object.fromEntries(def.sections.flatMap((s) => s.items).map((i) => [i.key, i]));
  it.each<[string, unknown, string]>([
    ["f1_notice", true, "はい"],
    ["f1_notice", false, "いいえ"],
    ["f1_gp_fte", 1.5, "1.5"],
    ["ro_partners", [{ code: "1810100017", name: "A病院" }, { name: "B診療所" }], "A病院（1810100017）、B診療所"],
    ["i_rota", "99", "（不明なコード: 99）"],
    ["i_note", null, UNANSWERED],
  ])("%s %j → %s", (key, value, text) => {
    expect(formatAnswer(items[key]!, value as never)).toBe(text);
  });
});
