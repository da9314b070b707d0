// Planned answers: the derived status of generated answers is the plan, whatever the
// questionnaire version; no answer claims what the institution cannot bill.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDefinition, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { deriveStatus } from "@/lib/questionnaire/derive";
import { generateAnswers } from "@/prisma/seed/answers";
import { planFunctions, functionPropensities, FUNCTION_SHARES, type TFunctionPlan } from "@/prisma/seed/function-plan";
import { createRandom } from "@/prisma/seed/random";
import { buildInstitutionCode } from "@/lib/domain/codes";
import type { TInstitutionShape } from "@/lib/domain/billing-eligibility";

function definition(file: string): TQuestionnaireDefinition {
  const raw: unknown = JSON.parse(
    readFileSync(path.join(process.cwd(), "prisma", "questionnaires", `${file}.json`), "utf8"),
  );
  const parsed = parseDefinition(raw);
  if (!parsed.ok) throw new Error(file);
  return parsed.definition;
}
const DEFS = [definition("clinic-report-r6-demo"), definition("clinic-report-r7-v1")];
const SHAPES: TInstitutionShape[] = [
  { kind: "CLINIC", beds: 0 },
  { kind: "CLINIC", beds: 19 },
  { kind: "HOSPITAL", beds: 180 },
];
const POOL = Array.from({ length: 4 }, (_, i) => ({
  code: buildInstitutionCode("18", `01${String(1000 + i * 3).padStart(4, "0")}`),
  name: `架空病院${i}`,
}));
const PLANS: TFunctionPlan[] = [
  { f1: "has", f2i: "has", f2ro: "has", f2ha: "has", f2ni: "has" },
  { f1: "has", f2i: "none", f2ro: "intent", f2ha: "has", f2ni: "none" },
  { f1: "has", f2i: "intent", f2ro: "none", f2ha: "intent", f2ni: "has" },
  { f1: "none", f2i: "has", f2ro: "has", f2ha: "has", f2ni: "has" },
  { f1: "intent", f2i: "none", f2ro: "none", f2ha: "none", f2ni: "none" },
];

describe("generateAnswers with a plan", () => {
  for (const def of DEFS)
    for (const institution of SHAPES)
      it.each(PLANS.map((plan, i) => [i, plan] as const))(
        `${def.versionKey} ${institution.kind} beds=${institution.beds}: plan %i is what the answers derive`,
        (i, functions) => {
          for (let seed = 0; seed < 15; seed++) {
            const answers = generateAnswers(def, {
              random: createRandom(`${def.versionKey}-${i}-${seed}`),
              profile: { kind: institution.kind, engagement: 0.5, planned: { institution, functions } },
              partnerPool: POOL,
            });
            const derived = deriveStatus(def, answers).functions;
            const f1 = functions.f1 === "has";
            expect(derived.f1!.has, "1号").toBe(f1);
            for (const fn of ["f2i", "f2ro", "f2ha", "f2ni"]) {
              // A clinic without beds can still secure (ロ) through partner beds or a 退院ルール.
              expect(derived[fn]!.has, fn).toBe(f1 && functions[fn] === "has");
              if (f1 && functions[fn] === "intent") expect(derived[fn]!.intent, `${fn} intent`).toBe(true);
            }
            if (institution.beds === 0) expect(answers.ro_discharge_support_count ?? 0).toBe(0);
            if (institution.kind === "HOSPITAL") expect(answers.i_night_early_count ?? 0).toBe(0);
          }
        },
      );
});

describe("planFunctions", () => {
  it("gives each class about its share, and a year later a few points more", () => {
    const random = createRandom("shares");
    const institution: TInstitutionShape = { kind: "CLINIC", beds: 0 };
    const counts = [0, 0];
    for (let i = 0; i < 4000; i++) {
      const propensities = functionPropensities(random.fork(String(i)));
      for (const year of [0, 1])
        if (planFunctions({ institution, propensities, yearIndex: year }).f2ha === "has") counts[year]! += 1;
    }
    expect(counts[0]! / 4000).toBeCloseTo(FUNCTION_SHARES.f2ha!.CLINIC, 1);
    const growth = (counts[1]! - counts[0]!) / 4000;
    expect(growth).toBeGreaterThan(0.005);
    expect(growth).toBeLessThan(0.05);
  });

  it("keeps an institution's functions from one year to the next (it only gains)", () => {
    const random = createRandom("stable");
    const institution: TInstitutionShape = { kind: "HOSPITAL", beds: 200 };
    for (let i = 0; i < 500; i++) {
      const propensities = functionPropensities(random.fork(String(i)));
      const before = planFunctions({ institution, propensities, yearIndex: 0 });
      const after = planFunctions({ institution, propensities, yearIndex: 1 });
      for (const fn of Object.keys(before)) if (before[fn] === "has") expect(after[fn]).toBe("has");
    }
  });
});
