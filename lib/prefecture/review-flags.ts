// The review flags of a report (issue 16, docs/decisions/0020): what makes the officer look at a
// report before confirming it. ONE list of kinds, used by the review list's filter and order, the
// report view and bulk confirmation. Pure, so pages, services and tests share it.
//
// Extension point: a new kind is one entry in REVIEW_FLAG_KINDS + its label, its count in
// TReviewFlagCounts, and its where clause in lib/data/review-flags.ts (flagWhere, flagCountsOf) —
// the filter, the ranking, the cycle summary and the bulk guard follow. The soft-rule warnings
// (ADR 0019) are two kinds: a warning without an explanation, and a year-over-year (change) warning.
// An outlier or a 前年比大 item the officer marked 確認済み（問題なし） is no flag (review-flag-acks.ts).

export const REVIEW_FLAG_KINDS = [
  "outlier",
  "query-open",
  "query-answered",
  "warning-unexplained",
  "big-change",
] as const;
export type TReviewFlagKind = (typeof REVIEW_FLAG_KINDS)[number];

export const REVIEW_FLAG_LABELS: Record<TReviewFlagKind, string> = {
  outlier: "外れ値あり",
  "query-open": "照会の回答待ち",
  "query-answered": "照会の回答あり（未完了）",
  "warning-unexplained": "注意あり・説明未記入",
  "big-change": "前年比大",
};

/**
 * What each kind is about, in a word, for the titles and sentences that name the flags as a whole
 * (「確認の目印（外れ値・照会・説明未記入の注意・前年比大）」): the two query kinds are one topic.
 */
export const REVIEW_FLAG_TOPICS: Record<TReviewFlagKind, string> = {
  outlier: "外れ値",
  "query-open": "照会",
  "query-answered": "照会",
  "warning-unexplained": "説明未記入の注意",
  "big-change": "前年比大",
};

/** The kinds read from the soft-rule warnings: the report view shows them with the warnings. */
export const WARNING_FLAG_KINDS: readonly TReviewFlagKind[] = ["warning-unexplained", "big-change"];

/** The kinds a cycle's reports can carry: outliers are judged on the clinic report only. */
export const reviewFlagKindsFor = (isClinic: boolean): readonly TReviewFlagKind[] =>
  isClinic ? REVIEW_FLAG_KINDS : REVIEW_FLAG_KINDS.filter((kind) => kind !== "outlier");

/** 「外れ値・照会・説明未記入の注意・前年比大」: the topics of these kinds, each once, in list order. */
export function reviewFlagTopics(kinds: readonly TReviewFlagKind[] = REVIEW_FLAG_KINDS): string {
  return [...new Set(REVIEW_FLAG_KINDS.filter((kind) => kinds.includes(kind)).map((k) => REVIEW_FLAG_TOPICS[k]))].join(
    "・",
  );
}

/** The review list's flag filter: any flag, or one kind. */
export const REVIEW_FLAG_FILTERS = ["any", ...REVIEW_FLAG_KINDS] as const;
export type TReviewFlagFilter = (typeof REVIEW_FLAG_FILTERS)[number];

export const REVIEW_FLAG_FILTER_LABELS: Record<TReviewFlagFilter, string> = {
  any: "目印のある報告すべて",
  ...REVIEW_FLAG_LABELS,
};

/** Flags per report: each kind's count. */
export type TReviewFlagCounts = Record<TReviewFlagKind, number>;

export const NO_FLAGS: TReviewFlagCounts = {
  outlier: 0,
  "query-open": 0,
  "query-answered": 0,
  "warning-unexplained": 0,
  "big-change": 0,
};

/**
 * The review list's old soft-warning filter (`?warning=`, before ADR 0020's unification) as a flag
 * filter, so bookmarked URLs still narrow the list; `any` (every warning, explained or not) has no
 * flag of its own and maps to nothing.
 */
export const LEGACY_WARNING_FILTER: Readonly<Record<string, TReviewFlagFilter>> = {
  unexplained: "warning-unexplained",
  bigChange: "big-change",
};

export const totalFlags = (counts: TReviewFlagCounts | undefined): number =>
  counts ? REVIEW_FLAG_KINDS.reduce((sum, kind) => sum + counts[kind], 0) : 0;

/** Query statuses that keep a report from being confirmed. */
export const UNRESOLVED_QUERY_STATUSES = ["OPEN", "ANSWERED"] as const;

export const QUERY_STATUS_LABELS: Record<"OPEN" | "ANSWERED" | "CLOSED", string> = {
  OPEN: "回答待ち",
  ANSWERED: "回答あり",
  CLOSED: "完了",
};

/** Why a report cannot be confirmed yet (the service's message to the officer). */
export function queryBlocksConfirmMessage(open: number, answered: number): string {
  const parts = [open > 0 ? `回答待ち ${open}件` : null, answered > 0 ? `回答あり・未完了 ${answered}件` : null]
    .filter(Boolean)
    .join("、");
  return `この報告には完了していない照会があるため、確認済みにできません（${parts}）。回答を確かめて照会を完了してから、確認してください。`;
}

/** What bulk confirmation left out, and why (the officer sees each count). */
export type TBulkConfirmResult = {
  confirmed: number;
  /** Matching respondents whose report is not 提出済 (no report, draft, returned, confirmed). */
  notSubmitted: number;
  /** 提出済 reports left as they are because of a flag, by kind (a report counts once per kind). */
  flagged: TReviewFlagCounts;
  /** 提出済 reports left out because of any flag (each once). */
  flaggedReports: number;
};

/** "外れ値あり 3件・照会の回答待ち 1件" — the reasons bulk confirmation left reports out. */
export function leftOutText(result: Pick<TBulkConfirmResult, "flagged">): string {
  return REVIEW_FLAG_KINDS.filter((kind) => result.flagged[kind] > 0)
    .map((kind) => `${REVIEW_FLAG_LABELS[kind]} ${result.flagged[kind].toLocaleString("ja-JP")}件`)
    .join("・");
}
