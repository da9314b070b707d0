// Soft rules: warnings that teach respondents (docs/decisions/0019-soft-rules.md). A rule set is
// versioned data bound to one questionnaire version; the evaluator is pure and runs the same in
// the form (live), in the submit service and in the paper import. A warning never blocks by
// itself; a rule may require an explanation before the report can be submitted.
import { z } from "zod";
import { ITEM_KEY_PATTERN, ZCondition, itemIndex, type TQuestionnaireDefinition } from "./definition";
import type { TAnswers } from "./answers";
import { evaluateCondition } from "./conditions";
import { evaluateAnswers, functionFlags } from "./derive";
import { stripHiddenAnswers } from "./visibility";
import { INSTITUTION_KINDS, type TInstitutionKind } from "@/lib/domain/institution-kinds";

/** 注意: the answers contradict each other (likely a slip). 確認: unusual but possible — please check. */
export const SOFT_RULE_IMPORTANCES = ["caution", "confirm"] as const;
export type TSoftRuleImportance = (typeof SOFT_RULE_IMPORTANCES)[number];
export const SOFT_RULE_IMPORTANCE_LABELS: Record<TSoftRuleImportance, string> = { caution: "注意", confirm: "確認" };

export const SOFT_RULE_KINDS = ["consistency", "range", "change"] as const;
export type TSoftRuleKind = (typeof SOFT_RULE_KINDS)[number];

const ZKey = z.string().regex(ITEM_KEY_PATTERN);
export const EXPLANATION_MAX_LENGTH = 1000;

const ZCheck = z.discriminatedUnion("kind", [
  /** Warn when `when` holds: it describes the contradictory combination of answers. */
  z.strictObject({ kind: z.literal("consistency"), when: ZCondition }),
  /** Warn when the number answered lies outside [min, max] (bounds included as plausible). */
  z.strictObject({ kind: z.literal("range"), key: ZKey, min: z.number().optional(), max: z.number().optional() }),
  /**
   * Year over year against the institution's own last report: warn when the value is at least
   * `factor` times (or at most 1/`factor` of) last year's AND differs by at least `minDifference`
   * (so 2 → 7 does not alarm anyone). From 0 to a value ≥ minDifference counts as a big change.
   */
  z.strictObject({ kind: z.literal("change"), key: ZKey, factor: z.number().min(1), minDifference: z.number().min(0) }),
]);

export const ZSoftRule = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  importance: z.enum(SOFT_RULE_IMPORTANCES),
  /** For the clinic clerk; `{current}` and `{previous}` are replaced by the numbers. */
  message: z.string().min(1),
  explanationRequired: z.boolean(),
  /** The items the warning is shown next to; the rule is silent unless all of them are visible. */
  items: z.array(ZKey).min(1),
  /** Applies only to these institutions (kind; registered beds at most `maxBeds`). */
  institution: z
    .strictObject({ kinds: z.array(z.enum(INSTITUTION_KINDS)).min(1).optional(), maxBeds: z.int().optional() })
    .optional(),
  /** Administrators only: the basis of the rule (Renkei's own bound, not an official code). */
  note: z.string().optional(),
  check: ZCheck,
});
export type TSoftRule = z.infer<typeof ZSoftRule>;

export const ZSoftRuleSet = z
  .strictObject({
    schemaVersion: z.literal(1),
    /** Stable and never reused, e.g. "clinic-report-r7-v1.rules-1"; stored with each warning. */
    ruleSetKey: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    definitionVersionKey: z.string().min(1),
    label: z.string().min(1),
    rules: z.array(ZSoftRule),
  })
  .superRefine((set, ctx) => {
    const ids = set.rules.map((r) => r.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "ルールIDが重複しています。" });
  });
export type TSoftRuleSet = z.infer<typeof ZSoftRuleSet>;

/** Keys a rule set names that the definition does not have (empty when the set fits it). */
export function ruleSetProblems(def: Pick<TQuestionnaireDefinition, "sections" | "versionKey">, set: TSoftRuleSet) {
  const items = itemIndex(def);
  const problems: string[] = [];
  if (set.definitionVersionKey !== def.versionKey)
    problems.push(`${set.ruleSetKey}: 調査票「${def.versionKey}」用ではありません。`);
  for (const rule of set.rules) {
    const keys = [...rule.items, ...("key" in rule.check ? [rule.check.key] : []), ...conditionKeys(rule)];
    for (const key of keys) if (!items.has(key)) problems.push(`${rule.id}: 項目「${key}」はありません。`);
    if ("key" in rule.check) {
      const type = items.get(rule.check.key)?.type;
      if (type && type !== "integer" && type !== "decimal")
        problems.push(`${rule.id}: 「${rule.check.key}」は数値の項目ではありません。`);
    }
  }
  return problems;
}

function conditionKeys(rule: TSoftRule): string[] {
  if (rule.check.kind !== "consistency") return [];
  const keys: string[] = [];
  const walk = (c: z.infer<typeof ZCondition>): void => {
    if ("all" in c) return c.all.forEach(walk);
    if ("any" in c) return c.any.forEach(walk);
    if ("not" in c) return walk(c.not);
    if ("key" in c) keys.push(c.key);
  };
  walk(rule.check.when);
  return keys;
}

// ---- Evaluation --------------------------------------------------------------------------------

export type TSoftRuleContext = {
  /** The respondent institution (absent for hubs): kind and registered beds (null: unknown). */
  institution?: { kind: TInstitutionKind; beds: number | null } | null;
  /** The institution's own last submitted answers, under this version's keys (mapPreviousAnswers). */
  previous?: TAnswers | null;
};

