// Self-assessment scores (在宅医療に必要な連携を担う拠点 の自己評価): counts per score group, shared by
// dashboards and PDFs so every screen and packet counts the same way. Pure — no React, no Prisma.
//
// Semantics (docs/questionnaires/hub-self-assessment-r7.md, "How scores are computed"):
// - Score groups come from `section.scoreGroup`. Groups are listed in definition order (first
//   section that names the group); a group's label is that first section's title. A group is
//   listed even when none of its items count (n = 0).
// - An item counts when all of these hold:
//   1. its section has a `scoreGroup`;
//   2. it has a `basis` ("required" ⚫ / "desirable" ◼);
//   3. it is scoreable: a `yesno`, or a `single` with a `score` on at least one option. Every
//      other type (multi, counts, text, dates, partners, groups) is detail, never scored;
//   4. it is visible for these answers (evaluateAnswers, so hidden sections hide their items
//      and visible-when conditions apply exactly as in the form).
// - The value of a counted item: yes → 1, no → 0; a single choice → its option's `score`
//   (an option without a score counts 0); unanswered, or a code the item does not have → no value.
// - Per group and basis: n = counted items (answered or not); met (required) / adopted
//   (desirable) = value exactly 1; partial = value strictly between 0 and 1. Unanswered items
//   stay in n, so an incomplete draft never looks better than it is.
// - Results are counts, never percentages. `share` divides when a caller needs a fraction
//   (0–1) and returns null for n = 0; `compareScores` gives per-group differences of those
//   fractions (current − previous), null when either side has n = 0 — never NaN or Infinity.
//   Formatting (％, rounding) is the caller's job.
import type { TBasis, TItem, TQuestionnaireDefinition } from "./definition";
import type { TAnswers, TAnswerValue } from "./answers";
import { evaluateAnswers } from "./derive";

export type TRequiredCounts = { n: number; met: number; partial: number };
export type TDesirableCounts = { n: number; adopted: number; partial: number };

export type TScoreGroupLabel = { key: string; label: string };

export type THubGroupScore = TScoreGroupLabel & {
  required: TRequiredCounts;
  desirable: TDesirableCounts;
};

export type THubScores = {
  /** In definition order. */
  groups: THubGroupScore[];
  /** Sum over all groups. */
  total: { required: TRequiredCounts; desirable: TDesirableCounts };
};

/** Fractions 0–1; null when the share is undefined on a side (n = 0 or group absent). */
export type TShareChange = { current: number | null; previous: number | null; delta: number | null };

export type THubGroupComparison = TScoreGroupLabel & {
  required: TShareChange;
  desirable: TShareChange;
};

export type THubScoreComparison = {
  /** Current groups in order, then groups only the previous version had. */
  groups: THubGroupComparison[];
  total: { required: TShareChange; desirable: TShareChange };
};

type TDefinitionForScores = Pick<TQuestionnaireDefinition, "sections" | "functions">;

/** Score groups with their labels (first section title), in definition order. */
export function scoreGroups(def: Pick<TQuestionnaireDefinition, "sections">): TScoreGroupLabel[] {
  const groups: TScoreGroupLabel[] = [];
  for (const section of def.sections) {
    if (section.scoreGroup === undefined || groups.some((g) => g.key === section.scoreGroup)) continue;
    groups.push({ key: section.scoreGroup, label: section.title });
  }
  return groups;
}

/** Whether an item's answer can be turned into a score (independent of basis and visibility). */
export function isScoreable(item: TItem): boolean {
  if (item.type === "yesno") return true;
  if (item.type === "single") return item.options.some((o) => o.score !== undefined);
  return false;
}

/** The 0–1 value of a scoreable item's answer; null when unanswered or not scoreable. */
export function itemScore(item: TItem, value: TAnswerValue): number | null {
  if (value === undefined || value === null) return null;
  if (item.type === "yesno") return typeof value === "boolean" ? (value ? 1 : 0) : null;
  if (item.type === "single" && isScoreable(item)) {
    const option = item.options.find((o) => o.code === value);
    return option ? (option.score ?? 0) : null;
  }
  return null;
}

const emptyRequired = (): TRequiredCounts => ({ n: 0, met: 0, partial: 0 });
const emptyDesirable = (): TDesirableCounts => ({ n: 0, adopted: 0, partial: 0 });

function tally(score: number | null): { full: number; partial: number } {
  if (score === null) return { full: 0, partial: 0 };
  return { full: score === 1 ? 1 : 0, partial: score > 0 && score < 1 ? 1 : 0 };
}

/** Counts per score group and overall for one answer set. */
export function computeHubScores(def: TDefinitionForScores, answers: TAnswers): THubScores {
  const { visibility } = evaluateAnswers(def, answers);
  const byKey = new Map<string, THubGroupScore>(
    scoreGroups(def).map((g) => [g.key, { ...g, required: emptyRequired(), desirable: emptyDesirable() }]),
  );

  for (const section of def.sections) {
    const group = section.scoreGroup === undefined ? undefined : byKey.get(section.scoreGroup);
    if (!group) continue;
    for (const item of section.items) {
      if (!item.basis || !isScoreable(item) || !visibility.items.has(item.key)) continue;
      add(group, item.basis, tally(itemScore(item, answers[item.key])));
    }
  }

  const groups = [...byKey.values()];
  const total = { required: emptyRequired(), desirable: emptyDesirable() };
  for (const g of groups) {
    total.required.n += g.required.n;
    total.required.met += g.required.met;
    total.required.partial += g.required.partial;
    total.desirable.n += g.desirable.n;
    total.desirable.adopted += g.desirable.adopted;
    total.desirable.partial += g.desirable.partial;
  }
  return { groups, total };
}

function add(group: THubGroupScore, basis: TBasis, t: { full: number; partial: number }) {
  if (basis === "required") {
    group.required.n += 1;
    group.required.met += t.full;
    group.required.partial += t.partial;
  } else {
    group.desirable.n += 1;
    group.desirable.adopted += t.full;
    group.desirable.partial += t.partial;
  }
}

/** met/n (required) or adopted/n (desirable) as a fraction 0–1; null when n = 0. */
export function share(counts: TRequiredCounts | TDesirableCounts): number | null {
  if (counts.n <= 0) return null;
  return ("met" in counts ? counts.met : counts.adopted) / counts.n;
}

function change(current: number | null, previous: number | null): TShareChange {
  return { current, previous, delta: current !== null && previous !== null ? current - previous : null };
}

/**
 * Year-over-year change of the shares, matched by group key. A group missing on one side (a
 * duty added or dropped between versions) compares as null rather than as zero.
 */
export function compareScores(current: THubScores, previous: THubScores): THubScoreComparison {
  const previousByKey = new Map(previous.groups.map((g) => [g.key, g]));
  const currentKeys = new Set(current.groups.map((g) => g.key));

  const compareGroup = (key: string, label: string, cur?: THubGroupScore, prev?: THubGroupScore) => ({
    key,
    label,
    required: change(cur ? share(cur.required) : null, prev ? share(prev.required) : null),
    desirable: change(cur ? share(cur.desirable) : null, prev ? share(prev.desirable) : null),
  });

  const groups: THubGroupComparison[] = [
    ...current.groups.map((g) => compareGroup(g.key, g.label, g, previousByKey.get(g.key))),
    ...previous.groups.filter((g) => !currentKeys.has(g.key)).map((g) => compareGroup(g.key, g.label, undefined, g)),
  ];
  return {
    groups,
    total: {
      required: change(share(current.total.required), share(previous.total.required)),
      desirable: change(share(current.total.desirable), share(previous.total.desirable)),
    },
  };
}
