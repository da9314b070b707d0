// From counters to the summary every dashboard, JSON endpoint, export and PDF packet shows.
// Everything is a count or a `{ count, n }` pair; nothing is divided, rounded or formatted here.
//
// Denominators:
// - `n` — reports counted: those with a submitted revision (or CONFIRMED only, with
//   confirmedOnly), of the chosen institution kind.
// - a function's rates use the reports whose version reports that function; an item's rates
//   use the reports whose version asks that item (`asked` = n − notAsked). With one definition
//   per cycle these equal n; they differ only when a cycle mixes versions, and then a version
//   that never asked the question does not count as "no".
// - "over 1号" rates use the number of counted reports with 1号 有り.
// - Answers that were hidden (notApplicable: 2号 items without 1号) or left empty (missing) stay
//   in the denominator as "not 有り", exactly as derive.ts treats them; they are reported beside
//   the rates so a screen can say so.
import type { TOptionStatus, TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { allItems, findItemByTag } from "@/lib/questionnaire/definition";
import {
  emptyAreaTally,
  emptyChoiceTally,
  emptyClinicTally,
  emptyCountTally,
  emptyFunctionTally,
  INSTITUTION_KINDS,
  INSTITUTION_KIND_LABELS,
  mergeClinicTally,
  type TClinicCounters,
  type TClinicTally,
  type TFunctionTally,
  type TInstitutionKind,
} from "./clinic-counters";
import {
  CHOICE_TAGS,
  COUNT_TAGS,
  FUNCTION_FALLBACK_LABELS,
  PRIMARY_CARE_AREAS,
  PRIMARY_CARE_AREAS_TAG,
  PRIMARY_FUNCTION_KEY,
} from "./clinic-tags";
import { UNKNOWN_POPULATION, type TPopulation } from "./population";
import { rate, type TPopulationRate, type TRate } from "./rate";
import {
  countedStatuses,
  emptyStatusCounts,
  RESPONSE_STATUSES,
  type TResponseStatus,
  type TStatusCounts,
} from "./status";

export type TKindFilter = "ALL" | TInstitutionKind;
export const KIND_FILTER_LABELS: Record<TKindFilter, string> = { ALL: "病院・診療所", ...INSTITUTION_KIND_LABELS };

export type TModeKey = "self" | "partner" | "both" | "unknown";
export const MODE_KEYS: readonly TModeKey[] = ["self", "partner", "both", "unknown"];
export const MODE_LABELS: Record<TModeKey, string> = {
  self: "自院",
  partner: "連携",
  both: "自院及び連携",
  unknown: "不明",
};

export type TModeShare = { overN: TRate; overPrimary: TRate };

export type TFunctionSummary = {
  key: string;
  label: string;
  shortLabel: string;
  isPrimary: boolean;
  /** Counted reports whose version reports this function (the denominator of has/intent). */
  n: number;
  /** 有り over n. */
  has: TRate;
  /** 有り (with 1号 有り) over the 1号 有り count. */
  hasOverPrimary: TRate;
  /**
   * Whether the questionnaire asks how this function is secured (an answer option carries a
   * 自院/連携 mode). 1号 and (ニ) do not: their modes are all "unknown" and are not shown.
   */
  reportsMode: boolean;
  /** 有り split by how it is secured; over n and over the 1号 有り count. */
  modes: Record<TModeKey, TModeShare>;
  /** 意向有り (not 有り, wants to): the recruitable pool, over n. */
  intent: TRate;
  /** Reports whose own items would make it 有り but 1号 is missing. */
  blockedByRequirement: number;
  /** 有り per 10,000 people aged 65+ / 75+ of the group (population null → rate null). */
  per10k65: TPopulationRate;
  per10k75: TPopulationRate;
};

export type TAreaSummaryRow = {
  code: string;
  label: string;
  /** Reports offering 一次診療 in the area, over the reports asked. */
  offered: TRate;
  /** Reports with 1号 有り offering the area, over the 1号 有り count. */
  offeredOverPrimary: TRate;
};

export type TAreaSummary = {
  /** Counted reports whose version asks the 17 areas. */
  asked: number;
  notApplicable: number;
  missing: number;
  answered: number;
  /** At least one area, over asked. */
  anyOffered: TRate;
  /** 該当無し, over asked. */
  noneSelected: TRate;
  /** Reports that gave a code their definition does not have. */
  unknownCode: number;
  /** The 17 areas in code order (then any other code seen). */
  areas: TAreaSummaryRow[];
};

export type TChoiceOptionSummary = {
  code: string;
  label: string;
  /** From the summary's definition; null for a code it does not have. */
  status: TOptionStatus | null;
  /** Over asked. */
  rate: TRate;
};

export type TChoiceSummary = {
  tag: string;
  label: string;
  /** The item's label in the summary's definition; null when that version does not ask it. */
  itemLabel: string | null;
  band: boolean;
  asked: number;
  notApplicable: number;
  missing: number;
  unknown: number;
  /** Answered with a 有り option, over asked. */
  has: TRate;
  /** Answered 無し(意向有り), over asked. */
  intent: TRate;
  options: TChoiceOptionSummary[];
};

export type TCountSummary = {
  tag: string;
  label: string;
  itemLabel: string | null;
  asked: number;
  notApplicable: number;
  missing: number;
  unknown: number;
  zero: number;
  /** Reports with a value above 0 ("institutions that do X"), over asked. */
  positive: TRate;
  sum: number;
};

export type TClinicSummary = {
  kind: TKindFilter;
  confirmedOnly: boolean;
  /** All respondents of the kind, whatever the filter. */
  status: TStatusCounts;
  /** Reports counted. */
  n: number;
  /** Counted reports by current status (with confirmedOnly, only CONFIRMED is non-zero). */
  nByStatus: Record<TResponseStatus, number>;
  population: TPopulation;
  /** The definition's functions in order (1号 first), then any other key the counters hold. */
  functions: TFunctionSummary[];
  areas: TAreaSummary;
  /** CHOICE_TAGS order; `band` marks the frequency-band items. */
  choices: TChoiceSummary[];
  counts: TCountSummary[];
};

export type TClinicSummaryOptions = {
  /** 病院, 診療所 or both (default). */
  kind?: TKindFilter;
  /** Count CONFIRMED reports only (status counts still show every status). */
  confirmedOnly?: boolean;
  /** The group's population (sumPopulations over its municipalities); omitted = unknown. */
  population?: TPopulation | null;
  /**
   * The cycle's definition, for labels and order only — counting already happened against each
   * report's own version. Omitted: fallback labels and code order.
   */
  definition?: Pick<TQuestionnaireDefinition, "sections" | "functions"> | null;
};

const kindsOf = (kind: TKindFilter): readonly TInstitutionKind[] => (kind === "ALL" ? INSTITUTION_KINDS : [kind]);

export function summarizeClinic(counters: TClinicCounters, options: TClinicSummaryOptions = {}): TClinicSummary {
  const kind = options.kind ?? "ALL";
  const confirmedOnly = options.confirmedOnly ?? false;
  const population = options.population ?? UNKNOWN_POPULATION;
  const definition = options.definition ?? null;

  const status = emptyStatusCounts();
  const nByStatus = emptyStatusCounts().byStatus;
  const counted = new Set(countedStatuses(confirmedOnly));
  let tally = emptyClinicTally();
  for (const k of kindsOf(kind)) {
    const cells = counters.cells[k];
    if (!cells) continue;
    for (const s of RESPONSE_STATUSES) {
      const cell = cells[s];
      if (!cell) continue;
      status.respondents += cell.respondents;
      status.byStatus[s] += cell.respondents;
      status.withRevision += cell.n;
      if (!counted.has(s)) continue;
      nByStatus[s] += cell.n;
      tally = mergeClinicTally(tally, cell, 1);
    }
  }

  return {
    kind,
    confirmedOnly,
    status,
    n: tally.n,
    nByStatus,
    population: { ...population },
    functions: summarizeFunctions(tally, definition, population),
    areas: summarizeAreas(tally, definition),
    choices: summarizeChoices(tally, definition),
    counts: summarizeCounts(tally, definition),
  };
}

/** The three kind filters at once (e.g. for a packet that shows 病院 and 診療所 side by side). */
export function summarizeClinicByKind(
  counters: TClinicCounters,
  options: Omit<TClinicSummaryOptions, "kind"> = {},
): Record<TKindFilter, TClinicSummary> {
  return {
    ALL: summarizeClinic(counters, { ...options, kind: "ALL" }),
    HOSPITAL: summarizeClinic(counters, { ...options, kind: "HOSPITAL" }),
    CLINIC: summarizeClinic(counters, { ...options, kind: "CLINIC" }),
  };
}

export function findFunction(summary: TClinicSummary, key: string): TFunctionSummary | undefined {
  return summary.functions.find((f) => f.key === key);
}

export function findChoice(summary: TClinicSummary, tag: string): TChoiceSummary | undefined {
  return summary.choices.find((c) => c.tag === tag);
}

export function findCount(summary: TClinicSummary, tag: string): TCountSummary | undefined {
  return summary.counts.find((c) => c.tag === tag);
}

// ---- Parts ------------------------------------------------------------------------------------

type TDef = Pick<TQuestionnaireDefinition, "sections" | "functions"> | null;

/** The functions whose items have an answer option saying how the function is secured. */
function modeFunctions(def: NonNullable<TDef>): Set<string> {
  const keys = new Set<string>();
  for (const item of allItems(def))
    if (item.function && "options" in item && item.options.some((o) => o.mode)) keys.add(item.function);
  return keys;
}

function summarizeFunctions(tally: TClinicTally, def: TDef, population: TPopulation): TFunctionSummary[] {
  const keys = [...(def?.functions.map((f) => f.key) ?? [])];
  for (const key of Object.keys(FUNCTION_FALLBACK_LABELS)) if (!def && !keys.includes(key)) keys.push(key);
  for (const key of Object.keys(tally.functions).sort()) if (!keys.includes(key)) keys.push(key);
  // 1号 first, whatever the definition's order.
  keys.sort((a, b) => Number(b === PRIMARY_FUNCTION_KEY) - Number(a === PRIMARY_FUNCTION_KEY));

  const primaryCount = tally.functions[PRIMARY_FUNCTION_KEY]?.has ?? 0;
  return keys.map((key) => {
    const t: TFunctionTally = tally.functions[key] ?? emptyFunctionTally();
    const fn = def?.functions.find((f) => f.key === key);
    const fallback = FUNCTION_FALLBACK_LABELS[key];
    const mode = (overN: number, overPrimary: number): TModeShare => ({
      overN: rate(overN, t.reported),
      overPrimary: rate(overPrimary, primaryCount),
    });
    return {
      key,
      label: fn?.label ?? fallback?.label ?? key,
      shortLabel: fn?.shortLabel ?? fallback?.shortLabel ?? key,
      isPrimary: key === PRIMARY_FUNCTION_KEY,
      n: t.reported,
      has: rate(t.has, t.reported),
      hasOverPrimary: rate(t.primaryHas, primaryCount),
      reportsMode: def ? modeFunctions(def).has(key) : t.self + t.partner + t.both > 0,
      modes: {
        self: mode(t.self, t.primarySelf),
        partner: mode(t.partner, t.primaryPartner),
        both: mode(t.both, t.primaryBoth),
        unknown: mode(t.unknownMode, t.primaryUnknownMode),
      },
      intent: rate(t.intent, t.reported),
      blockedByRequirement: t.blocked,
      per10k65: { count: t.has, population: population.age65 },
      per10k75: { count: t.has, population: population.age75 },
    };
  });
}

function byCodeOrder(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function summarizeAreas(tally: TClinicTally, def: TDef): TAreaSummary {
  const t = tally.areas ?? emptyAreaTally();
  const asked = tally.n - t.notAsked;
  const primaryCount = tally.functions[PRIMARY_FUNCTION_KEY]?.has ?? 0;
  const item = def ? findItemByTag(def, PRIMARY_CARE_AREAS_TAG) : undefined;
  const listed: { code: string; label: string }[] =
    item && "options" in item
      ? item.options.filter((o) => o.status === "has").map((o) => ({ code: o.code, label: o.label }))
      : [...PRIMARY_CARE_AREAS];
  const extra = Object.keys(t.offered)
    .filter((code) => !listed.some((a) => a.code === code))
    .sort(byCodeOrder)
    .map((code) => ({ code, label: code }));
  return {
    asked,
    notApplicable: t.notApplicable,
    missing: t.missing,
    answered: t.answered,
    anyOffered: rate(t.anyOffered, asked),
    noneSelected: rate(t.noneSelected, asked),
    unknownCode: t.unknownCode,
    areas: [...listed, ...extra].map(({ code, label }) => ({
      code,
      label,
      offered: rate(t.offered[code] ?? 0, asked),
      offeredOverPrimary: rate(t.offeredWithPrimary[code] ?? 0, primaryCount),
    })),
  };
}

function summarizeChoices(tally: TClinicTally, def: TDef): TChoiceSummary[] {
  return CHOICE_TAGS.map((spec) => {
    const t = tally.choices[spec.tag] ?? emptyChoiceTally();
    // Reports not yet counted have no entry: they are neither asked nor not asked.
    const asked = tally.choices[spec.tag] ? tally.n - t.notAsked : 0;
    const item = def ? findItemByTag(def, spec.tag) : undefined;
    const listed: { code: string; label: string; status: TOptionStatus | null }[] =
      item?.type === "single"
        ? item.options.map((o) => ({ code: o.code, label: o.label, status: o.status ?? null }))
        : item?.type === "yesno"
          ? [
              { code: "yes", label: item.yesLabel, status: "has" },
              { code: "no", label: item.noLabel, status: "none" },
            ]
          : [];
    const extra = Object.keys(t.byCode)
      .filter((code) => !listed.some((o) => o.code === code))
      .sort(byCodeOrder)
      .map((code) => ({ code, label: code, status: null }));
    return {
      tag: spec.tag,
      label: spec.label,
      itemLabel: item?.label ?? null,
      band: spec.band,
      asked,
      notApplicable: t.notApplicable,
      missing: t.missing,
      unknown: t.unknown,
      has: rate(t.has, asked),
      intent: rate(t.intent, asked),
      options: [...listed, ...extra].map((o) => ({ ...o, rate: rate(t.byCode[o.code] ?? 0, asked) })),
    };
  });
}

function summarizeCounts(tally: TClinicTally, def: TDef): TCountSummary[] {
  return COUNT_TAGS.map((spec) => {
    const t = tally.counts[spec.tag] ?? emptyCountTally();
    const asked = tally.counts[spec.tag] ? tally.n - t.notAsked : 0;
    const item = def ? findItemByTag(def, spec.tag) : undefined;
    return {
      tag: spec.tag,
      label: spec.label,
      itemLabel: item?.label ?? null,
      asked,
      notApplicable: t.notApplicable,
      missing: t.missing,
      unknown: t.unknown,
      zero: t.zero,
      positive: rate(t.positive, asked),
      sum: t.sum,
    };
  });
}
