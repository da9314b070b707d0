// The synthetic reports (scripts/lib/synth-responses.ts): realistic shares of each status, and
// rows the services would accept — answers valid for their definition, the stored derived status
// computed from the stored answers, revisions numbered, dates never in the future.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDefinition, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { validateAnswers } from "@/lib/questionnaire/answer-schema";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { buildInstitutionCode } from "@/lib/domain/codes";
import { createRandom } from "@/prisma/seed/random";
import {
  buildReport,
  institutionEngagement,
  planCurrentYear,
  planHub,
  planPreviousYear,
  type TOutcome,
  type TReportPlan,
} from "@/scripts/lib/synth-responses";

function definition(file: string): TQuestionnaireDefinition {
  const parsed = parseDefinition(
    JSON.parse(readFileSync(path.join(process.cwd(), "prisma", "questionnaires", `${file}.json`), "utf8")),
  );
  if (!parsed.ok) throw new Error(file);
  return parsed.definition;
}

const DEFS = {
  clinicPrevious: definition("clinic-report-r6-demo"),
  clinicCurrent: definition("clinic-report-r7-v1"),
  hubPrevious: definition("hub-self-assessment-r6-demo"),
  hubCurrent: definition("hub-self-assessment-r7-v1"),
};
const POOL = Array.from({ length: 12 }, (_, i) => ({
  code: buildInstitutionCode("13", `01${String(1000 + i * 3).padStart(4, "0")}`),
  name: `架空病院${i}`,
}));
const NOW = new Date("2025-11-20T03:00:00Z");

function build(
  def: TQuestionnaireDefinition,
  plan: TReportPlan,
  label: string,
  kind: "HOSPITAL" | "CLINIC" | "HUB" = "CLINIC",
) {
  return buildReport({
    id: `t${label}`,
    cycle: { id: "cycle", questionnaireVersionId: "version", prefectureCode: "13" },
    definition: def,
    respondent: kind === "HUB" ? { hubId: "hub" } : { institutionId: "inst" },
    kind,
    fixed: kind === "HUB" ? { hubOperatorType: "MUNICIPALITY" } : undefined,
    plan,
    partnerPool: POOL,
    random: createRandom(label),
    submittedAt: new Date(NOW.getTime() - 5 * 86_400_000),
    latest: NOW,
  });
}

const plan = (outcome: TOutcome, extra: Partial<TReportPlan> = {}): TReportPlan => ({
  outcome,
  amended: false,
  amending: false,
  engagement: 0.6,
  ...extra,
});

