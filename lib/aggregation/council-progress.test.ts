import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ZQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { flatBandOf, freezeReading, indicatorAskedBy, judgeProgress, type TProgressInput } from "./council-progress";

const share = (value: number | null, base = 40) => ({ value, base });
const input = (over: Partial<TProgressInput>): TProgressInput => ({
  unit: "share",
  higherIsBetter: true,
  baseline: share(0.3),
  current: share(0.35),
  target: 0.4,
  indicatorAsked: true,
  ...over,
});

describe("judgeProgress", () => {
  // baseline → current → target, with the verdict the council reads.
  it.each([
    ["reaches the target upward", { current: share(0.4) }, "achieved"],
    ["passes the target upward", { current: share(0.45) }, "achieved"],
    ["moves towards the target", { current: share(0.35) }, "improved"],
    ["moves under 1 point", { current: share(0.305) }, "flat"],
    ["moves exactly 1 point (not flat)", { current: share(0.31) }, "improved"],
    ["does not move", { current: share(0.3) }, "flat"],
    ["moves away from the target", { current: share(0.25) }, "worsened"],
    ["aims downward and falls", { baseline: share(0.3), target: 0.2, current: share(0.25) }, "improved"],
    ["aims downward and rises", { baseline: share(0.3), target: 0.2, current: share(0.34) }, "worsened"],
    ["aims downward and reaches it", { baseline: share(0.3), target: 0.2, current: share(0.19) }, "achieved"],
    ["without a target follows the indicator's direction", { target: null, current: share(0.33) }, "improved"],
    ["without a target, lower is better", { target: null, higherIsBetter: false, current: share(0.33) }, "worsened"],
    ["has no baseline value", { baseline: share(null, 0) }, "noBaseline"],
    ["has no current value", { current: share(null, 0) }, "noCurrent"],
    ["is no longer asked", { indicatorAsked: false, current: share(0.5) }, "indicatorRemoved"],
  ] as const)("%s", (_name, over, verdict) => {
    expect(judgeProgress(input(over)).verdict).toBe(verdict);
  });

  it("reports the change and flags a small n", () => {
    const p = judgeProgress(input({ current: share(0.35, 6) }));
    expect(p.change).toBeCloseTo(0.05, 10);
    expect(p.smallN).toBe(true);
    expect(p.direction).toBe(1);
    expect(judgeProgress(input({})).smallN).toBe(false);
  });

  it("uses 5 % of the baseline as the flat band of a per-10,000 rate", () => {
    expect(flatBandOf("per10k", 20)).toBeCloseTo(1, 10);
    const per10k = (over: Partial<TProgressInput>) =>
      judgeProgress(input({ unit: "per10k", baseline: share(20), target: 30, ...over })).verdict;
    expect(per10k({ current: share(20.9) })).toBe("flat");
    expect(per10k({ current: share(21.5) })).toBe("improved");
    expect(per10k({ current: share(18) })).toBe("worsened");
    expect(per10k({ current: share(30) })).toBe("achieved");
  });
});

describe("indicatorAskedBy", () => {
  const definition = ZQuestionnaireDefinition.parse(
    JSON.parse(readFileSync("prisma/questionnaires/clinic-report-r7-v1.json", "utf8")),
  );
  it("knows the functions and tagged items of a definition", () => {
    expect(indicatorAskedBy("f2ha.has", definition)).toBe(true);
    expect(indicatorAskedBy("f2ha.per10k65", definition)).toBe(true);
    expect(indicatorAskedBy("backupBeds.has", definition)).toBe(true);
    expect(indicatorAskedBy("area.01", { ...definition, sections: [] })).toBe(false);
  });
  it("says no for a function or item the definition dropped, and for an unknown key", () => {
    expect(
      indicatorAskedBy("f2ha.has", { ...definition, functions: definition.functions.filter((f) => f.key !== "f2ha") }),
    ).toBe(false);
    expect(indicatorAskedBy("backupBeds.has", { ...definition, sections: [] })).toBe(false);
    expect(indicatorAskedBy("no.such.indicator", definition)).toBe(false);
  });
});

describe("freezeReading", () => {
  it("keeps the figures a share and a rate rest on", () => {
    expect(freezeReading({ unit: "share", count: 12, n: 40, value: 0.3, base: 40 }, 2024)).toEqual({
      unit: "share",
      count: 12,
      denominator: 40,
      base: 40,
      value: 0.3,
      fiscalYear: 2024,
    });
    expect(freezeReading({ unit: "per10k", count: 9, population: 30_000, value: 3, base: 50 }, 2025).denominator).toBe(
      30_000,
    );
  });
});
