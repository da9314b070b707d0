// Answers that match a planned set of functions (prisma/seed/function-plan.ts) and respect who
// can bill what (lib/domain/billing-eligibility.ts): an item the institution cannot meet is
// answered 0 / 無し; a function planned 有り gets one "anchor" item met (so it derives 有り) and
// some of its other eligible items; a function planned 無し gets none met, and 意向有り where the
// plan says so. For 1号 (rule allStarred) a planned 無し misses one ★ item, most often 院内掲示.
import type { TItem, TQuestionnaireDefinition, TOption } from "@/lib/questionnaire/definition";
import type { TAnswerValue } from "@/lib/questionnaire/answers";
import { canChooseOption, canMeetItem, type TInstitutionShape } from "@/lib/domain/billing-eligibility";
import type { TFunctionPlan, TFunctionTarget } from "./function-plan";
import type { TRandom } from "./random";

export type TPlannedProfile = { institution: TInstitutionShape; functions: TFunctionPlan };

export type TPlannedContext = TPlannedProfile & {
  /** Per function, the item that carries the plan (met for 有り, 意向有り for intent, the missed ★). */
  anchors: Map<string, string>;
  rules: Map<string, "allStarred" | "any">;
};

/** Besides the anchor, how often another eligible item of a function planned 有り is met. */
const OTHER_ITEM_MET = 0.5;
/** Besides the anchor, how often another item of a function planned 意向有り also says so. */
const OTHER_ITEM_INTENT = 0.3;
/** Non-★ 1号 items are rare: 総合診療専門医 a few per cent, the 研修 a minority. */
const NON_STAR_RATES: Record<string, number> = { gpSpecialist: 0.04, trainingCompleted: 0.3 };
/** When 1号 is missed, which ★ item is missing (院内掲示 is new and most often missing). */
const MISSED_STAR_WEIGHTS: Record<string, number> = {
  inHospitalNotice: 6,
  primaryCareAreas: 2,
  patientConsultation: 1,
};

export function prepareContext(
  def: TQuestionnaireDefinition,
  profile: TPlannedProfile,
  random: TRandom,
): TPlannedContext {
  const items = def.sections.flatMap((s) => s.items);
  const anchors = new Map<string, string>();
  const rules = new Map(def.functions.map((fn) => [fn.key, fn.rule] as const));
  for (const fn of def.functions) {
    const target = profile.functions[fn.key] ?? "none";
    const feeding = items.filter((item) => item.function === fn.key && !item.visibleWhen);
    const candidates: (readonly [TItem, number])[] =
      fn.rule === "allStarred"
        ? target === "has"
          ? []
          : feeding.filter((i) => i.star).map((i) => [i, MISSED_STAR_WEIGHTS[i.tag ?? ""] ?? 1] as const)
        : feeding
            .filter((i) => canCarry(i, target, profile.institution))
            .map((i) => [i, i.type === "single" && i.required ? 3 : 1] as const);
    // One fork per function: the anchors of one function do not depend on another's plan.
    if (candidates.length > 0) anchors.set(fn.key, random.fork(fn.key).weighted(candidates).key);
  }
  return { ...profile, anchors, rules };
}

/** Whether the item can make the function 有り (or 意向有り) for this institution. */
function canCarry(item: TItem, target: TFunctionTarget, institution: TInstitutionShape): boolean {
  if (target === "none" || !canMeetItem(item.label, institution)) return false;
  const status = target === "has" ? "has" : "intent";
  switch (item.type) {
    case "single":
    case "multi":
      return allowedOptions(item, institution).some((o) => o.status === status);
    case "yesno":
    case "integer":
    case "decimal":
      return target === "has";
    default:
      return false;
  }
}

function allowedOptions(item: Extract<TItem, { options: TOption[] }>, institution: TInstitutionShape): TOption[] {
  return item.options.filter((o) => canChooseOption(item.label, o.label, institution));
}

/**
 * The planned answer for an item that feeds a function, or undefined to let the ordinary
 * generator answer it (free text, partner lists, non-★ items it has no reason to steer).
 */
export function plannedValue(
  item: TItem,
  context: TPlannedContext,
  random: TRandom,
  positive: (item: Extract<TItem, { type: "integer" | "decimal" }>) => number,
): TAnswerValue | undefined {
  if (!item.function) return undefined;
  const target = context.functions[item.function] ?? "none";
  const isAnchor = context.anchors.get(item.function) === item.key;
  if (context.rules.get(item.function) === "allStarred") return starredValue(item, target, isAnchor, random);
  const eligible = canMeetItem(item.label, context.institution);
  const met = eligible && target === "has" && (isAnchor || random.chance(OTHER_ITEM_MET));
  const intent = eligible && target === "intent" && (isAnchor || random.chance(OTHER_ITEM_INTENT));
  switch (item.type) {
    case "yesno":
      return met;
    case "integer":
    case "decimal":
      return met ? positive(item) : Math.max(0, item.min);
    case "single": {
      const allowed = allowedOptions(item, context.institution);
      const status = met ? "has" : intent ? "intent" : "none";
      const pool = allowed.filter((o) => o.status === status);
      const fallback = allowed.filter((o) => o.status === "none");
      const choices = pool.length > 0 ? pool : fallback.length > 0 ? fallback : allowed;
      // Lower frequency bands are more common than the highest ones.
      return random.weighted(choices.map((o, i) => [o.code, 1 / (i + 1)] as const));
    }
    default:
      return undefined;
  }
}

function starredValue(
  item: TItem,
  target: TFunctionTarget,
  isAnchor: boolean,
  random: TRandom,
): TAnswerValue | undefined {
  const missed = target !== "has" && isAnchor;
  if (item.star) {
    if (item.type === "yesno") return !missed;
    if (item.type === "multi" && missed) {
      const exclusive = item.options.find((o) => o.exclusive);
      return exclusive ? [exclusive.code] : [];
    }
    return undefined; // met: the ordinary generator picks the areas
  }
  const rate = NON_STAR_RATES[item.tag ?? ""];
  if (rate === undefined) return undefined;
  if (item.type === "yesno") return random.chance(rate);
  if (item.type === "single") {
    const status = random.chance(rate) ? "has" : "none";
    return (item.options.find((o) => o.status === status) ?? item.options[0]!).code;
  }
  return undefined;
}
