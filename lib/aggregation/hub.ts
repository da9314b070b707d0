// Hub self-assessment (在宅医療に必要な連携を担う拠点) summaries: each hub's scores per duty
// (THubScores, lib/questionnaire/score.ts, stored with every submitted revision), the change from
// last year, and additive counters for a zone or prefecture roll-up.
//
// Roll-up semantics: a group's share per duty is POOLED — Σ met / Σ n over the hubs counted —
// not the mean of each hub's share. Pooled counts add up (the prefecture's figure is the sum of
// its zones'), they weight a hub by the number of items it was assessed on (a hub whose hidden
// items shrank its n weighs less), and they never average undefined shares. Beside it,
// `hubsAllRequiredMet` counts hubs meeting every required item of the duty (out of the hubs
// assessed on at least one), which is the per-hub view a council reads.
import {
  compareScores,
  scoreGroups,
  type TDesirableCounts,
  type THubGroupScore,
  type THubScoreComparison,
  type THubScores,
  type TRequiredCounts,
  type TScoreGroupLabel,
} from "@/lib/questionnaire/score";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { checkFormat, isZeroFlat, mergeFlat, mergeKeyed, type TSign } from "./merge";
import { rate, rateChange, type TRate, type TRateChange } from "./rate";
import {
  countedStatuses,
  emptyStatusCounts,
  RESPONSE_STATUSES,
  type TResponseStatus,
  type TStatusCounts,
} from "./status";

export const HUB_COUNTERS_FORMAT = 1;

/** Fallback duty labels (the R7 section titles); a definition's own titles win. */
export const HUB_DUTY_FALLBACK_LABELS: Record<string, string> = {
  duty1: "連携会議と現状把握・課題抽出",
  duty2: "地域資源の把握と関係機関の調整",
  duty3: "急変時・24時間体制と情報共有",
  duty4: "研修",
  duty5: "住民への普及啓発",
  bcp: "災害時・BCP",
  pediatric: "小児在宅",
  acp: "看取り・ACP",
};

export const HUB_TOTAL_KEY = "total";

export type THubDutyTally = {
  /** Hubs counted with this duty in their scores. */
  hubs: number;
  requiredN: number;
  requiredMet: number;
  requiredPartial: number;
  desirableN: number;
  desirableAdopted: number;
  desirablePartial: number;
  /** Hubs assessed on at least one required item of the duty. */
  hubsWithRequired: number;
  /** Of those, hubs meeting every required item. */
  hubsAllRequiredMet: number;
};

export type THubTally = {
  respondents: number;
  /** Hubs with a submitted revision (scores), counted below. */
  n: number;
  duties: Record<string, THubDutyTally>;
  total: THubDutyTally;
};

export type THubCounters = {
  format: typeof HUB_COUNTERS_FORMAT;
  /** response status → tally; absent cells are zero. */
  cells: { [S in TResponseStatus]?: THubTally };
};

export type THubReportInput = {
  status: TResponseStatus;
  /** Scores of the latest submitted revision (its stored derived.scores); null when never submitted. */
  scores: THubScores | null;
};

const emptyDutyTally = (): THubDutyTally => ({
  hubs: 0,
  requiredN: 0,
  requiredMet: 0,
  requiredPartial: 0,
  desirableN: 0,
  desirableAdopted: 0,
  desirablePartial: 0,
  hubsWithRequired: 0,
  hubsAllRequiredMet: 0,
});

const emptyHubTally = (): THubTally => ({ respondents: 0, n: 0, duties: {}, total: emptyDutyTally() });

export function emptyHubCounters(): THubCounters {
  return { format: HUB_COUNTERS_FORMAT, cells: {} };
}

function dutyTally(required: TRequiredCounts, desirable: TDesirableCounts): THubDutyTally {
  const assessed = required.n > 0;
  return {
    hubs: 1,
    requiredN: required.n,
    requiredMet: required.met,
    requiredPartial: required.partial,
    desirableN: desirable.n,
    desirableAdopted: desirable.adopted,
    desirablePartial: desirable.partial,
    hubsWithRequired: assessed ? 1 : 0,
    hubsAllRequiredMet: assessed && required.met === required.n ? 1 : 0,
  };
}

