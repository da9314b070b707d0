import { describe, expect, it } from "vitest";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { MINI_F1, MINI_V1, miniReport } from "@/tests/fixtures/aggregation/mini-definitions";
import { intentPools, isInIntentPool, isInItemIntentPool } from "./pools";

const revisionOf = (answers: TAnswers, definition = undefined as typeof MINI_V1 | undefined) =>
  miniReport(answers, { definition }).revision!;

describe("意向有り pools", () => {
  it.each<[string, TAnswers, string[]]>([
    ["意向有り for (ハ) only", { ...MINI_F1, ha_system: "p1" }, ["f2ha"]],
    ["意向有り on one (イ) item but 有り on another: not in the pool", { ...MINI_F1, i_rota: "1", i_system: "p2" }, []],
    ["意向有り on two functions", { ...MINI_F1, i_rota: "1", ha_system: "p1" }, ["f2i", "f2ha"]],
    [
      "no 1号: the 2号 answers are hidden, so no pool",
      { f1_notice: false, f1_areas: ["1"], f1_consult: true, ha_system: "p1" },
      [],
    ],
    ["nothing answered", {}, []],
  ])("%s", (_name, answers, pools) => {
    const { derived } = revisionOf(answers);
    expect(intentPools(derived)).toEqual(pools);
    for (const key of ["f1", "f2i", "f2ha"]) expect(isInIntentPool(derived, key)).toBe(pools.includes(key));
    expect(isInIntentPool(derived, "f2ro")).toBe(false); // a function the version does not have
  });

  it("per item, by tag, in the report's own version; hidden answers do not count", () => {
    expect(isInItemIntentPool(revisionOf({ ...MINI_F1, i_rota: "1", i_system: "p2" }), "onCallRota")).toBe(true);
    expect(isInItemIntentPool(revisionOf({ ...MINI_F1, i_rota: "2" }), "onCallRota")).toBe(false);
    expect(isInItemIntentPool(revisionOf({ ...MINI_F1, i_rota_old: "1" }, MINI_V1), "onCallRota")).toBe(true);
    expect(
      isInItemIntentPool(
        revisionOf({ f1_notice: false, f1_areas: ["1"], f1_consult: true, i_rota: "1" }),
        "onCallRota",
      ),
    ).toBe(false);
    expect(isInItemIntentPool(revisionOf({ ...MINI_F1, f1_training: false }), "trainingCompleted")).toBe(false); // yes/no has no 意向
    expect(isInItemIntentPool(revisionOf(MINI_F1), "noSuchTag")).toBe(false);
  });
});
