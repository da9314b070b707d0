// Table tests of the soft-rule evaluator (docs/decisions/0019-soft-rules.md): each rule kind,
// missing values, items hidden by visibility, institution filters, explanations — on the shipped
// 令和7年度 clinic definition and its rule set, so a change to either shows here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ZQuestionnaireDefinition, type TQuestionnaireDefinition } from "./definition";
import type { TAnswers } from "./answers";
import {
  evaluateSoftRules,
  keepExplanations,
  softWarningFlags,
  storedSoftWarnings,
  unexplainedRequired,
  ZSoftRuleSet,
  type TSoftRuleContext,
  type TSoftRuleSet,
} from "./soft-rules";
import { softRuleSetFor } from "./soft-rule-sets";

function load(name: string): TQuestionnaireDefinition {
  const path = fileURLToPath(new URL(`../../prisma/questionnaires/${name}.json`, import.meta.url));
  return ZQuestionnaireDefinition.parse(JSON.parse(readFileSync(path, "utf8")));
}

const def = load("clinic-report-r7-v1");
const rules = softRuleSetFor("clinic-report-r7-v1")!;
const F1: TAnswers = { f1_notice: true, f1_areas: ["1"], f1_consult: true };
const NO_VISITS: TAnswers = { ha_home_visit_count: 0, ha_urgent_visit_count: 0, ha_visiting_nurse_count: 0 };
const clinic0: TSoftRuleContext = { institution: { kind: "CLINIC", beds: 0 } };
const ids = (answers: TAnswers, context: TSoftRuleContext = clinic0) =>
  evaluateSoftRules(def, rules, answers, context).map((w) => w.ruleId);

describe("cross-item consistency", () => {
  it.each<[string, TAnswers, TSoftRuleContext, string[]]>([
    [
      "(ハ) 自院で有り, every visit count 0",
      { ...F1, ha_system: "p2", ...NO_VISITS },
      clinic0,
      ["ha-system-without-visits"],
    ],
    ["自院及び連携 (p4) too", { ...F1, ha_system: "p4", ...NO_VISITS }, clinic0, ["ha-system-without-visits"]],
    ["連携のみ (p3): the clinic need not visit", { ...F1, ha_system: "p3", ...NO_VISITS }, clinic0, []],
    ["one visit count above 0", { ...F1, ha_system: "p2", ...NO_VISITS, ha_urgent_visit_count: 3 }, clinic0, []],
    [
      "a visit count missing → no warning",
      { ...F1, ha_system: "p2", ha_home_visit_count: 0, ha_urgent_visit_count: 0 },
      clinic0,
      [],
    ],
    ["体制 無し", { ...F1, ha_system: "p0", ...NO_VISITS }, clinic0, []],
    ["hidden: no 1号 → (ハ) not shown, no warning", { ha_system: "p2", ...NO_VISITS }, clinic0, []],
    [
      "後方支援病床 自院 on a clinic with 0 beds",
      { ...F1, ro_backup_beds: "4" },
      clinic0,
      ["backup-beds-clinic-without-beds"],
    ],
    ["自院及び連携 (6) too", { ...F1, ro_backup_beds: "6" }, clinic0, ["backup-beds-clinic-without-beds"]],
    ["連携による確保 (5) is fine", { ...F1, ro_backup_beds: "5" }, clinic0, []],
    ["a clinic with 19 beds", { ...F1, ro_backup_beds: "4" }, { institution: { kind: "CLINIC", beds: 19 } }, []],
    ["beds unknown → no warning", { ...F1, ro_backup_beds: "4" }, { institution: { kind: "CLINIC", beds: null } }, []],
    ["a hospital", { ...F1, ro_backup_beds: "4" }, { institution: { kind: "HOSPITAL", beds: 0 } }, []],
    ["no institution (context unknown)", { ...F1, ro_backup_beds: "4" }, {}, []],
  ])("%s", (_name, answers, context, expected) => {
    expect(ids(answers, context)).toEqual(expected);
  });
});

describe("plausibility range per item and institution kind", () => {
  it.each<[string, TAnswers, TSoftRuleContext, string[]]>([
    ["clinic, 訪問診療 20,000 (bound included)", { ...F1, ha_home_visit_count: 20000 }, clinic0, []],
    ["clinic, 訪問診療 20,001", { ...F1, ha_home_visit_count: 20001 }, clinic0, ["home-visit-clinic-range"]],
    [
      "hospital, 訪問診療 20,001",
      { ...F1, ha_home_visit_count: 20001 },
      { institution: { kind: "HOSPITAL", beds: 200 } },
      [],
    ],
    [
      "hospital, 訪問診療 50,001",
      { ...F1, ha_home_visit_count: 50001 },
      { institution: { kind: "HOSPITAL", beds: 200 } },
      ["home-visit-hospital-range"],
    ],
    [
      "clinic, 専門医 5.5人",
      { ...F1, f1_gp_specialist: "1", f1_gp_specialist_fte: 5.5 },
      clinic0,
      ["gp-specialist-fte-clinic-range"],
    ],
    ["専門医数 hidden when 専門医 無し", { ...F1, f1_gp_specialist: "0", f1_gp_specialist_fte: 5.5 }, clinic0, []],
    ["value missing", { ...F1 }, clinic0, []],
  ])("%s", (_name, answers, context, expected) => {
    expect(ids(answers, context)).toEqual(expected);
  });

  it("fills the number into the message", () => {
    const [warning] = evaluateSoftRules(def, rules, { ...F1, ha_home_visit_count: 25000 }, clinic0);
    expect(warning?.message).toContain("25,000回");
    expect(warning).toMatchObject({ kind: "range", importance: "confirm", explanationRequired: false });
  });
});