export function countHubReport(report: THubReportInput): THubCounters {
  if (report.status === "NOT_STARTED" && report.scores) {
    throw new Error("未着手（提出データなし）の拠点に提出版の点数が渡されました。");
  }
  const tally = emptyHubTally();
  tally.respondents = 1;
  if (report.scores) {
    tally.n = 1;
    for (const g of report.scores.groups) tally.duties[g.key] = dutyTally(g.required, g.desirable);
    tally.total = dutyTally(report.scores.total.required, report.scores.total.desirable);
  }
  return { format: HUB_COUNTERS_FORMAT, cells: { [report.status]: tally } };
}

function mergeHubTally(a: THubTally, b: THubTally, sign: TSign): THubTally {
  return {
    ...mergeFlat({ respondents: a.respondents, n: a.n }, { respondents: b.respondents, n: b.n }, sign),
    duties: mergeKeyed(a.duties, b.duties, sign, mergeFlat, emptyDutyTally, isZeroFlat),
    total: mergeFlat(a.total, b.total, sign),
  };
}

function mergeHubCounters(a: THubCounters, b: THubCounters, sign: TSign): THubCounters {
  checkFormat(HUB_COUNTERS_FORMAT, a.format, b.format);
  const cells = { ...a.cells };
  for (const status of RESPONSE_STATUSES) {
    const bCell = b.cells[status];
    if (!bCell) continue;
    const cell = mergeHubTally(cells[status] ?? emptyHubTally(), bCell, sign);
    if (cell.respondents === 0) delete cells[status];
    else cells[status] = cell;
  }
  return { format: HUB_COUNTERS_FORMAT, cells };
}

/** a + b. Associative and commutative; emptyHubCounters() is the identity. */
export const addHubCounters = (a: THubCounters, b: THubCounters) => mergeHubCounters(a, b, 1);
/** a − b (throws when b was not part of a). */
export const subtractHubCounters = (a: THubCounters, b: THubCounters) => mergeHubCounters(a, b, -1);

export function sumHubCounters(list: Iterable<THubCounters>): THubCounters {
  let total = emptyHubCounters();
  for (const c of list) total = addHubCounters(total, c);
  return total;
}

export function countHubReports(reports: Iterable<THubReportInput>): THubCounters {
  let total = emptyHubCounters();
  for (const r of reports) total = addHubCounters(total, countHubReport(r));
  return total;
}

// ---- Summaries ----------------------------------------------------------------------------------

export type THubDutySummary = {
  key: string;
  label: string;
  hubs: number;
  required: TRequiredCounts;
  desirable: TDesirableCounts;
  /** Pooled: Σ met / Σ n over the hubs. */
  requiredMet: TRate;
  requiredPartial: TRate;
  /** Pooled: Σ adopted / Σ n. */
  desirableAdopted: TRate;
  desirablePartial: TRate;
  /** Hubs meeting every required item of the duty, out of hubs assessed on at least one. */
  hubsAllRequiredMet: TRate;
};

export type THubGroupSummary = {
  confirmedOnly: boolean;
  status: TStatusCounts;
  /** Hubs counted. */
  n: number;
  /** Duties in the definition's order, then any other key the counters hold. */
  duties: THubDutySummary[];
  /** All duties together (key "total"). */
  total: THubDutySummary;
};

export type THubSummaryOptions = {
  confirmedOnly?: boolean;
  /** The cycle's definition, for duty labels and order only. */
  definition?: Pick<TQuestionnaireDefinition, "sections"> | null;
};

function dutySummary(key: string, label: string, t: THubDutyTally): THubDutySummary {
  return {
    key,
    label,
    hubs: t.hubs,
    required: { n: t.requiredN, met: t.requiredMet, partial: t.requiredPartial },
    desirable: { n: t.desirableN, adopted: t.desirableAdopted, partial: t.desirablePartial },
    requiredMet: rate(t.requiredMet, t.requiredN),
    requiredPartial: rate(t.requiredPartial, t.requiredN),
    desirableAdopted: rate(t.desirableAdopted, t.desirableN),
    desirablePartial: rate(t.desirablePartial, t.desirableN),
    hubsAllRequiredMet: rate(t.hubsAllRequiredMet, t.hubsWithRequired),
  };
}

function dutyOrder(
  definition: Pick<TQuestionnaireDefinition, "sections"> | null,
  present: string[],
): TScoreGroupLabel[] {
  const listed = definition
    ? scoreGroups(definition)
    : Object.entries(HUB_DUTY_FALLBACK_LABELS).map(([key, label]) => ({ key, label }));
  const extra = present
    .filter((key) => !listed.some((g) => g.key === key))
    .sort()
    .map((key) => ({ key, label: HUB_DUTY_FALLBACK_LABELS[key] ?? key }));
  return [...listed, ...extra];
}

