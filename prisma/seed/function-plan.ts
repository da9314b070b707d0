// Which functions a fictional institution really has, decided before any answer is generated:
// answers are then written to match (prisma/seed/answers.ts). Deciding the function first, not
// item by item, keeps the shares stable across questionnaire versions with more or fewer items
// (a function is 有り when ANY of its items is met, so item-by-item chance inflates it with every
// item added) and lets one institution change little from one year to the next.
//
// The shares are approximations, labelled as such in the README ("Where the demo figures come
// from"); they follow the published shape, not exact figures (see the comments per function).
import type { TInstitutionShape } from "@/lib/domain/billing-eligibility";
import type { TRandom } from "./random";

export type TFunctionTarget = "has" | "intent" | "none";
export type TFunctionPlan = Record<string, TFunctionTarget>;

/** Hospital, clinic with beds (有床診療所), clinic without beds (無床診療所). */
export type TInstitutionClass = "HOSPITAL" | "BEDDED_CLINIC" | "CLINIC";

export function institutionClass(institution: TInstitutionShape): TInstitutionClass {
  if (institution.kind === "HOSPITAL") return "HOSPITAL";
  return (institution.beds ?? 0) > 0 ? "BEDDED_CLINIC" : "CLINIC";
}

/**
 * Share of institutions with the function 有り (the 2号 shares are among 1号 有り institutions,
 * who alone report 2号), in the earlier of the two demo years.
 */
export const FUNCTION_SHARES: Record<string, Record<TInstitutionClass, number>> = {
  // 1号: 院内掲示 is the ★ item most often missing in a first cycle; hospitals that mainly take
  // referrals more often lack 一次診療 or say so.
  f1: { CLINIC: 0.8, BEDDED_CLINIC: 0.82, HOSPITAL: 0.68 },
  // (イ) 時間外: most hospitals bill 時間外/休日/深夜加算; about half of clinics have 時間外対応加算
  // or take part in 在宅当番医制.
  f2i: { CLINIC: 0.5, BEDDED_CLINIC: 0.62, HOSPITAL: 0.86 },
  // (ロ) 入退院: inpatient fees for institutions with beds; a clinic without beds only through
  // partner backup beds, a 退院ルール or 共同指導.
  f2ro: { CLINIC: 0.18, BEDDED_CLINIC: 0.72, HOSPITAL: 0.9 },
  // (ハ) 在宅: 在宅療養支援診療所 are roughly one clinic in seven nationally; with clinics that
  // visit without the standard or secure it through partners, about a third.
  f2ha: { CLINIC: 0.32, BEDDED_CLINIC: 0.45, HOSPITAL: 0.52 },
  // (ニ) 介護連携: 主治医意見書 is written by most institutions that see older patients.
  f2ni: { CLINIC: 0.72, BEDDED_CLINIC: 0.78, HOSPITAL: 0.84 },
};

/** How much each share grows from one year to the next (a few points: the 院内掲示 spreads, …). */
export const YEARLY_GROWTH: Record<string, number> = { f1: 0.03, f2i: 0.015, f2ro: 0.015, f2ha: 0.02, f2ni: 0.01 };

/** Of those without the function, the share that answers 無し(意向有り). */
export const INTENT_SHARE = 0.2;

/**
 * One institution's standing per function, fixed for all years: a number in [0, 1); it has the
 * function in a year when the number is below that year's share. Drawn once, so a year later the
 * same institutions keep their functions and a few more gain one.
 */
export function functionPropensities(random: TRandom): Record<string, number> {
  return Object.fromEntries(Object.keys(FUNCTION_SHARES).map((fn) => [fn, random.next()]));
}

export type TPlanContext = {
  institution: TInstitutionShape;
  propensities: Record<string, number>;
  /** 0 for the earlier demo year, 1 for the next, … */
  yearIndex: number;
  /** Added to every share: the zone's (or municipality's) difference from the prefecture. */
  regional?: Record<string, number> | number;
};

export function planFunctions(context: TPlanContext): TFunctionPlan {
  const cls = institutionClass(context.institution);
  const plan: TFunctionPlan = {};
  for (const [fn, shares] of Object.entries(FUNCTION_SHARES)) {
    const regional = typeof context.regional === "number" ? context.regional : (context.regional?.[fn] ?? 0);
    const share = clamp01(shares[cls] + regional + context.yearIndex * (YEARLY_GROWTH[fn] ?? 0));
    const u = context.propensities[fn] ?? 0.5;
    plan[fn] = u < share ? "has" : u < share + INTENT_SHARE * (1 - share) ? "intent" : "none";
  }
  return plan;
}

/** A zone's difference from the prefecture per function, within ±`spread` (deterministic). */
export function regionalOffsets(random: TRandom, spread = 0.07): Record<string, number> {
  return Object.fromEntries(Object.keys(FUNCTION_SHARES).map((fn) => [fn, (random.next() * 2 - 1) * spread]));
}

function clamp01(value: number): number {
  return Math.min(0.98, Math.max(0.02, value));
}
