// Additive counters for the かかりつけ医機能報告 (docs/decisions/0009-aggregation.md).
//
//   countClinicReport(report)  → the counters of one respondent (one institution, one cycle)
//   addClinicCounters(a, b)    → a + b   (associative and commutative; emptyClinicCounters() is 0)
//   summarizeClinic(counters)  → TClinicSummary (clinic-summary.ts)
//
// Counters are plain JSON (no Maps, Dates or classes) so they can be stored per
// (cycle, municipality, institution kind, status) and merged in any grouping: a zone's counters
// are the sum of its municipalities', a prefecture's the sum of its zones'. Inside, they are split
// by institution kind and by response status, so one stored object can answer 病院/診療所/both
// and "confirmed only" without recounting.
//
// One report counts in the function summaries when it has a submitted revision; its figures come
// from that revision: the stored derived status (what the respondent saw at submission) for the
// functions, and the revision's answers — found by item tag in the revision's own definition
// version — for the 17 areas, the frequency bands and the counts.
import { findItemByTag, type TItem, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { isEmptyAnswer, type TAnswers, type TAnswerValue } from "@/lib/questionnaire/answers";
import { functionFlags, type TDerivedStatus, type TFunctionStatus } from "@/lib/questionnaire/derive";
import { computeVisibility, type TVisibility } from "@/lib/questionnaire/visibility";
import { CHOICE_TAGS, COUNT_TAGS, PRIMARY_CARE_AREAS_TAG, PRIMARY_FUNCTION_KEY } from "./clinic-tags";
import type { TResponseStatus } from "./status";
import type { TInstitutionKind } from "@/lib/domain/institution-kinds";
import { increment } from "./merge";
import { sumClinicCounters } from "./clinic-counters-sum";

/** Layout version of the stored JSON. Bump it when the layout changes; stored rows must be recounted. */
export const CLINIC_COUNTERS_FORMAT = 1;

export { INSTITUTION_KINDS, INSTITUTION_KIND_LABELS, type TInstitutionKind } from "@/lib/domain/institution-kinds";

// ---- Tallies ----------------------------------------------------------------------------------

/**
 * One derived function over the counted reports. `reported`: reports whose version has the
 * function. Modes split `has` into 自院 / 連携 / 自院及び連携 / 不明 (no answer says how). The
 * primary* fields repeat has and its split for reports that also have 1号 有り (the "over 1号"
 * rates stay exact even for a function a definition does not gate on 1号).
 */
export type TFunctionTally = {
  reported: number;
  has: number;
  self: number;
  partner: number;
  both: number;
  unknownMode: number;
  /** 意向有り: not 有り, but an answer says 無し(意向有り) — the recruitable pool. */
  intent: number;
  /** The function's own items would make it 有り but 1号 is missing. */
  blocked: number;
  primaryHas: number;
  primarySelf: number;
  primaryPartner: number;
  primaryBoth: number;
  primaryUnknownMode: number;
};

/**
 * Where an item stands in one report. Every counted report is in exactly one state per tracked
 * item, so notAsked + notApplicable + missing + (answered…) = n:
 * - notAsked: the report's definition version has no item with this tag;
 * - notApplicable: the item was hidden for these answers (e.g. 2号 sections without 1号);
 * - missing: shown but not answered;
 * - answered: split further by the tally.
 */
export type TAreaTally = {
  notAsked: number;
  notApplicable: number;
  missing: number;
  answered: number;
  /** Answered with at least one area (an option whose status is "has"). */
  anyOffered: number;
  /** Answered with 該当無し (a known option that is not "has") and no area. */
  noneSelected: number;
  /** Answered with at least one code the definition does not have (may overlap the two above). */
  unknownCode: number;
  /** area code → reports offering 一次診療 in it. */
  offered: Record<string, number>;
  /** area code → reports offering it that also have 1号 有り. */
  offeredWithPrimary: Record<string, number>;
};

export type TChoiceTally = {
  notAsked: number;
  notApplicable: number;
  missing: number;
  /** Answered with a code the item does not have. */
  unknown: number;
  /** Answered with an option whose status is "has" / "intent" (in the report's own version). */
  has: number;
  intent: number;
  /** Answer code → reports (yes/no items: "yes" / "no"). Known codes only. */
  byCode: Record<string, number>;
};

export type TCountTally = {
  notAsked: number;
  notApplicable: number;
  missing: number;
  /** Answered with something that is not a non-negative number. */
  unknown: number;
  zero: number;
  positive: number;
  /** Sum of the answered values (e.g. total 算定回数). */
  sum: number;
};

export type TClinicTally = {
  /** Respondents in this cell (with or without a revision). */
  respondents: number;
  /** Of those, reports with a submitted revision: the reports counted below. */
  n: number;
  functions: Record<string, TFunctionTally>;
  areas: TAreaTally;
  /** By tag (CHOICE_TAGS); present once a report has been counted. */
  choices: Record<string, TChoiceTally>;
  /** By tag (COUNT_TAGS). */
  counts: Record<string, TCountTally>;
};

export type TClinicCells = { [K in TInstitutionKind]?: { [S in TResponseStatus]?: TClinicTally } };

export type TClinicCounters = {
  format: typeof CLINIC_COUNTERS_FORMAT;
  /** institution kind → response status → tally; absent cells are zero. */
  cells: TClinicCells;
};

// ---- Input ------------------------------------------------------------------------------------

/** The latest submitted revision of a report, with the definition version it was answered on. */
export type TClinicRevision = {
  definition: Pick<TQuestionnaireDefinition, "sections" | "functions">;
  /** The revision's answers (SubmissionRevision.answers) — not the working copy being amended. */
  answers: TAnswers;
  /** The derived status stored with the revision (SubmissionRevision.derived / Submission.derived). */
  derived: TDerivedStatus;
};

export type TClinicReportInput = {
  kind: TInstitutionKind;
  /** NOT_STARTED for an active institution without a Submission row. */
  status: TResponseStatus;
  /** null when the report has never been submitted (revision 0). */
  revision: TClinicRevision | null;
};

// ---- Empty values -------------------------------------------------------------------------------

export function emptyClinicCounters(): TClinicCounters {
  return { format: CLINIC_COUNTERS_FORMAT, cells: {} };
}

export const emptyFunctionTally = (): TFunctionTally => ({
  reported: 0,
  has: 0,
  self: 0,
  partner: 0,
  both: 0,
  unknownMode: 0,
  intent: 0,
  blocked: 0,
  primaryHas: 0,
  primarySelf: 0,
  primaryPartner: 0,
  primaryBoth: 0,
  primaryUnknownMode: 0,
});

export const emptyAreaTally = (): TAreaTally => ({
  notAsked: 0,
  notApplicable: 0,
  missing: 0,
  answered: 0,
  anyOffered: 0,
  noneSelected: 0,
  unknownCode: 0,
  offered: {},
  offeredWithPrimary: {},
});

export const emptyChoiceTally = (): TChoiceTally => ({
  notAsked: 0,
  notApplicable: 0,
  missing: 0,
  unknown: 0,
  has: 0,
  intent: 0,
  byCode: {},
});

export const emptyCountTally = (): TCountTally => ({
  notAsked: 0,
  notApplicable: 0,
  missing: 0,
  unknown: 0,
  zero: 0,
  positive: 0,
  sum: 0,
});

export const emptyClinicTally = (): TClinicTally => ({
  respondents: 0,
  n: 0,
  functions: {},
  areas: emptyAreaTally(),
  choices: {},
  counts: {},
});

// ---- Counting one report ------------------------------------------------------------------------

/** The counters of one respondent. Pure; the definition's tag lookups are cached per definition object. */
export function countClinicReport(report: TClinicReportInput): TClinicCounters {
  if (report.status === "NOT_STARTED" && report.revision) {
    throw new Error("未着手（提出データなし）の報告に提出版が渡されました。");
  }
  const tally = emptyClinicTally();
  tally.respondents = 1;
  if (report.revision) addRevision(tally, report.revision);
  return { format: CLINIC_COUNTERS_FORMAT, cells: { [report.kind]: { [report.status]: tally } } };
}

/** Counts many reports at once (the same result as adding countClinicReport of each). */
export function countClinicReports(reports: Iterable<TClinicReportInput>): TClinicCounters {
  const counted = function* () {
    for (const report of reports) yield countClinicReport(report);
  };
  return sumClinicCounters(counted());
}

type TTaggedItems = {
  areas: TItem | undefined;
  choices: Map<string, TItem | undefined>;
  counts: Map<string, TItem | undefined>;
};

const tagCache = new WeakMap<object, TTaggedItems>();

function taggedItems(def: Pick<TQuestionnaireDefinition, "sections">): TTaggedItems {
  const cached = tagCache.get(def);
  if (cached) return cached;
  const found: TTaggedItems = {
    areas: findItemByTag(def, PRIMARY_CARE_AREAS_TAG),
    choices: new Map(CHOICE_TAGS.map((s) => [s.tag, findItemByTag(def, s.tag)])),
    counts: new Map(COUNT_TAGS.map((s) => [s.tag, findItemByTag(def, s.tag)])),
  };
  tagCache.set(def, found);
  return found;
}

type TItemState = "notAsked" | "notApplicable" | "missing" | "answered";

function itemState(item: TItem | undefined, visibility: TVisibility, value: TAnswerValue): TItemState {
  if (!item) return "notAsked";
  if (!visibility.items.has(item.key)) return "notApplicable";
  return isEmptyAnswer(value) ? "missing" : "answered";
}

function addRevision(tally: TClinicTally, revision: TClinicRevision): void {
  const { definition, answers, derived } = revision;
  const items = taggedItems(definition);
  // The stored derived status is the fixpoint of visibility and functions (derive.ts), so one
  // visibility pass with its flags gives exactly what the respondent saw.
  const visibility = computeVisibility(definition, answers, functionFlags(derived));
  const primary = derived.functions[PRIMARY_FUNCTION_KEY]?.has === true;

  tally.n += 1;
  for (const [key, status] of Object.entries(derived.functions)) tally.functions[key] = functionTally(status, primary);

  const areaValue = items.areas ? answers[items.areas.key] : undefined;
  addArea(tally.areas, items.areas, itemState(items.areas, visibility, areaValue), areaValue, primary);

  for (const [tag, item] of items.choices) {
    const choice = (tally.choices[tag] ??= emptyChoiceTally());
    const value = item ? answers[item.key] : undefined;
    addChoice(choice, item, itemState(item, visibility, value), value);
  }
  for (const [tag, item] of items.counts) {
    const count = (tally.counts[tag] ??= emptyCountTally());
    const value = item ? answers[item.key] : undefined;
    addCount(count, item, itemState(item, visibility, value), value);
  }
}

const MODE_FIELDS = {
  self: ["self", "primarySelf"],
  partner: ["partner", "primaryPartner"],
  both: ["both", "primaryBoth"],
  unknown: ["unknownMode", "primaryUnknownMode"],
} as const satisfies Record<string, readonly [keyof TFunctionTally, keyof TFunctionTally]>;

function functionTally(status: TFunctionStatus, primary: boolean): TFunctionTally {
  const t = emptyFunctionTally();
  t.reported = 1;
  t.intent = status.intent && !status.has ? 1 : 0;
  t.blocked = status.blockedByRequirement ? 1 : 0;
  if (!status.has) return t;
  const [field, primaryField] = MODE_FIELDS[status.mode ?? "unknown"];
  t.has = 1;
  t[field] = 1;
  if (primary) {
    t.primaryHas = 1;
    t[primaryField] = 1;
  }
  return t;
}

function codesOf(value: TAnswerValue): string[] | null {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [...new Set(value as string[])];
  return null;
}

/** Records a state other than "answered"; returns the item when the answer is to be read. */
function skipUnanswered(
  t: Record<Exclude<TItemState, "answered">, number>,
  item: TItem | undefined,
  state: TItemState,
): TItem | null {
  if (state === "answered" && item) return item;
  if (state !== "answered") t[state] += 1;
  return null;
}

function addArea(
  t: TAreaTally,
  areaItem: TItem | undefined,
  state: TItemState,
  value: TAnswerValue,
  primary: boolean,
): void {
  const item = skipUnanswered(t, areaItem, state);
  if (!item) return;
  t.answered += 1;
  const codes = codesOf(value);
  if (!codes) {
    t.unknownCode += 1;
    return;
  }
  const options = "options" in item ? item.options : [];
  let offered = false;
  let knownOther = false;
  let unknown = false;
  for (const code of codes) {
    const option = options.find((o) => o.code === code);
    if (!option) unknown = true;
    else if (option.status === "has") {
      offered = true;
      increment(t.offered, code);
      if (primary) increment(t.offeredWithPrimary, code);
    } else knownOther = true;
  }
  if (offered) t.anyOffered += 1;
  else if (knownOther) t.noneSelected += 1;
  if (unknown) t.unknownCode += 1;
}

function addChoice(t: TChoiceTally, choiceItem: TItem | undefined, state: TItemState, value: TAnswerValue): void {
  const item = skipUnanswered(t, choiceItem, state);
  if (!item) return;
  if (item.type === "yesno" && typeof value === "boolean") {
    increment(t.byCode, value ? "yes" : "no");
    if (value) t.has += 1;
    return;
  }
  if (item.type === "single" && typeof value === "string") {
    const option = item.options.find((o) => o.code === value);
    if (option) {
      increment(t.byCode, option.code);
      if (option.status === "has") t.has += 1;
      if (option.status === "intent") t.intent += 1;
      return;
    }
  }
  t.unknown += 1;
}

function addCount(t: TCountTally, countItem: TItem | undefined, state: TItemState, value: TAnswerValue): void {
  if (!skipUnanswered(t, countItem, state)) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) t.unknown += 1;
  else if (value === 0) t.zero += 1;
  else {
    t.positive += 1;
    t.sum += value;
  }
}

// Adding, subtracting and the delta of one report: clinic-counters-sum.ts.
export * from "./clinic-counters-sum";
