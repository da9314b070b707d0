// What one confirmed report says in public (公表): the 確認結果 (1号 and (イ)–(ニ) 有無 with
// 自院/連携), the 17 areas and the diseases the institution sees first, and the report's choice
// answers. Pure: built from the revision's own definition, answers and stored derived status, so
// reports on different versions publish alike. What never goes out is decided here too: free text
// (特記事項), dates, partner names, tables and the 記入者 section (contact details) are dropped.
import { isEmptyAnswer, type TAnswers } from "@/lib/questionnaire/answers";
import type { TItem, TProvisionMode, TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TDerivedStatus } from "@/lib/questionnaire/derive";
import { functionFlags } from "@/lib/questionnaire/derive";
import { computeVisibility } from "@/lib/questionnaire/visibility";
import { COUNT_TAGS, PRIMARY_CARE_AREAS_TAG, PRIMARY_FUNCTION_KEY, SECONDARY_FUNCTION_KEYS } from "./clinic-tags";

export const PUBLIC_FUNCTION_KEYS = [PRIMARY_FUNCTION_KEY, ...SECONDARY_FUNCTION_KEYS] as const;
export type TPublicFunctionKey = (typeof PUBLIC_FUNCTION_KEYS)[number];

export const DISEASES_TAG = "primaryCareDiseases";
/** Sections whose answers are about the person filling in the form, not the institution. */
const PRIVATE_SECTIONS = new Set(["reporter"]);
/** Item types whose answers are never public: free text, dates, partner names, tables. */
const PUBLIC_ITEM_TYPES = new Set<TItem["type"]>(["single", "multi", "yesno", "integer", "decimal"]);

export type TPublicFunction = { has: boolean; intent: boolean; mode: TProvisionMode | null };

/** One answer in words as the questionnaire words it (labels, not codes). */
export type TPublicAnswer = { section: string; item: string; label: string; answer: string };

export type TPublicDetail = {
  functions: Record<TPublicFunctionKey, TPublicFunction>;
  /** Labels of the 17 areas (in the report's order). */
  areaLabels: string[];
  answers: TPublicAnswer[];
  /** Yearly counts by tag (訪問診療, 往診, 在宅看取り …) when reported. */
  counts: Record<string, number>;
};

export type TPublicFacts = {
  flags: Record<TPublicFunctionKey, boolean>;
  areas: string[];
  diseases: string[];
  detail: TPublicDetail;
};

type TDef = Pick<TQuestionnaireDefinition, "sections" | "functions">;

function optionLabels(item: TItem, value: unknown): string[] {
  if (item.type !== "single" && item.type !== "multi") return [];
  const codes = Array.isArray(value) ? value.map(String) : [String(value)];
  return item.options.filter((o) => codes.includes(o.code)).map((o) => o.label);
}

function answerText(item: TItem, value: unknown): string | null {
  switch (item.type) {
    case "single":
    case "multi": {
      const labels = optionLabels(item, value);
      return labels.length > 0 ? labels.join("、") : null;
    }
    case "yesno":
      return value === true ? item.yesLabel : value === false ? item.noLabel : null;
    case "integer":
    case "decimal":
      return typeof value === "number" ? `${value}${item.unit ?? ""}` : null;
    default:
      return null;
  }
}

/** The public facts of one report; `derived` is the revision's stored derived status. */
export function publicFacts(def: TDef, answers: TAnswers, derived: TDerivedStatus): TPublicFacts {
  const visibility = computeVisibility(def, answers, functionFlags(derived));
  const functionOf = (key: TPublicFunctionKey): TPublicFunction => {
    const status = derived.functions[key];
    return { has: status?.has ?? false, intent: status?.intent ?? false, mode: status?.has ? status.mode : null };
  };
  const functions = Object.fromEntries(PUBLIC_FUNCTION_KEYS.map((k) => [k, functionOf(k)])) as Record<
    TPublicFunctionKey,
    TPublicFunction
  >;
  let areas: string[] = [];
  let areaLabels: string[] = [];
  let diseases: string[] = [];
  const list: TPublicAnswer[] = [];
  const counts: Record<string, number> = {};
  const countTags = new Set(COUNT_TAGS.map((t) => t.tag));
  for (const section of def.sections) {
    if (PRIVATE_SECTIONS.has(section.key) || !visibility.sections.has(section.key)) continue;
    for (const item of section.items) {
      const value = answers[item.key];
      if (!visibility.items.has(item.key) || isEmptyAnswer(value) || !PUBLIC_ITEM_TYPES.has(item.type)) continue;
      if (item.tag === PRIMARY_CARE_AREAS_TAG && item.type === "multi") {
        const chosen = item.options.filter((o) => (value as string[]).includes(o.code) && o.status !== "none");
        areas = chosen.map((o) => o.code);
        areaLabels = chosen.map((o) => o.label);
        continue;
      }
      if (item.tag === DISEASES_TAG) {
        diseases = optionLabels(item, value);
        continue;
      }
      if (item.tag && countTags.has(item.tag) && typeof value === "number") counts[item.tag] = value;
      if (item.type === "integer" || item.type === "decimal") continue;
      const text = answerText(item, value);
      if (text) list.push({ section: section.title, item: item.key, label: item.label, answer: text });
    }
  }
  const flags = Object.fromEntries(PUBLIC_FUNCTION_KEYS.map((k) => [k, functions[k].has])) as Record<
    TPublicFunctionKey,
    boolean
  >;
  return { flags, areas, diseases, detail: { functions, areaLabels, answers: list, counts } };
}

/** Folds a name or a query for search: NFKC (full-width → half-width), lower case, no spaces. */
export function foldForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export type TPublicTally = { institutions: number } & Record<TPublicFunctionKey, number>;

/** Counts of published rows per group (zone, municipality): institutions and each function 有り. */
export function tallyPublicRows<R extends Record<TPublicFunctionKey, boolean>>(
  rows: readonly R[],
  groupOf: (row: R) => string,
): Map<string, TPublicTally> {
  const out = new Map<string, TPublicTally>();
  for (const row of rows) {
    const key = groupOf(row);
    const tally = out.get(key) ?? { institutions: 0, f1: 0, f2i: 0, f2ro: 0, f2ha: 0, f2ni: 0 };
    tally.institutions += 1;
    for (const fn of PUBLIC_FUNCTION_KEYS) if (row[fn]) tally[fn] += 1;
    out.set(key, tally);
  }
  return out;
}
