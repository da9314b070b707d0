// Generates realistic, *valid* answers for any questionnaire definition: demo data (seed) and
// the national synthetic data (synth) both use it. It walks the definition like a respondent:
// section by section, answering only what is visible, so conditional items stay consistent.
// Every generated set is checked with the same validation as a web submission.
import type { TCondition, TGroupField, TItem, TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TAnswers, TAnswerValue, TGroupRow, TPartner, TScalarAnswer } from "@/lib/questionnaire/answers";
import { evaluateAnswers } from "@/lib/questionnaire/derive";
import { validateAnswers } from "@/lib/questionnaire/answer-schema";
import type { TRandom } from "./random";
import { plannedValue, prepareContext, type TPlannedContext, type TPlannedProfile } from "./planned-answers";

export type TAnswerProfile = {
  kind: "HOSPITAL" | "CLINIC" | "HUB";
  /** 0–1: how active the respondent is; drives 有り / 実施している answers. */
  engagement: number;
  /** Answers fixed in advance by item tag or key (e.g. the hub's operator type). */
  fixed?: Record<string, TAnswerValue>;
  /**
   * For institutions: what it is (hospital / clinic, beds) and which functions it really has
   * (prisma/seed/function-plan.ts). Answers then match the plan and never claim a fee the
   * institution cannot bill (lib/domain/billing-eligibility.ts).
   */
  planned?: TPlannedProfile;
};

export type TGenerateOptions = {
  random: TRandom;
  profile: TAnswerProfile;
  /** Roster entries to draw partner institutions from. */
  partnerPool?: readonly TPartner[];
};

/** Base rate of 有り per function for an average respondent (clinic / hospital). */
const FUNCTION_HAS_RATE: Record<string, { CLINIC: number; HOSPITAL: number }> = {
  f1: { CLINIC: 0.9, HOSPITAL: 0.85 },
  f2i: { CLINIC: 0.55, HOSPITAL: 0.85 },
  f2ro: { CLINIC: 0.25, HOSPITAL: 0.9 },
  f2ha: { CLINIC: 0.35, HOSPITAL: 0.5 },
  f2ni: { CLINIC: 0.7, HOSPITAL: 0.8 },
};
const INTENT_RATE = 0.18;

/** How often each of the 17 areas is offered as 一次診療 (rough outpatient shares). */
const AREA_WEIGHTS: Record<string, number> = {
  "9": 0.5,
  "7": 0.45,
  "6": 0.4,
  "14": 0.4,
  "16": 0.25,
  "1": 0.15,
  "17": 0.15,
  "2": 0.15,
  "10": 0.12,
  "8": 0.1,
  "4": 0.08,
  "5": 0.08,
  "3": 0.06,
  "12": 0.05,
  "11": 0.03,
  "13": 0.03,
  "15": 0.05,
};

const PHRASES: readonly (readonly [RegExp, readonly string[]])[] = [
  [
    /課題/,
    [
      "夜間・休日の往診体制が一部の医療機関に偏っている",
      "入退院時の情報共有が病院ごとに異なる",
      "ACPについて住民の認知度が低い",
      "訪問看護との連携窓口が不明確",
      "災害時の在宅療養者の安否確認手順が未整備",
      "小児在宅医療に対応できる医療機関が少ない",
    ],
  ],
  [
    /対応策|取組/,
    [
      "輪番による24時間往診体制の試行",
      "入退院支援ルールの改訂と説明会の開催",
      "市民公開講座とリーフレット配布",
      "多職種合同研修を年2回開催",
      "在宅療養者の個別避難計画づくりを支援",
      "小児在宅の相談窓口を設置",
    ],
  ],
  [
    /指標/,
    [
      "往診に対応する診療所数",
      "入院時情報提供の割合",
      "ACP講座の参加者数",
      "研修参加者数",
      "個別避難計画の作成数",
      "小児在宅の相談件数",
    ],
  ],
  [/担当/, ["拠点事務局", "医師会 在宅医療部会", "市町 地域包括ケア推進課", "訪問看護ステーション連絡会", "保健所"]],
  [/メモ|振り返り|備考|特記/, ["関係機関と協議中", "次年度も継続して取り組む"]],
  [/氏名|担当者/, ["山田 花子", "佐藤 一郎", "田中 由美"]],
  [/部署/, ["医事課", "地域連携室", "事務部"]],
  [/電話/, ["0778-00-0000"]],
  [/メール/, ["renraku@example.jp"]],
  [/圏域/, ["丹南圏域"]],
];

function phraseFor(label: string, random: TRandom): string {
  const match = PHRASES.find(([pattern]) => pattern.test(label));
  return match ? random.pick(match[1]) : random.pick(["特になし", "地域の関係機関と連携して対応している"]);
}

