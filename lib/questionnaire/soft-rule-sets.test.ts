// The shipped soft-rule sets: each fits its questionnaire version, and none changes silently —
// a published set is pinned by its SHA-256; a correction is a new file (docs/decisions/0019).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ZQuestionnaireDefinition } from "./definition";
import { ruleSetProblems } from "./soft-rules";
import { SHIPPED_SOFT_RULE_SETS, softRuleSetFor } from "./soft-rule-sets";

const file = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../prisma/questionnaires/${path}`, import.meta.url)));

/** Append a line when you ship a new set; never edit a line (make `rules-N+1` instead). */
const PUBLISHED: Record<string, string> = {
  "clinic-report-r7-v1.rules-1": "5ca8cbcf10bb987776624fca9d1a4e7b291e10a0d1a178dbb9fa7944f8fad94e",
  "clinic-report-r8-v1.rules-1": "f814c366ec4a2423b9638bb93b8f14e3b9b892be7598137ba47ab45ab24bf79a",
  "hub-self-assessment-r7-v1.rules-1": "ab7dcd5ce56c1d9a62fff1d75dd52fd79be4f881850fcfc0d7cae23d8fc558ad",
  "hub-self-assessment-r8-v1.rules-1": "f38fb0b790f9dec259b6b8a1c9aca855d261fd7130c877a9314e6c784bee1dae",
};

describe("shipped soft-rule sets", () => {
  it.each(SHIPPED_SOFT_RULE_SETS.map((set) => [set.ruleSetKey, set] as const))(
    "%s fits its definition",
    (_key, set) => {
      const def = ZQuestionnaireDefinition.parse(JSON.parse(file(`${set.definitionVersionKey}.json`).toString("utf8")));
      expect(ruleSetProblems(def, set)).toEqual([]);
      expect(set.rules.length).toBeGreaterThan(0);
    },
  );

  it.each(Object.entries(PUBLISHED))("%s has not changed since it was published", (key, sha256) => {
    const hash = createHash("sha256")
      .update(file(`soft-rules/${key}.json`))
      .digest("hex");
    expect(hash).toBe(sha256);
  });

  it("every shipped set is pinned, and each version finds its newest set", () => {
    expect(SHIPPED_SOFT_RULE_SETS.map((s) => s.ruleSetKey).sort()).toEqual(Object.keys(PUBLISHED).sort());
    expect(softRuleSetFor("clinic-report-r7-v1")?.ruleSetKey).toBe("clinic-report-r7-v1.rules-1");
    expect(softRuleSetFor("hub-self-assessment-r8-v1")?.ruleSetKey).toBe("hub-self-assessment-r8-v1.rules-1");
    expect(softRuleSetFor("clinic-report-r6-demo")).toBeNull();
  });

  it("finds a mismatch between a set and a definition", () => {
    const def = ZQuestionnaireDefinition.parse(JSON.parse(file("clinic-report-r7-v1.json").toString("utf8")));
    const hub = softRuleSetFor("hub-self-assessment-r7-v1")!;
    expect(ruleSetProblems(def, hub)[0]).toContain("用ではありません");
  });
});
