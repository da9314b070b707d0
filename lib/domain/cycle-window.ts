// When a respondent may change its answers: while the cycle is open and within its window, or
// when the prefecture has reopened this one respondent after the deadline — and, for a report
// already submitted, only once an amendment (変更報告) has been started. The form page (whether
// to show inputs) and the write services (whether to accept a save) both ask these two
// functions, so the screen never offers an edit the server refuses, or the reverse.
export type TCycleWindow = { status: "PREPARING" | "OPEN" | "CLOSED"; opensAt: Date; closesAt: Date };

export type TWritability =
  | { writable: true; reason: "open" | "reopened"; until: Date }
  | { writable: false; reason: "preparing" | "notYetOpen" | "closed" };

export function cycleWritability(cycle: TCycleWindow, reopenedUntil: Date | null | undefined, now: Date): TWritability {
  if (cycle.status === "PREPARING") return { writable: false, reason: "preparing" };
  if (reopenedUntil && reopenedUntil > now) return { writable: true, reason: "reopened", until: reopenedUntil };
  if (cycle.status === "CLOSED" || now > cycle.closesAt) return { writable: false, reason: "closed" };
  if (now < cycle.opensAt) return { writable: false, reason: "notYetOpen" };
  return { writable: true, reason: "open", until: cycle.closesAt };
}

export const WRITABILITY_MESSAGES: Record<Exclude<TWritability, { writable: true }>["reason"], string> = {
  preparing: "この報告はまだ受付を開始していません。",
  notYetOpen: "受付開始前のため、まだ入力できません。",
  closed: "提出期限を過ぎたため、回答は閲覧のみできます。変更が必要な場合は都道府県の担当者にご連絡ください。",
};

/** Statuses whose answers the respondent changes directly; any other needs an amendment first. */
const EDITABLE_WITHOUT_AMENDMENT: ReadonlySet<string> = new Set(["DRAFT", "RETURNED"]);

/** A submitted (or confirmed) report whose answers stay as submitted until an amendment starts. */
export function isLockedBySubmission(submission: { status: string; isAmending: boolean } | null): boolean {
  return submission !== null && !EDITABLE_WITHOUT_AMENDMENT.has(submission.status) && !submission.isAmending;
}
