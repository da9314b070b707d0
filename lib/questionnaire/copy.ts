// 「前年度の回答を引用」: carries last year's answers into this year's form, across versions.
// - Same key, same meaning → copied; a renamed key is looked up through the new version's
//   `previous.keyMap` (new key → old key), and renamed choice codes through `previous.codeMap`
//   (per item, new code → old code), so last year's 高血圧 (d01) arrives as this year's 高血圧症.
// - Items marked `copyForward: false` (yearly counts, NDB values) are never copied: last year's
//   actuals would be wrong this year. In repeating groups the same applies per column, so a
//   PDCA plan is carried over while its 達成状況 starts empty.
// - A value that no longer fits the new item (a removed code, a shorter limit) is left out
//   rather than copied invalid.
// - By default only unanswered items are filled: what the respondent typed this year wins.
import type { TItem, TQuestionnaireDefinition } from "./definition";
import { allItems } from "./definition";
import { isEmptyAnswer, type TAnswers, type TAnswerValue, type TGroupRow } from "./answers";
import { answerSchemaFor } from "./answer-schema";

export type TCopySource = { versionKey: string; answers: TAnswers };

export type TCopyResult = {
  answers: TAnswers;
  copied: string[];
  skipped: { key: string; reason: "notCopyable" | "noAnswer" | "incompatible" | "alreadyAnswered" }[];
};

export function copyForwardAnswers(
  target: Pick<TQuestionnaireDefinition, "sections" | "previous" | "versionKey">,
  source: TCopySource,
  current: TAnswers = {},
  { overwrite = false }: { overwrite?: boolean } = {},
): TCopyResult {
  const mapped = mapPreviousAnswers(target, source.versionKey, source.answers);
  const answers: TAnswers = { ...current };
  const result: TCopyResult = { answers, copied: [], skipped: [] };

  for (const item of allItems(target)) {
    if (!item.copyForward) {
      result.skipped.push({ key: item.key, reason: "notCopyable" });
      continue;
    }
    const sourceValue = mapped[item.key];
    if (isEmptyAnswer(sourceValue)) {
      result.skipped.push({ key: item.key, reason: "noAnswer" });
      continue;
    }
    if (!overwrite && !isEmptyAnswer(current[item.key])) {
      result.skipped.push({ key: item.key, reason: "alreadyAnswered" });
      continue;
    }
    const value = carryValue(item, sourceValue);
    if (value === undefined || !answerSchemaFor(item).safeParse(value).success) {
      result.skipped.push({ key: item.key, reason: "incompatible" });
      continue;
    }
    answers[item.key] = value;
    result.copied.push(item.key);
  }
  return result;
}

/**
 * Last year's answers under this year's keys and choice codes. Codes the map does not name keep
 * their value (same code, same meaning); a code with no counterpart stays as it was and is then
 * rejected as incompatible by the caller's schema check.
 */
export function mapPreviousAnswers(
  target: Pick<TQuestionnaireDefinition, "sections" | "previous">,
  previousVersionKey: string,
  previous: TAnswers,
): TAnswers {
  const link = target.previous?.versionKey === previousVersionKey ? target.previous : undefined;
  const mapped: TAnswers = {};
  for (const item of allItems(target)) {
    const value = previous[link?.keyMap[item.key] ?? item.key];
    if (value === undefined) continue;
    const codes = link?.codeMap?.[item.key];
    mapped[item.key] = codes ? mapCodes(item, value, codes) : value;
  }
  return mapped;
}

/** Old codes → new codes; a multiple choice comes back in the new list's order, as the form stores it. */
function mapCodes(item: TItem, value: TAnswerValue, newToOld: Record<string, string>): TAnswerValue {
  const oldToNew = new Map(Object.entries(newToOld).map(([newCode, oldCode]) => [oldCode, newCode]));
  const one = (code: unknown) => (typeof code === "string" ? (oldToNew.get(code) ?? code) : code);
  if (!Array.isArray(value)) return one(value) as TAnswerValue;
  const order = "options" in item ? item.options.map((o) => o.code) : [];
  const rank = (code: unknown) => order.indexOf(code as string);
  return (value as unknown[]).map(one).sort((a, b) => rank(a) - rank(b)) as TAnswerValue;
}

function carryValue(item: TItem, value: TAnswerValue): TAnswerValue | undefined {
  if (item.type !== "group") return value;
  if (!Array.isArray(value)) return undefined;
  const copyable = item.fields.filter((field) => field.copyForward).map((field) => field.key);
  return (value as TGroupRow[]).map((row) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => copyable.includes(key))),
  );
}