describe("year over year against the institution's own last report", () => {
  const withPrevious = (previous: TAnswers | null): TSoftRuleContext => ({ ...clinic0, previous });
  it.each<[string, number | undefined, TAnswers | null, string[]]>([
    ["120 → 400 (×3.3, +280)", 400, { ha_home_visit_count: 120 }, ["home-visit-change"]],
    ["120 → 300 (×2.5)", 300, { ha_home_visit_count: 120 }, []],
    ["400 → 120 (÷3.3)", 120, { ha_home_visit_count: 400 }, ["home-visit-change"]],
    ["10 → 40 (×4 but only +30)", 40, { ha_home_visit_count: 10 }, []],
    ["0 → 150 (from nothing)", 150, { ha_home_visit_count: 0 }, ["home-visit-change"]],
    ["150 → 0", 0, { ha_home_visit_count: 150 }, ["home-visit-change"]],
    ["no previous report", 400, null, []],
    ["previous did not answer", 400, { ha_urgent_visit_count: 3 }, []],
    ["current missing", undefined, { ha_home_visit_count: 120 }, []],
  ])("%s", (_name, current, previous, expected) => {
    const answers = { ...F1, ...(current === undefined ? {} : { ha_home_visit_count: current }) };
    expect(ids(answers, withPrevious(previous))).toEqual(expected);
  });

  it("says both numbers", () => {
    const [warning] = evaluateSoftRules(
      def,
      rules,
      { ...F1, ha_home_visit_count: 1500 },
      withPrevious({ ha_home_visit_count: 120 }),
    );
    expect(warning?.message).toContain("前年度の報告（120回）");
    expect(warning?.message).toContain("今回 1,500回");
  });

  it("is silent when the item is hidden (no 1号)", () => {
    expect(ids({ ha_home_visit_count: 1500 }, withPrevious({ ha_home_visit_count: 120 }))).toEqual([]);
  });
});

describe("explanations", () => {
  const warnings = evaluateSoftRules(
    def,
    rules,
    { ...F1, ha_system: "p2", ...NO_VISITS, ha_home_visit_count: 0, ha_end_of_life_count: 900 },
    { ...clinic0, previous: { ha_home_visit_count: 300 } },
  );

  it("lists the required ones without an explanation (blank counts as none)", () => {
    expect(warnings.map((w) => w.ruleId)).toEqual([
      "ha-system-without-visits",
      "end-of-life-clinic-range",
      "home-visit-change",
    ]);
    expect(unexplainedRequired(warnings, {}).map((w) => w.ruleId)).toEqual([
      "ha-system-without-visits",
      "home-visit-change",
    ]);
    expect(
      unexplainedRequired(warnings, { "ha-system-without-visits": "  ", "home-visit-change": "医師が退職" }).map(
        (w) => w.ruleId,
      ),
    ).toEqual(["ha-system-without-visits"]);
  });

  it("stores every warning with its explanation, the set's key and the flags the officer filters on", () => {
    const stored = storedSoftWarnings(rules, warnings, { "home-visit-change": " 医師が退職 ", other: "x" });
    expect(stored.ruleSetKey).toBe("clinic-report-r7-v1.rules-1");
    expect(stored.warnings.map((w) => [w.ruleId, w.explanation])).toEqual([
      ["ha-system-without-visits", null],
      ["end-of-life-clinic-range", null],
      ["home-visit-change", "医師が退職"],
    ]);
    expect(softWarningFlags(stored)).toEqual({ total: 3, unexplained: 2, bigChange: 1 });
    expect(softWarningFlags(null)).toEqual({ total: 0, unexplained: 0, bigChange: 0 });
  });

  it("keeps only the explanations of rules that still warn", () => {
    expect(
      keepExplanations(warnings, { "home-visit-change": "a", gone: "b", "ha-system-without-visits": " " }),
    ).toEqual({
      "home-visit-change": "a",
    });
  });
});

describe("rule set format", () => {
  const base = { schemaVersion: 1, ruleSetKey: "x.rules-1", definitionVersionKey: "x", label: "x" };
  const rule = { id: "a", importance: "caution", message: "m", explanationRequired: false, items: ["k"] };
  it.each<[string, unknown, boolean]>([
    [
      "a consistency rule",
      { ...base, rules: [{ ...rule, check: { kind: "consistency", when: { key: "k", equals: 0 } } }] },
      true,
    ],
    [
      "duplicate ids",
      { ...base, rules: [1, 2].map(() => ({ ...rule, check: { kind: "range", key: "k", max: 1 } })) },
      false,
    ],
    [
      "unknown importance",
      { ...base, rules: [{ ...rule, importance: "high", check: { kind: "range", key: "k" } }] },
      false,
    ],
    [
      "change factor below 1",
      { ...base, rules: [{ ...rule, check: { kind: "change", key: "k", factor: 0.5, minDifference: 1 } }] },
      false,
    ],
    ["no items", { ...base, rules: [{ ...rule, items: [], check: { kind: "range", key: "k" } }] }, false],
  ])("%s", (_name, raw, ok) => {
    expect(ZSoftRuleSet.safeParse(raw).success).toBe(ok);
  });

  it("no rules set → no warnings", () => {
    expect(evaluateSoftRules(def, null, { ...F1, ro_backup_beds: "4" }, clinic0)).toEqual([]);
    const empty: TSoftRuleSet = { ...rules, rules: [] };
    expect(evaluateSoftRules(def, empty, { ...F1, ro_backup_beds: "4" }, clinic0)).toEqual([]);
  });
});