export function generateAnswers(def: TQuestionnaireDefinition, options: TGenerateOptions): TAnswers {
  const answers: TAnswers = {};
  const planned = options.profile.planned
    ? prepareContext(def, options.profile.planned, options.random.fork("plan"))
    : undefined;
  for (const section of def.sections) {
    // Re-evaluate after each section: later sections may depend on what was just answered.
    const { visibility } = evaluateAnswers(def, answers);
    if (!visibility.sections.has(section.key)) continue;
    // Re-evaluating before every item is most of the cost (national synthetic data generates
    // ~200,000 answer sets). An item without a condition of its own, in a section whose condition
    // its own items cannot change, is visible exactly when its section is: skip the evaluation.
    const stable = sectionVisibilityIsStable(def, section);
    for (const item of section.items) {
      if (item.visibleWhen || !stable) {
        const { visibility: now } = evaluateAnswers(def, answers);
        if (!now.items.has(item.key)) continue;
      }
      const value =
        fixedValue(item, options.profile) ??
        (planned && plannedItemValue(item, planned, options)) ??
        generateItem(item, options, planned);
      if (value !== undefined) answers[item.key] = value;
    }
  }
  const result = validateAnswers(def, answers, "submit");
  if (!result.ok) {
    throw new Error(
      `generated answers for ${def.versionKey} are invalid: ${JSON.stringify(result.fieldErrors)} ${result.formErrors.join(" ")}`,
    );
  }
  return answers;
}

/**
 * Whether answering the section's own items can change whether the section is shown: its
 * condition names one of its items, or a function one of its items feeds (directly, or through a
 * function that `requires` it).
 */
function sectionVisibilityIsStable(
  def: TQuestionnaireDefinition,
  section: TQuestionnaireDefinition["sections"][number],
): boolean {
  if (!section.visibleWhen) return true;
  const keys = new Set<string>();
  const functions = new Set<string>();
  const collect = (condition: TCondition) => {
    if ("all" in condition) condition.all.forEach(collect);
    else if ("any" in condition) condition.any.forEach(collect);
    else if ("not" in condition) collect(condition.not);
    else if ("function" in condition) functions.add(condition.function);
    else keys.add(condition.key);
  };
  collect(section.visibleWhen);
  // A function's status also depends on the function it requires.
  for (let grew = true; grew;) {
    grew = false;
    for (const fn of def.functions) {
      if (functions.has(fn.key) && fn.requires && !functions.has(fn.requires)) {
        functions.add(fn.requires);
        grew = true;
      }
    }
  }
  return section.items.every((item) => !keys.has(item.key) && !(item.function && functions.has(item.function)));
}

/** A draft: the first sections answered, the rest left for later (as real drafts look). */
export function truncateToDraft(def: TQuestionnaireDefinition, answers: TAnswers, random: TRandom): TAnswers {
  const keep = random.int(1, Math.max(1, def.sections.length - 1));
  const keys = new Set(def.sections.slice(0, keep).flatMap((s) => s.items.map((i) => i.key)));
  return Object.fromEntries(Object.entries(answers).filter(([key]) => keys.has(key)));
}

function fixedValue(item: TItem, profile: TAnswerProfile): TAnswerValue | undefined {
  if (!profile.fixed) return undefined;
  return (item.tag ? profile.fixed[item.tag] : undefined) ?? profile.fixed[item.key];
}

function plannedItemValue(item: TItem, planned: TPlannedContext, options: TGenerateOptions): TAnswerValue | undefined {
  return plannedValue(item, planned, options.random, (counted) =>
    counted.type === "integer"
      ? clamp(positiveCount(counted, options.profile, options.random), Math.max(1, counted.min), counted.max)
      : generateDecimal(counted, options.random),
  );
}

/** A count above zero, scaled to the institution (a hospital's counts follow its beds). */
function positiveCount(item: Extract<TItem, { type: "integer" }>, profile: TAnswerProfile, random: TRandom): number {
  const beds = profile.planned?.institution.beds ?? 0;
  const scale = profile.kind === "HOSPITAL" ? Math.max(100, beds * 2) : item.unit === "人" ? 6 : 60;
  return Math.round(random.next() ** 2 * scale) + 1;
}

function hasRate(item: TItem | TGroupField, profile: TAnswerProfile): number {
  const kind = profile.kind === "HUB" ? "HOSPITAL" : profile.kind;
  const fn = "function" in item && item.function ? FUNCTION_HAS_RATE[item.function] : undefined;
  const base = fn ? fn[kind] : item.basis === "required" ? 0.75 : item.basis === "desirable" ? 0.45 : 0.5;
  return Math.min(0.97, base * (0.6 + 0.8 * profile.engagement));
}

