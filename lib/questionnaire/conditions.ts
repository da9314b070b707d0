import type { TCondition } from "./definition";
import type { TAnswers } from "./answers";
import { isEmptyAnswer } from "./answers";

export type TFunctionFlags = Readonly<Record<string, boolean>>;

/**
 * Evaluates a visible-when condition. A condition on a derived function reads `functions`;
 * while functions are still being resolved the caller passes `undefined`, and such conditions
 * count as true (visible) — see derive.ts for the fixpoint.
 */
export function evaluateCondition(
  condition: TCondition,
  answers: TAnswers,
  functions: TFunctionFlags | undefined,
): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluateCondition(c, answers, functions));
  if ("any" in condition) return condition.any.some((c) => evaluateCondition(c, answers, functions));
  if ("not" in condition) return !evaluateCondition(condition.not, answers, functions);
  if ("function" in condition) {
    if (!functions) return true;
    return (functions[condition.function] ?? false) === condition.has;
  }
  const value = answers[condition.key];
  if ("answered" in condition) return !isEmptyAnswer(value);
  if ("equals" in condition) return value === condition.equals;
  if ("in" in condition) return typeof value === "string" && condition.in.includes(value);
  if ("includes" in condition) return Array.isArray(value) && (value as unknown[]).includes(condition.includes);
  return typeof value === "number" && value > condition.gt;
}
