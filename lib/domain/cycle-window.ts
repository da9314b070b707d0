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

/**
 * How a respondent can correct its report in answer to a 照会: in the form as it is (draft,
 * returned, amendment under way), by starting a 修正 / 変更報告 first (submitted / confirmed), or
 * not at all until the prefecture reopens it (after the deadline: the form shows no inputs and no
 * buttons). The form's query panel and the 照会 mail both say it through queryCorrectionText.
 */
export type TQueryCorrection = { way: "edit" } | { way: "start"; what: "修正" | "変更報告" } | { way: "closed" };

export function queryCorrection(
  writable: boolean,
  submission: { status: string; isAmending: boolean } | null,
): TQueryCorrection {
  if (!writable) return { way: "closed" };
  if (!isLockedBySubmission(submission)) return { way: "edit" };
  return { way: "start", what: submission?.status === "CONFIRMED" ? "変更報告" : "修正" };
}

export function queryCorrectionText(correction: TQueryCorrection): string {
  switch (correction.way) {
    case "edit":
      return "回答のとおり内容を直す場合は、入力欄で修正して提出してください。";
    case "start":
      return `回答のとおり内容を直す場合は、入力画面の「${correction.what}を始める」から修正して提出してください。`;
    case "closed":
      return "提出期限を過ぎているため、報告の内容はいまは修正できません。訂正がある場合は、回答欄に訂正内容を書いてください（都道府県が入力を再開すると修正できます）。";
  }
}
