// Sums and differences of the additive clinic counters (docs/decisions/0009-aggregation.md): a
// zone is the sum of its municipalities, a changed report is its new counters minus its old ones.
// Split from clinic-counters.ts, which counts one report; re-exported from there.
import { RESPONSE_STATUSES } from "./status";
import { INSTITUTION_KINDS } from "@/lib/domain/institution-kinds";
import {
  checkFormat,
  isZeroFlat,
  mergeCounts,
  mergeFlat,
  mergeKeyed,
  signedDifference,
  type TSign,
  type TSignedTree,
} from "./merge";
import {
  CLINIC_COUNTERS_FORMAT,
  emptyChoiceTally,
  emptyClinicCounters,
  emptyClinicTally,
  emptyCountTally,
  emptyFunctionTally,
  type TAreaTally,
  type TChoiceTally,
  type TClinicCells,
  type TClinicCounters,
  type TClinicTally,
  type TCountTally,
  type TFunctionTally,
} from "./clinic-counters";

// ---- Adding and subtracting ---------------------------------------------------------------------

export const mergeFunctionTally = (a: TFunctionTally, b: TFunctionTally, sign: TSign) => mergeFlat(a, b, sign);
export const mergeChoiceTally = (a: TChoiceTally, b: TChoiceTally, sign: TSign): TChoiceTally => {
  const { byCode: ac, ...af } = a;
  const { byCode: bc, ...bf } = b;
  return { ...mergeFlat(af, bf, sign), byCode: mergeCounts(ac, bc, sign) };
};
export const mergeCountTally = (a: TCountTally, b: TCountTally, sign: TSign) => mergeFlat(a, b, sign);

export function mergeAreaTally(a: TAreaTally, b: TAreaTally, sign: TSign): TAreaTally {
  const { offered: ao, offeredWithPrimary: ap, ...af } = a;
  const { offered: bo, offeredWithPrimary: bp, ...bf } = b;
  return {
    ...mergeFlat(af, bf, sign),
    offered: mergeCounts(ao, bo, sign),
    offeredWithPrimary: mergeCounts(ap, bp, sign),
  };
}

const isZeroChoice = (t: TChoiceTally) => {
  const { byCode, ...flat } = t;
  return isZeroFlat(flat) && Object.keys(byCode).length === 0;
};

export function mergeClinicTally(a: TClinicTally, b: TClinicTally, sign: TSign): TClinicTally {
  return {
    ...mergeFlat({ respondents: a.respondents, n: a.n }, { respondents: b.respondents, n: b.n }, sign),
    functions: mergeKeyed(a.functions, b.functions, sign, mergeFunctionTally, emptyFunctionTally, isZeroFlat),
    areas: mergeAreaTally(a.areas, b.areas, sign),
    choices: mergeKeyed(a.choices, b.choices, sign, mergeChoiceTally, emptyChoiceTally, isZeroChoice),
    counts: mergeKeyed(a.counts, b.counts, sign, mergeCountTally, emptyCountTally, isZeroFlat),
  };
}

/** Copying merge with a sign, used for subtraction (adding uses the accumulator below). */
function mergeCells(a: TClinicCells, b: TClinicCells, sign: TSign): TClinicCells {
  const out: TClinicCells = { ...a };
  for (const kind of INSTITUTION_KINDS) {
    const bKind = b[kind];
    if (!bKind) continue;
    const merged = { ...a[kind] };
    for (const status of RESPONSE_STATUSES) {
      const bCell = bKind[status];
      if (!bCell) continue;
      const cell = mergeClinicTally(merged[status] ?? emptyClinicTally(), bCell, sign);
      // respondents = 0 implies every other figure is 0 (a report is counted in its own cell).
      if (cell.respondents === 0) delete merged[status];
      else merged[status] = cell;
    }
    if (Object.keys(merged).length === 0) delete out[kind];
    else out[kind] = merged;
  }
  return out;
}

// Addition accumulates into a fresh object owned by the call (never into an argument), so it is
// pure from the outside and fast when thousands of stored rows are summed for a national view.
// Adding canonical counters cannot create zero entries, so the result stays canonical.

function addFlatInto(into: Record<string, number>, b: Readonly<Record<string, number>>): void {
  for (const key in b) into[key] = (into[key] ?? 0) + b[key]!;
}

function addKeyedInto<T>(
  into: Record<string, T>,
  b: Readonly<Record<string, T>>,
  empty: () => T,
  addInto: (x: T, y: T) => void,
): void {
  for (const key in b) addInto((into[key] ??= empty()), b[key]!);
}

function addChoiceInto(into: TChoiceTally, b: TChoiceTally): void {
  into.notAsked += b.notAsked;
  into.notApplicable += b.notApplicable;
  into.missing += b.missing;
  into.unknown += b.unknown;
  into.has += b.has;
  into.intent += b.intent;
  addFlatInto(into.byCode, b.byCode);
}

