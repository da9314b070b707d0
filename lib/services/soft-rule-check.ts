import "server-only";
import { AppError } from "@/lib/errors";
import type { TAnswers } from "@/lib/questionnaire/answers";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import {
  evaluateSoftRules,
  keepExplanations,
  storedSoftWarnings,
  unexplainedRequired,
  type TExplanations,
  type TSoftRuleContext,
  type TStoredSoftWarnings,
} from "@/lib/questionnaire/soft-rules";
import { getSoftRuleInputs } from "@/lib/data/soft-rules";
import type { TRespondentViewer } from "@/lib/data/respondent";

// The server's run of the soft rules at submission (docs/decisions/0019-soft-rules.md): the same
// evaluator and inputs as the form. A warning that requires an explanation and has none refuses
// the submission with a Japanese message next to each item; the draft (answers and explanations,
// autosaved) stays as it was, so nothing is lost.

export const UNEXPLAINED_MESSAGE =
  "説明が必要な確認事項があります。該当する項目の下にある「説明」を記入してから提出してください。（入力内容は保存されています）";
export const EXPLANATION_FIELD_MESSAGE = "この項目の確認事項について、説明を記入してください。";

export async function checkSoftRulesForSubmit(
  respondent: TRespondentViewer,
  cycle: { fiscalYear: number; kind: string },
  definition: TQuestionnaireDefinition,
  answers: TAnswers,
  explanations: TExplanations,
  /** The institution as the write context read it (null: a hub). */
  institution: TSoftRuleContext["institution"],
): Promise<{ softWarnings: TStoredSoftWarnings | null; explanations: TExplanations }> {
  const { ruleSet, context } = await getSoftRuleInputs(respondent, cycle, definition, institution);
  if (!ruleSet) return { softWarnings: null, explanations: {} };
  const warnings = evaluateSoftRules(definition, ruleSet, answers, context);
  const kept = keepExplanations(warnings, explanations);
  const missing = unexplainedRequired(warnings, kept);
  if (missing.length > 0) {
    const fieldErrors: Record<string, string[]> = { _softWarnings: missing.map((w) => w.ruleId) };
    for (const warning of missing) fieldErrors[warning.items[0]!] = [EXPLANATION_FIELD_MESSAGE];
    throw new AppError("INVALID_INPUT", UNEXPLAINED_MESSAGE, fieldErrors);
  }
  return { softWarnings: storedSoftWarnings(ruleSet, warnings, kept), explanations: kept };
}
