// When a respondent may change its answers: while the cycle is open and within its window, or
// when the prefecture has reopened this one respondent after the deadline.
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
