import "server-only";
import { db } from "@/lib/db";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { mapPreviousAnswers } from "@/lib/questionnaire/copy";
import { softRuleSetFor } from "@/lib/questionnaire/soft-rule-sets";
import type { TSoftRuleContext, TSoftRuleSet } from "@/lib/questionnaire/soft-rules";
import { findPreviousSubmission, type TRespondentViewer } from "./respondent";

// What the soft rules of a respondent's report read besides its answers
// (docs/decisions/0019-soft-rules.md): the rule set of the bound version, the institution's kind
// and registered beds, and — only for the items a year-over-year rule compares — the
// respondent's own last submitted answers, under this version's keys. The form, the submit
// service and the paper import evaluate with the same inputs.

export type TSoftRuleInputs = { ruleSet: TSoftRuleSet | null; context: TSoftRuleContext };

/** The keys compared with last year: only these values of last year's report are needed. */
export function changeRuleKeys(ruleSet: TSoftRuleSet | null): string[] {
  return (ruleSet?.rules ?? []).flatMap((rule) => (rule.check.kind === "change" ? [rule.check.key] : []));
}

/** Last year's answers under this version's keys, cut to the compared items. */
export function previousForRules(
  definition: TQuestionnaireDefinition,
  ruleSet: TSoftRuleSet | null,
  previous: { versionKey: string; answers: TAnswers } | null,
): TAnswers | null {
  const keys = changeRuleKeys(ruleSet);
  if (!previous || keys.length === 0) return null;
  const mapped = mapPreviousAnswers(definition, previous.versionKey, previous.answers);
  return Object.fromEntries(keys.filter((key) => key in mapped).map((key) => [key, mapped[key]]));
}

export async function getSoftRuleInputs(
  viewer: TRespondentViewer,
  cycle: { fiscalYear: number; kind: string },
  definition: TQuestionnaireDefinition,
  /** The institution when the caller has already read it (the submit's write context). */
  known?: TSoftRuleContext["institution"],
): Promise<TSoftRuleInputs> {
  const ruleSet = softRuleSetFor(definition.versionKey);
  if (!ruleSet) return { ruleSet: null, context: {} };
  const [institution, previous] = await Promise.all([
    known !== undefined
      ? known
      : viewer.role === "institution"
        ? db.institution.findUnique({ where: { id: viewer.institutionId }, select: { kind: true, beds: true } })
        : null,
    changeRuleKeys(ruleSet).length > 0 ? findPreviousSubmission(viewer, cycle) : null,
  ]);
  return {
    ruleSet,
    context: { institution: institution ?? null, previous: previousForRules(definition, ruleSet, previous) },
  };
}
