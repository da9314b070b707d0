// Ordering the submissions list by what lives on the respondent's Submission of the cycle (its
// status, its dates, its own deadline after a reopen). SQL cannot order a respondent by a row
// that may not exist (未着手 has no Submission), so lib/data/review.ts reads a light projection
// of every matching respondent and sorts it here. Pure, so the order is unit-tested.
import type { TResponseStatus } from "@/lib/aggregation/status";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import type { TSortDir } from "./filters";

export type TOrderableRespondent = {
  id: string;
  /** Tie-breaker, compared in order and always ascending (e.g. [municipalityCode, code]). */
  tie: readonly string[];
  status: TResponseStatus;
  submittedAt: Date | null;
  updatedAt: Date | null;
  reopenedUntil: Date | null;
  /** Review flags of the report (outliers, unresolved queries; lib/prefecture/review-flags.ts). */
  flags?: number;
};

/** 未着手 → 下書き → 差戻し → 提出済 → 確認済: the order of the cycle's work. */
export const STATUS_RANK: Record<TResponseStatus, number> = {
  NOT_STARTED: 0,
  DRAFT: 1,
  RETURNED: 2,
  SUBMITTED: 3,
  CONFIRMED: 4,
};

/** Whether the respondent still owes the prefecture a report (未着手・下書き・差戻し). */
export const owesReport = (status: TResponseStatus) => STATUS_RANK[status] < STATUS_RANK.SUBMITTED;

/** The deadline that applies to this respondent: the cycle's, or a later one it was reopened until. */
export function effectiveDeadline(closesAt: Date, reopenedUntil: Date | null): Date {
  return reopenedUntil && reopenedUntil > closesAt ? reopenedUntil : closesAt;
}

const DAY_MS = 86_400_000;

/** Calendar days in Japan from today to the deadline's day: 0 on the day, negative once past. */
export function daysUntil(deadline: Date, now: Date): number {
  const day = (d: Date) => Date.parse(`${toDateInputJst(d)}T00:00:00Z`);
  return Math.round((day(deadline) - day(now)) / DAY_MS);
}

/** 期限までの日数 as the list shows it: 「あと3日」「本日まで」「2日超過」, or 「提出済」. */
export function deadlineLabel(closesAt: Date, status: TResponseStatus, reopenedUntil: Date | null, now: Date): string {
  if (!owesReport(status)) return "提出済";
  const days = daysUntil(effectiveDeadline(closesAt, reopenedUntil), now);
  if (days > 0) return `あと${days}日`;
  if (days === 0) return "本日まで";
  return `${-days}日超過`;
}

const compareTie = (a: TOrderableRespondent, b: TOrderableRespondent): number => {
  for (let i = 0; i < Math.max(a.tie.length, b.tie.length); i++) {
    const x = a.tie[i] ?? "";
    const y = b.tie[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const time = (d: Date | null) => d?.getTime() ?? null;

/** Nulls (never saved) last in both directions: an empty date says nothing about the order. */
function compareNullable(a: number | null, b: number | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * (a - b);
}

export type TRespondentSortKeyInMemory = "status" | "deadline" | "updated" | "flags";

/**
 * A comparator for one column and direction, with the tie-breaker (ascending) last, so the order
 * is total and paging is stable.
 * - `status`: 未着手 → 下書き → 差戻し → 提出済 → 確認済.
 * - `deadline` (期限までの日数): those who owe a report first, by their own deadline (overdue
 *   first), then 提出済 and 確認済; descending reverses it (the done ones first).
 * - `updated` (提出・保存日時): the submission time, or the last save of a draft.
 * - `flags` (目印): like `deadline`, ascending puts what needs the officer first — the most
 *   flagged reports, then fewer, then none.
 */
export function respondentComparator(
  key: TRespondentSortKeyInMemory,
  dir: TSortDir,
  closesAt: Date,
): (a: TOrderableRespondent, b: TOrderableRespondent) => number {
  const sign = dir === "asc" ? 1 : -1;
  const primary = (a: TOrderableRespondent, b: TOrderableRespondent): number => {
    switch (key) {
      case "status":
        return sign * (STATUS_RANK[a.status] - STATUS_RANK[b.status]);
      case "updated":
        return compareNullable(time(a.submittedAt ?? a.updatedAt), time(b.submittedAt ?? b.updatedAt), sign);
      case "deadline": {
        const owesA = owesReport(a.status);
        const owesB = owesReport(b.status);
        if (owesA !== owesB) return sign * (owesA ? -1 : 1);
        if (owesA) {
          const due =
            effectiveDeadline(closesAt, a.reopenedUntil).getTime() -
            effectiveDeadline(closesAt, b.reopenedUntil).getTime();
          if (due !== 0) return sign * due;
        }
        return sign * (STATUS_RANK[a.status] - STATUS_RANK[b.status]);
      }
      case "flags":
        return sign * ((b.flags ?? 0) - (a.flags ?? 0));
    }
  };
  return (a, b) => primary(a, b) || compareTie(a, b);
}