export function summarizeHubGroup(counters: THubCounters, options: THubSummaryOptions = {}): THubGroupSummary {
  const confirmedOnly = options.confirmedOnly ?? false;
  const counted = new Set(countedStatuses(confirmedOnly));
  const status = emptyStatusCounts();
  let tally = emptyHubTally();
  for (const s of RESPONSE_STATUSES) {
    const cell = counters.cells[s];
    if (!cell) continue;
    status.respondents += cell.respondents;
    status.byStatus[s] += cell.respondents;
    status.withRevision += cell.n;
    if (counted.has(s)) tally = mergeHubTally(tally, cell, 1);
  }
  return {
    confirmedOnly,
    status,
    n: tally.n,
    duties: dutyOrder(options.definition ?? null, Object.keys(tally.duties)).map((g) =>
      dutySummary(g.key, g.label, tally.duties[g.key] ?? emptyDutyTally()),
    ),
    total: dutySummary(HUB_TOTAL_KEY, "合計", tally.total),
  };
}

/** One hub: its duties as rates (for the hubs × duties heatmap) and the change from last year. */
export type THubSummary = {
  status: TResponseStatus;
  /** null when the hub has no submitted revision. */
  scores: THubScores | null;
  previousScores: THubScores | null;
  duties: THubDutySummary[];
  total: THubDutySummary | null;
  /** compareScores(current, previous); null unless both years have scores. */
  change: THubScoreComparison | null;
};

export function summarizeHub(input: THubReportInput & { previousScores?: THubScores | null }): THubSummary {
  const scores = input.scores;
  const previousScores = input.previousScores ?? null;
  const fromGroup = (g: THubGroupScore) => dutySummary(g.key, g.label, dutyTally(g.required, g.desirable));
  return {
    status: input.status,
    scores,
    previousScores,
    duties: scores ? scores.groups.map(fromGroup) : [],
    total: scores ? dutySummary(HUB_TOTAL_KEY, "合計", dutyTally(scores.total.required, scores.total.desirable)) : null,
    change: scores && previousScores ? compareScores(scores, previousScores) : null,
  };
}

export type THubDutyChange = {
  key: string;
  label: string;
  requiredMet: TRateChange;
  desirableAdopted: TRateChange;
};

export type THubGroupChange = {
  n: { current: number; previous: number };
  duties: THubDutyChange[];
  total: THubDutyChange;
};

/**
 * Year-over-year change of the pooled shares, matched by duty key (a duty only one year has
 * compares as null on the other side, never as 0).
 */
export function compareHubGroups(current: THubGroupSummary, previous: THubGroupSummary): THubGroupChange {
  if (current.confirmedOnly !== previous.confirmedOnly) {
    throw new Error("前年と比較する集計の条件（確認済のみ）が一致していません。");
  }
  const change = (key: string, label: string, cur?: THubDutySummary, prev?: THubDutySummary): THubDutyChange => ({
    key,
    label,
    requiredMet: rateChange(cur?.requiredMet ?? null, prev?.requiredMet ?? null),
    desirableAdopted: rateChange(cur?.desirableAdopted ?? null, prev?.desirableAdopted ?? null),
  });
  const currentKeys = new Set(current.duties.map((d) => d.key));
  return {
    n: { current: current.n, previous: previous.n },
    duties: [
      ...current.duties.map((d) =>
        change(
          d.key,
          d.label,
          d,
          previous.duties.find((p) => p.key === d.key),
        ),
      ),
      ...previous.duties.filter((p) => !currentKeys.has(p.key)).map((p) => change(p.key, p.label, undefined, p)),
    ],
    total: change(HUB_TOTAL_KEY, "合計", current.total, previous.total),
  };
}

/**
 * Year-over-year change of the pooled shares over the hubs scored in both years only: pooling
 * every hub of each year would let a hub that reported one year and not the other move the
 * figure (4 hubs last year against the 1 that has submitted so far is not a change). null when
 * no hub has scores in both years.
 */
export function compareMatchedHubs(
  pairs: readonly { current: THubReportInput; previous: THubReportInput }[],
  options: THubSummaryOptions = {},
): THubGroupChange | null {
  const both = pairs.filter((p) => p.current.scores !== null && p.previous.scores !== null);
  if (both.length === 0) return null;
  return compareHubGroups(
    summarizeHubGroup(countHubReports(both.map((p) => p.current)), options),
    summarizeHubGroup(countHubReports(both.map((p) => p.previous)), options),
  );
}