export type TSoftWarning = {
  ruleId: string;
  kind: TSoftRuleKind;
  importance: TSoftRuleImportance;
  items: string[];
  /** The message as shown, numbers filled in. */
  message: string;
  explanationRequired: boolean;
};

const numberOf = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
const ja = (n: number) => n.toLocaleString("ja-JP");

function appliesToInstitution(rule: TSoftRule, context: TSoftRuleContext): boolean {
  if (!rule.institution) return true;
  const institution = context.institution;
  if (!institution) return false;
  if (rule.institution.kinds && !rule.institution.kinds.includes(institution.kind)) return false;
  if (rule.institution.maxBeds !== undefined) {
    if (institution.beds === null || institution.beds > rule.institution.maxBeds) return false;
  }
  return true;
}

/** The message numbers of a triggered rule, or null when it does not trigger. */
function trigger(
  rule: TSoftRule,
  answers: TAnswers,
  flags: Record<string, boolean>,
  previous: TAnswers | null | undefined,
): { current?: number; previous?: number } | null {
  const check = rule.check;
  if (check.kind === "consistency") return evaluateCondition(check.when, answers, flags) ? {} : null;
  const current = numberOf(answers[check.key]);
  if (current === null) return null;
  if (check.kind === "range") {
    const outside =
      (check.min !== undefined && current < check.min) || (check.max !== undefined && current > check.max);
    return outside ? { current } : null;
  }
  const before = numberOf(previous?.[check.key]);
  if (before === null) return null;
  if (Math.abs(current - before) < check.minDifference || current === before) return null;
  const big = before === 0 || current === 0 || current >= before * check.factor || current * check.factor <= before;
  return big ? { current, previous: before } : null;
}

/**
 * The warnings these answers raise. Answers to hidden items are ignored (the respondent did not
 * see them), a missing value raises nothing, and a rule whose items are not all visible is silent.
 */
export function evaluateSoftRules(
  def: Pick<TQuestionnaireDefinition, "sections" | "functions">,
  ruleSet: TSoftRuleSet | null,
  answers: TAnswers,
  context: TSoftRuleContext = {},
): TSoftWarning[] {
  if (!ruleSet || ruleSet.rules.length === 0) return [];
  const { visibility, derived } = evaluateAnswers(def, answers);
  const visible = stripHiddenAnswers(answers, visibility);
  const flags = functionFlags(derived);
  const warnings: TSoftWarning[] = [];
  for (const rule of ruleSet.rules) {
    if (!rule.items.every((key) => visibility.items.has(key))) continue;
    if (!appliesToInstitution(rule, context)) continue;
    const numbers = trigger(rule, visible, flags, context.previous);
    if (!numbers) continue;
    warnings.push({
      ruleId: rule.id,
      kind: rule.check.kind,
      importance: rule.importance,
      items: rule.items,
      message: rule.message
        .replaceAll("{current}", numbers.current === undefined ? "" : ja(numbers.current))
        .replaceAll("{previous}", numbers.previous === undefined ? "" : ja(numbers.previous)),
      explanationRequired: rule.explanationRequired,
    });
  }
  return warnings;
}

// ---- Explanations and what a revision stores ------------------------------------------------------

export const ZExplanations = z.record(z.string(), z.string().max(EXPLANATION_MAX_LENGTH));
export type TExplanations = Record<string, string>;

export type TStoredSoftWarning = TSoftWarning & { explanation: string | null };
/** SubmissionRevision.softWarnings / Submission.softWarnings. */
export type TStoredSoftWarnings = { ruleSetKey: string; warnings: TStoredSoftWarning[] };

const explanationOf = (explanations: TExplanations, ruleId: string) => explanations[ruleId]?.trim() || null;

/** The warnings that need an explanation and have none. */
export function unexplainedRequired(warnings: TSoftWarning[], explanations: TExplanations): TSoftWarning[] {
  return warnings.filter((w) => w.explanationRequired && !explanationOf(explanations, w.ruleId));
}

/** What a submitted revision keeps: each warning as shown, with its explanation (or null). */
export function storedSoftWarnings(
  ruleSet: TSoftRuleSet,
  warnings: TSoftWarning[],
  explanations: TExplanations,
): TStoredSoftWarnings {
  return {
    ruleSetKey: ruleSet.ruleSetKey,
    warnings: warnings.map((w) => ({ ...w, explanation: explanationOf(explanations, w.ruleId) })),
  };
}

/** Explanations of the rules that still warn, trimmed (stale and blank ones are dropped). */
export function keepExplanations(warnings: TSoftWarning[], explanations: TExplanations): TExplanations {
  const ruleIds = new Set(warnings.map((w) => w.ruleId));
  return Object.fromEntries(
    Object.entries(explanations)
      .filter(([id, text]) => ruleIds.has(id) && text.trim())
      .map(([id, text]) => [id, text.trim()]),
  );
}

/** The flags the officer filters on (review list): unexplained warnings, big changes from last year. */
export function softWarningFlags(stored: TStoredSoftWarnings | null): {
  unexplained: number;
  bigChange: number;
  total: number;
} {
  const warnings = stored?.warnings ?? [];
  return {
    total: warnings.length,
    unexplained: warnings.filter((w) => !w.explanation).length,
    bigChange: warnings.filter((w) => w.kind === "change").length,
  };
}

/** The rule set as a respondent's browser receives it: without the administrators' notes. */
export function respondentRuleSet(set: TSoftRuleSet | null): TSoftRuleSet | null {
  return set && { ...set, rules: set.rules.map(({ note: _note, ...rule }) => rule) };
}
