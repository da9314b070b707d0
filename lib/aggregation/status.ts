// Response status of a respondent for one cycle. NOT_STARTED is an active respondent with no
// Submission row; the other four are SubmissionStatus (prisma/schema.prisma). The union is kept
// here so lib/aggregation depends on no generated Prisma code; a test checks they agree.

export const RESPONSE_STATUSES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "CONFIRMED"] as const;
export type TResponseStatus = (typeof RESPONSE_STATUSES)[number];
export type TSubmissionStatus = Exclude<TResponseStatus, "NOT_STARTED">;

export const RESPONSE_STATUS_LABELS: Record<TResponseStatus, string> = {
  NOT_STARTED: "未着手",
  DRAFT: "下書き",
  SUBMITTED: "提出済",
  RETURNED: "差戻し",
  CONFIRMED: "確認済",
};

export type TStatusCounts = {
  /** Active respondents in the group: the sum of byStatus. */
  respondents: number;
  byStatus: Record<TResponseStatus, number>;
  /**
   * Respondents with a submitted revision, whatever their status now (a RETURNED report keeps its
   * last revision; a report under 変更報告 keeps its status). These are the reports the summaries
   * count unless confirmedOnly.
   */
  withRevision: number;
};

export function emptyStatusCounts(): TStatusCounts {
  return {
    respondents: 0,
    byStatus: { NOT_STARTED: 0, DRAFT: 0, SUBMITTED: 0, RETURNED: 0, CONFIRMED: 0 },
    withRevision: 0,
  };
}

/** Which statuses' reports the summaries count: all with a revision, or CONFIRMED only. */
export function countedStatuses(confirmedOnly: boolean): readonly TResponseStatus[] {
  return confirmedOnly ? ["CONFIRMED"] : RESPONSE_STATUSES;
}

/**
 * The statuses that count as 提出: every report with a submitted revision. A returned report
 * (差戻し) was submitted and its last revision is what the figures count until it is resubmitted,
 * so 提出率 and the n of every figure rest on the same reports.
 */
export const SUBMITTED_STATUSES: readonly TResponseStatus[] = ["SUBMITTED", "RETURNED", "CONFIRMED"];

export function submittedCount(byStatus: Readonly<Record<TResponseStatus, number>>): number {
  return SUBMITTED_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
}

/** The counting rules in words, shown wherever 対象 and 提出率 are (and in the README). */
export const STATUS_COUNTING_RULE =
  "対象＝名簿で有効な医療機関（1月1日時点で休院のものを除く）。無効・休院でも報告を提出していれば対象に含め、その報告を集計します。" +
  "提出率＝（提出済＋差戻し＋確認済）÷対象。差戻し中の報告は、再提出されるまで前回提出の内容で集計します。未着手＋下書き＋提出済＋差戻し＋確認済＝対象です。";