function addAreaInto(into: TAreaTally, b: TAreaTally): void {
  into.notAsked += b.notAsked;
  into.notApplicable += b.notApplicable;
  into.missing += b.missing;
  into.answered += b.answered;
  into.anyOffered += b.anyOffered;
  into.noneSelected += b.noneSelected;
  into.unknownCode += b.unknownCode;
  addFlatInto(into.offered, b.offered);
  addFlatInto(into.offeredWithPrimary, b.offeredWithPrimary);
}

function addTallyInto(into: TClinicTally, b: TClinicTally): void {
  into.respondents += b.respondents;
  into.n += b.n;
  addKeyedInto(into.functions, b.functions, emptyFunctionTally, addFlatInto);
  addAreaInto(into.areas, b.areas);
  addKeyedInto(into.choices, b.choices, emptyChoiceTally, addChoiceInto);
  addKeyedInto(into.counts, b.counts, emptyCountTally, addFlatInto);
}

function addCountersInto(into: TClinicCounters, b: TClinicCounters): void {
  checkFormat(CLINIC_COUNTERS_FORMAT, b.format);
  for (const kind of INSTITUTION_KINDS) {
    const bKind = b.cells[kind];
    if (!bKind) continue;
    const intoKind = (into.cells[kind] ??= {});
    for (const status of RESPONSE_STATUSES) {
      const bCell = bKind[status];
      if (bCell && bCell.respondents > 0) addTallyInto((intoKind[status] ??= emptyClinicTally()), bCell);
    }
  }
}

/** a + b. Associative and commutative; emptyClinicCounters() is the identity. */
export function addClinicCounters(a: TClinicCounters, b: TClinicCounters): TClinicCounters {
  return sumClinicCounters([a, b]);
}

/** The sum of many counters (e.g. the stored rows of a zone's municipalities). */
export function sumClinicCounters(list: Iterable<TClinicCounters>): TClinicCounters {
  const total = emptyClinicCounters();
  for (const c of list) addCountersInto(total, c);
  return total;
}

/**
 * a − b, for updating a stored row in place when one report changes (subtract its old counters,
 * add its new ones). Throws when b was not part of a (a count would become negative).
 */
export function subtractClinicCounters(a: TClinicCounters, b: TClinicCounters): TClinicCounters {
  checkFormat(CLINIC_COUNTERS_FORMAT, a.format, b.format);
  return { format: CLINIC_COUNTERS_FORMAT, cells: mergeCells(a.cells, b.cells, -1) };
}

/** One respondent's change as the counters see it: what it contributed before and after (null: nothing). */
export type TContributionChange = { before: TClinicCounters | null; after: TClinicCounters | null };

/**
 * `base` with a list of changes applied: base + Σ after − Σ before, the order of the changes
 * irrelevant (the counters are additive). Pending changes of the append-only log are folded into
 * the stored rows, and added to them when read, this way
 * (docs/decisions/0012-deadline-rush-write-path.md). Throws, like subtractClinicCounters, when a
 * count would become negative: the stored row had drifted from the reports.
 */
export function applyContributionChanges(
  base: TClinicCounters,
  changes: readonly TContributionChange[],
): TClinicCounters {
  if (changes.length === 0) return base;
  const { before, after } = sumContributionChanges(changes);
  const added = after ? addClinicCounters(base, after) : base;
  return before ? subtractClinicCounters(added, before) : added;
}

/** Many changes as one: Σ before → Σ after (null where no change had one). */
export function sumContributionChanges(changes: readonly TContributionChange[]): TContributionChange {
  const befores = changes.flatMap((c) => (c.before ? [c.before] : []));
  const afters = changes.flatMap((c) => (c.after ? [c.after] : []));
  return {
    before: befores.length > 0 ? sumClinicCounters(befores) : null,
    after: afters.length > 0 ? sumClinicCounters(afters) : null,
  };
}

/**
 * What one report's change does to the stored counters: `after − before` over the cells, signed,
 * used by a counted write to tell whether the change moves the counters at all
 * (docs/decisions/0012-deadline-rush-write-path.md).
 * `null` (a respondent that is not counted) is zero. Returns null when nothing changes.
 */
export function clinicCountersDelta(
  before: TClinicCounters | null,
  after: TClinicCounters | null,
): { cells: TSignedTree } | null {
  if (before) checkFormat(CLINIC_COUNTERS_FORMAT, before.format);
  if (after) checkFormat(CLINIC_COUNTERS_FORMAT, after.format);
  const { tree, changed } = signedDifference(before?.cells ?? {}, after?.cells ?? {});
  return changed ? { cells: tree } : null;
}
