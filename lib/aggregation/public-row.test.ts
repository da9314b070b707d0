import { describe, expect, it } from "vitest";
import { deriveStatus } from "@/lib/questionnaire/derive";
import { buildDefinition, FUNCTION1_MET, miniClinicDefinition, section } from "@/tests/factories/questionnaire";
import { foldForSearch, publicFacts, tallyPublicRows } from "./public-row";

const def = miniClinicDefinition();
const withReporter = buildDefinition({
  functions: def.functions,
  sections: [section("reporter", [{ key: "rep_phone", type: "text", label: "電話番号" }]), ...def.sections],
});

describe("publicFacts", () => {
  it("publishes functions, areas and choice answers; never the reporter, free text or partner names", () => {
    const answers = {
      ...FUNCTION1_MET,
      f1_areas: ["1", "9"],
      rep_phone: "090-1234-5678",
      i_rota: "2",
      i_note: "院長の携帯に連絡",
      ro_beds: "5",
      ro_partners: [{ name: "秘密病院" }],
      ro_count: 12,
    };
    const facts = publicFacts(withReporter, answers, deriveStatus(withReporter, answers));
    expect(facts.flags).toEqual({ f1: true, f2i: true, f2ro: true, f2ha: false, f2ni: false });
    expect(facts.detail.functions.f2ro).toEqual({ has: true, intent: false, mode: "partner" });
    expect(facts.areas).toEqual(["1", "9"]);
    expect(facts.detail.areaLabels).toEqual(["皮膚・形成外科領域", "循環器系領域"]);
    const text = JSON.stringify(facts);
    for (const secret of ["090-1234-5678", "院長の携帯", "秘密病院"]) expect(text).not.toContain(secret);
    expect(facts.detail.answers.map((a) => a.item)).toEqual(["f1_notice", "f1_consult", "i_rota", "ro_beds"]);
  });

  it("hidden answers (2号 without 1号) and 該当無し are not published; intent is kept", () => {
    const answers = { f1_notice: false, f1_areas: ["0"], f1_consult: true, i_rota: "1" };
    const facts = publicFacts(def, answers, deriveStatus(def, answers));
    expect(facts.flags.f1).toBe(false);
    expect(facts.flags.f2i).toBe(false);
    expect(facts.areas).toEqual([]);
    expect(facts.detail.answers.map((a) => a.item)).not.toContain("i_rota");
  });
});

describe("search folding and tallies", () => {
  it("folds full-width and spaces", () => {
    expect(foldForSearch("さくら 内科ＣＬＩＮＩＣ")).toBe("さくら内科clinic");
  });
  it("counts institutions and each function per group", () => {
    const row = (g: string, f1: boolean, f2ha: boolean) => ({ g, f1, f2i: false, f2ro: false, f2ha, f2ni: false });
    const tally = tallyPublicRows([row("a", true, true), row("a", true, false), row("b", false, false)], (r) => r.g);
    expect(tally.get("a")).toEqual({ institutions: 2, f1: 2, f2i: 0, f2ro: 0, f2ha: 1, f2ni: 0 });
    expect(tally.get("b")?.institutions).toBe(1);
  });
});