function generateItem(item: TItem, options: TGenerateOptions, planned?: TPlannedContext): TAnswerValue | undefined {
  const { random } = options;
  // Optional items are sometimes left blank, as respondents do.
  const mustAnswer = item.required || (item.type === "group" && item.minRows > 0);
  if (!mustAnswer && item.type !== "integer" && random.chance(0.15)) return undefined;
  switch (item.type) {
    case "multi":
      // A 1号 planned 有り must not answer 該当無し for its ★ areas.
      return generateMulti(item, options, planned?.functions[item.function ?? ""] === "has");
    case "partners": {
      const pool = options.partnerPool ?? [];
      if (pool.length === 0) return undefined;
      return random.sample(pool, random.int(1, Math.min(3, item.max)));
    }
    case "group": {
      const rows: TGroupRow[] = [];
      const count = Math.min(item.maxRows, Math.max(item.minRows, random.int(1, 3)));
      for (let r = 0; r < count; r++) {
        const row: TGroupRow = {};
        for (const field of item.fields) {
          const value = generateScalar(field, options);
          if (value !== undefined) row[field.key] = value;
        }
        rows.push(row);
      }
      return rows;
    }
    default:
      return generateScalar(item, options);
  }
}

function generateScalar(
  item: TGroupField | Exclude<TItem, { type: "multi" | "partners" | "group" }>,
  options: TGenerateOptions,
): TScalarAnswer | undefined {
  const { random, profile } = options;
  switch (item.type) {
    case "yesno":
      return random.chance(item.star ? 0.92 + 0.06 * profile.engagement : hasRate(item, profile));
    case "single": {
      const scored = item.options.some((o) => o.score !== undefined);
      if (scored) {
        const p = hasRate(item, profile);
        return random.weighted(
          item.options.map((o) => [o.code, o.score === 1 ? p : o.score && o.score > 0 ? 0.2 : (1 - p) / 2] as const),
        );
      }
      const withStatus = item.options.filter((o) => o.status);
      if (withStatus.length === 0) return random.pick(item.options).code;
      const roll = random.next();
      const p = hasRate(item, profile);
      const status = roll < p ? "has" : roll < p + INTENT_RATE * (1 - p) ? "intent" : "none";
      const candidates = item.options.filter((o) => o.status === status);
      const pool = candidates.length > 0 ? candidates : withStatus;
      // Lower frequency bands are more common than the highest ones.
      return random.weighted(pool.map((o, i) => [o.code, 1 / (i + 1)] as const));
    }
    case "integer": {
      if (!item.required && random.chance(0.1)) return undefined;
      const isCount = !item.copyForward || item.ndbPrefill;
      const hasActivity = random.chance(hasRate(item, profile));
      const scale = profile.kind === "HOSPITAL" ? 400 : item.unit === "人" ? 6 : 60;
      const value = isCount
        ? hasActivity
          ? Math.round(random.next() ** 2 * scale) + 1
          : 0
        : random.int(1, Math.max(1, scale / 10));
      return clamp(value, item.min, item.max);
    }
    case "decimal":
      return generateDecimal(item, random);
    case "text": {
      if (!item.required && random.chance(0.7)) return undefined;
      return [...phraseFor(item.label, random)].slice(0, item.maxLength).join("");
    }
    case "date": {
      const month = random.int(1, 12);
      return `2026-${String(month).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
    }
  }
}

function generateDecimal(item: Extract<TItem | TGroupField, { type: "decimal" }>, random: TRandom): number {
  const factor = 10 ** item.decimals;
  return clamp(Math.round((0.5 + random.next() * 2.5) * factor) / factor, item.min, item.max);
}

function generateMulti(item: TItemMulti, { random, profile }: TGenerateOptions, mustMeet = false): string[] {
  const exclusive = mustMeet ? undefined : item.options.find((o) => o.exclusive);
  const regular = item.options.filter((o) => !o.exclusive);
  if (item.tag === "primaryCareAreas") {
    if (exclusive && random.chance(0.04 + 0.04 * (1 - profile.engagement))) return [exclusive.code];
    const breadth = profile.kind === "HOSPITAL" ? 2.2 : 1;
    let chosen = regular.filter((o) => random.chance(Math.min(0.95, (AREA_WEIGHTS[o.code] ?? 0.05) * breadth)));
    if (chosen.length === 0) chosen = [random.pick(regular)];
    return chosen.map((o) => o.code);
  }
  const count = random.int(1, Math.min(regular.length, profile.kind === "HOSPITAL" ? 8 : 4));
  const chosen = random.sample(regular, count).map((o) => o.code);
  if (chosen.length === 0 && exclusive) return [exclusive.code];
  const max = item.maxSelected ?? chosen.length;
  return chosen.slice(0, Math.max(item.minSelected ?? 1, Math.min(max, chosen.length)));
}

type TItemMulti = Extract<TItem, { type: "multi" }>;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
