// 「前年度の回答を引用」: carries last year's answers into this year's form, across versions.
// - Same key, same meaning → copied; a renamed key is looked up through the new version's
//   `previous.keyMap` (new key → old key).
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
  const keyMap = target.previous?.versionKey === source.versionKey ? target.previous.keyMap : {};
  const answers: TAnswers = { ...current };
  const result: TCopyResult = { answers, copied: [], skipped: [] };

  for (const item of allItems(target)) {
    if (!item.copyForward) {
      result.skipped.push({ key: item.key, reason: "notCopyable" });
      continue;
    }
    const sourceValue = source.answers[keyMap[item.key] ?? item.key];
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

function carryValue(item: TItem, value: TAnswerValue): TAnswerValue | undefined {
  if (item.type !== "group") return value;
  if (!Array.isArray(value)) return undefined;
  const copyable = item.fields.filter((field) => field.copyForward).map((field) => field.key);
  return (value as TGroupRow[]).map((row) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => copyable.includes(key))),
  );
}
