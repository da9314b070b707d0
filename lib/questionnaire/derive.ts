// Derived function status — the one place where the official rules live
// (かかりつけ医機能報告マニュアル p.7, ガイドライン p.17; ../shared/domain/README.md):
// - 1号機能 (rule "allStarred") is 有り only when every ★ item is met.
// - each 2号 function (rule "any") is 有り when any one of its items is 実施している / 実績がある.
// - a function with `requires` (2号 → 1号) is 有り only when the required function is.
// - 意向有り: the function is not 有り, but an answer says 無し(意向有り) — the recruitable pool.
// Which answers count as met is data (option.status, counts > 0, yes); the rules are code.
import type { TItem, TProvisionMode, TQuestionnaireDefinition } from "./definition";
import { itemIndex } from "./definition";
import type { TAnswers, TAnswerValue } from "./answers";
import type { TFunctionFlags } from "./conditions";
import { computeVisibility, type TVisibility } from "./visibility";

export type TFunctionStatus = {
  has: boolean;
  intent: boolean;
  /** How the function is secured when 有り: 自院 / 連携 / 自院及び連携; null when no answer says. */
  mode: TProvisionMode | null;
  /** True when the items alone would make it 有り but the required function (1号) is missing. */
  blockedByRequirement: boolean;
  /** For "allStarred": the ★ items not met (keys), so the form can say what is missing. */
  unmetStarred: string[];
  /** Items that are met (keys). */
  metItems: string[];
};

export type TDerivedStatus = {
  functions: Record<string, TFunctionStatus>;
};

export type TItemOutcome = { met: boolean; intent: boolean; modes: TProvisionMode[] };

const NOT_MET: TItemOutcome = { met: false, intent: false, modes: [] };

/** What one answer means for the function its item feeds. */
export function itemOutcome(item: TItem, value: TAnswerValue): TItemOutcome {
  if (value === undefined || value === null) return NOT_MET;
  switch (item.type) {
    case "single": {
      const option = item.options.find((o) => o.code === value);
      if (!option) return NOT_MET;
      return {
        met: option.status === "has",
        intent: option.status === "intent",
        modes: option.mode ? [option.mode] : [],
      };
    }
    case "multi": {
      if (!Array.isArray(value)) return NOT_MET;
      const chosen = item.options.filter((o) => (value as unknown[]).includes(o.code));
      return {
        met: chosen.some((o) => o.status === "has"),
        intent: chosen.some((o) => o.status === "intent"),
        modes: chosen.flatMap((o) => (o.mode ? [o.mode] : [])),
      };
    }
    case "yesno":
      return { met: value === true, intent: false, modes: [] };
    case "integer":
    case "decimal":
      // A count is 実績がある when it is above zero.
      return { met: typeof value === "number" && value > 0, intent: false, modes: [] };
    case "text":
    case "date":
    case "partners":
    case "group":
      // Free text (特記事項), dates, partner lists and tables never decide 有り on their own.
      return NOT_MET;
  }
}

export function combineModes(modes: readonly TProvisionMode[]): TProvisionMode | null {
  const self = modes.some((m) => m === "self" || m === "both");
  const partner = modes.some((m) => m === "partner" || m === "both");
  if (self && partner) return "both";
  if (self) return "self";
  if (partner) return "partner";
  return null;
}

/** Status of every function, taking visibility into account (hidden answers do not count). */
export function deriveStatus(
  def: Pick<TQuestionnaireDefinition, "sections" | "functions">,
  answers: TAnswers,
): TDerivedStatus {
  return evaluateAnswers(def, answers).derived;
}

/**
 * Visibility and derived status together. Visibility can depend on derived functions (the 2号
 * sections show only with 1号) and functions depend on which items are visible, so both are
 * iterated to a fixpoint; with acyclic definitions this takes (longest `requires` chain + 2)
 * passes at most.
 */
export function evaluateAnswers(
  def: Pick<TQuestionnaireDefinition, "sections" | "functions">,
  answers: TAnswers,
): { derived: TDerivedStatus; visibility: TVisibility } {
  let flags: TFunctionFlags | undefined;
  let visibility = computeVisibility(def, answers, flags);
  let derived = deriveWithVisibility(def, answers, visibility);
  for (let pass = 0; pass <= def.functions.length + 1; pass++) {
    const next = functionFlags(derived);
    if (flags && sameFlags(flags, next)) break;
    flags = next;
    visibility = computeVisibility(def, answers, flags);
    derived = deriveWithVisibility(def, answers, visibility);
  }
  return { derived, visibility };
}

export function functionFlags(derived: TDerivedStatus): TFunctionFlags {
  return Object.fromEntries(Object.entries(derived.functions).map(([key, s]) => [key, s.has]));
}

function deriveWithVisibility(
  def: Pick<TQuestionnaireDefinition, "sections" | "functions">,
  answers: TAnswers,
  visibility: TVisibility,
): TDerivedStatus {
  const items = [...itemIndex(def).values()];
  const raw = new Map<string, Omit<TFunctionStatus, "blockedByRequirement">>();

  for (const fn of def.functions) {
    const feeding = items.filter((item) => item.function === fn.key);
    const visible = feeding.filter((item) => visibility.items.has(item.key));
    const outcomes = visible.map((item) => ({ item, outcome: itemOutcome(item, answers[item.key]) }));
    const metItems = outcomes.filter((o) => o.outcome.met).map((o) => o.item.key);

    let has: boolean;
    let unmetStarred: string[] = [];
    if (fn.rule === "allStarred") {
      const starred = feeding.filter((item) => item.star);
      // A hidden ★ item cannot be met; and no ★ items at all never makes a function 有り.
      unmetStarred = starred.filter((item) => !metItems.includes(item.key)).map((item) => item.key);
      has = starred.length > 0 && unmetStarred.length === 0;
    } else {
      has = metItems.length > 0;
    }
    const modes = outcomes.filter((o) => o.outcome.met).flatMap((o) => o.outcome.modes);
    raw.set(fn.key, {
      has,
      intent: !has && outcomes.some((o) => o.outcome.intent),
      mode: has ? combineModes(modes) : null,
      unmetStarred,
      metItems,
    });
  }

  const resolved = new Map<string, TFunctionStatus>();
  const resolve = (key: string, seen: Set<string>): TFunctionStatus => {
    const done = resolved.get(key);
    if (done) return done;
    const fn = def.functions.find((f) => f.key === key);
    const base = raw.get(key);
    if (!fn || !base) throw new Error(`unknown function ${key}`);
    let status: TFunctionStatus = { ...base, blockedByRequirement: false };
    if (fn.requires && !seen.has(fn.requires)) {
      const required = resolve(fn.requires, new Set([...seen, key]));
      if (!required.has) {
        status = { ...base, has: false, mode: null, blockedByRequirement: base.has };
      }
    }
    resolved.set(key, status);
    return status;
  };
  for (const fn of def.functions) resolve(fn.key, new Set([fn.key]));
  return { functions: Object.fromEntries(resolved) };
}

function sameFlags(a: TFunctionFlags, b: TFunctionFlags): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? false) === (b[k] ?? false));
}