describe("buildReport", () => {
  const cases = [
    ["clinic R6", DEFS.clinicPrevious, "CLINIC"],
    ["clinic R7", DEFS.clinicCurrent, "CLINIC"],
    ["hospital R7", DEFS.clinicCurrent, "HOSPITAL"],
    ["hub R6", DEFS.hubPrevious, "HUB"],
    ["hub R7", DEFS.hubCurrent, "HUB"],
  ] as const;

  it.each(cases)(
    "%s: every submitted revision validates and stores the derived status of its own answers",
    (_label, def, kind) => {
      for (let i = 0; i < 60; i++) {
        const outcome = (["SUBMITTED", "RETURNED", "CONFIRMED"] as const)[i % 3]!;
        const report = build(
          def,
          plan(outcome, {
            amended: i % 5 === 0,
            amending: outcome === "CONFIRMED" && i % 4 === 0,
            engagement: (i % 10) / 10,
          }),
          `${kind}${i}`,
          kind,
        )!;
        expect(report.submission.status).toBe(outcome);
        expect(report.revisions).toHaveLength(i % 5 === 0 ? 2 : 1);
        expect(report.revisions.map((r) => r.revision)).toEqual(report.revisions.map((_, k) => k + 1));
        expect(report.submission.revision).toBe(report.revisions.length);
        for (const revision of report.revisions) {
          const answers = JSON.parse(revision.answers);
          const result = validateAnswers(def, answers, "submit");
          expect(result.ok, JSON.stringify(result)).toBe(true);
          expect(JSON.parse(revision.derived)).toEqual(computeStoredDerived(def, answers));
          expect(revision.submittedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        }
        const latest = report.revisions.at(-1)!;
        expect(report.submission.derived).toBe(latest.derived);
        if (report.submission.isAmending) expect(report.submission.answers).not.toBe(latest.answers);
        else expect(report.submission.answers).toBe(latest.answers);
        expect(report.submission.reviewComment !== null).toBe(outcome === "RETURNED");
        expect(report.submission.reviewedAt !== null).toBe(outcome !== "SUBMITTED");
        if (report.submission.reviewedAt)
          expect(report.submission.reviewedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    },
  );

  it.each(cases)("%s: drafts are partial, valid as drafts, without a revision", (_label, def, kind) => {
    for (let i = 0; i < 20; i++) {
      const report = build(def, plan("DRAFT"), `draft${kind}${i}`, kind)!;
      expect(report.revisions).toEqual([]);
      expect(report.submission).toMatchObject({ status: "DRAFT", revision: 0, derived: null, submittedAt: null });
      expect(validateAnswers(def, JSON.parse(report.submission.answers), "draft").ok).toBe(true);
    }
  });

  it("writes nothing for a respondent who has not started, and is deterministic", () => {
    expect(build(DEFS.clinicCurrent, plan("NONE"), "none")).toBeNull();
    expect(build(DEFS.clinicCurrent, plan("CONFIRMED", { amended: true }), "same")).toEqual(
      build(DEFS.clinicCurrent, plan("CONFIRMED", { amended: true }), "same"),
    );
  });
});

describe("plans", () => {
  const share = (outcomes: TOutcome[], o: TOutcome) => outcomes.filter((x) => x === o).length / outcomes.length;

  it("last year: about nine in ten reported, most confirmed; this year: mid-window mix", () => {
    const random = createRandom("plans");
    const previous: TOutcome[] = [];
    const current: TOutcome[] = [];
    const drift: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const engagement = institutionEngagement(random, 0);
      drift.push(engagement.current - engagement.previous);
      previous.push(planPreviousYear(random, engagement.previous, 0).outcome);
      current.push(planCurrentYear(random, engagement.current, 0).outcome);
    }
    const reported = (xs: TOutcome[]) => 1 - share(xs, "NONE") - share(xs, "DRAFT");
    expect(reported(previous)).toBeGreaterThan(0.85);
    expect(reported(previous)).toBeLessThan(0.95);
    expect(share(previous, "CONFIRMED")).toBeGreaterThan(0.65);
    expect(reported(current)).toBeGreaterThan(0.35);
    expect(reported(current)).toBeLessThan(0.6);
    for (const o of ["NONE", "DRAFT", "SUBMITTED", "CONFIRMED", "RETURNED"] as const)
      expect(share(current, o)).toBeGreaterThan(0.02);
    // Engagement drifts up a little between the years, with spread.
    const mean = drift.reduce((a, b) => a + b, 0) / drift.length;
    expect(mean).toBeGreaterThan(0.01);
    expect(mean).toBeLessThan(0.07);
    expect(Math.max(...drift) - Math.min(...drift)).toBeGreaterThan(0.2);
  });

  it("regions differ: a lagging prefecture has fewer reports in", () => {
    const count = (regional: number) => {
      const random = createRandom("regional");
      let n = 0;
      for (let i = 0; i < 5_000; i++) if (planCurrentYear(random, 0.55, regional).outcome !== "NONE") n += 1;
      return n;
    };
    expect(count(-0.1)).toBeLessThan(count(0.1));
  });

  it("hubs: last year nearly all confirmed", () => {
    const random = createRandom("hubs");
    const outcomes = Array.from({ length: 2_000 }, () => planHub(random, "previous", 0.5).outcome);
    expect(share(outcomes, "CONFIRMED")).toBeGreaterThan(0.75);
  });
});
