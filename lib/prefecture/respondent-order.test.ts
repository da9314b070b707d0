import { describe, expect, it } from "vitest";
import type { TResponseStatus } from "@/lib/aggregation/status";
import { daysUntil, deadlineLabel, respondentComparator, type TOrderableRespondent } from "./respondent-order";

const closesAt = new Date("2027-02-26T14:59:59.999Z"); // 令和9年2月26日 23:59:59.999 JST
const at = (iso: string) => new Date(iso);

const row = (id: string, status: TResponseStatus, extra: Partial<TOrderableRespondent> = {}): TOrderableRespondent => ({
  id,
  tie: [id],
  status,
  submittedAt: null,
  updatedAt: null,
  reopenedUntil: null,
  ...extra,
});

const ids = (rows: TOrderableRespondent[], ...args: Parameters<typeof respondentComparator>) =>
  [...rows].sort(respondentComparator(...args)).map((r) => r.id);

describe("期限までの日数", () => {
  it.each([
    ["2027-02-23T00:00:00Z", 3, "あと3日"],
    ["2027-02-25T15:00:00Z", 0, "本日まで"], // 2/26 00:00 JST
    ["2027-02-26T14:59:00Z", 0, "本日まで"],
    ["2027-02-26T15:00:00Z", -1, "1日超過"], // 2/27 00:00 JST
    ["2027-03-05T03:00:00Z", -7, "7日超過"],
  ])("at %s: %i days, %s", (now, days, label) => {
    expect(daysUntil(closesAt, at(now))).toBe(days);
    expect(deadlineLabel(closesAt, "DRAFT", null, at(now))).toBe(label);
  });

  it("uses a later reopened deadline, and says 提出済 once nothing is owed", () => {
    const now = at("2027-03-01T00:00:00Z");
    expect(deadlineLabel(closesAt, "RETURNED", at("2027-03-10T14:59:59Z"), now)).toBe("あと9日");
    expect(deadlineLabel(closesAt, "RETURNED", at("2027-01-10T14:59:59Z"), now)).toBe("3日超過");
    expect(deadlineLabel(closesAt, "SUBMITTED", null, now)).toBe("提出済");
    expect(deadlineLabel(closesAt, "CONFIRMED", null, now)).toBe("提出済");
  });
});

describe("ordering the submissions list", () => {
  const rows = [
    row("a", "CONFIRMED", { submittedAt: at("2027-01-10T00:00:00Z") }),
    row("b", "DRAFT", { updatedAt: at("2027-01-20T00:00:00Z") }),
    row("c", "NOT_STARTED"),
    row("d", "SUBMITTED", { submittedAt: at("2027-02-01T00:00:00Z") }),
    row("e", "RETURNED", { reopenedUntil: at("2027-03-20T14:59:59Z"), submittedAt: at("2027-01-05T00:00:00Z") }),
    row("f", "NOT_STARTED"),
  ];

  it("by deadline status: those who owe a report by their deadline, then 提出済, then 確認済", () => {
    expect(ids(rows, "deadline", "asc", closesAt)).toEqual(["c", "f", "b", "e", "d", "a"]);
    expect(ids(rows, "deadline", "desc", closesAt)).toEqual(["a", "d", "e", "b", "c", "f"]);
  });

  it("by status, in the order of the cycle's work", () => {
    expect(ids(rows, "status", "asc", closesAt)).toEqual(["c", "f", "b", "e", "d", "a"]);
    expect(ids(rows, "status", "desc", closesAt)).toEqual(["a", "d", "e", "b", "c", "f"]);
  });

  it("by date, with never-saved rows last both ways", () => {
    expect(ids(rows, "updated", "asc", closesAt)).toEqual(["e", "a", "b", "d", "c", "f"]);
    expect(ids(rows, "updated", "desc", closesAt)).toEqual(["d", "b", "a", "e", "c", "f"]);
  });

  it("breaks ties by the tie-breaker, ascending in both directions (stable paging)", () => {
    const same = [row("z", "DRAFT", { tie: ["182010", "2"] }), row("y", "DRAFT", { tie: ["182010", "1"] })];
    expect(ids(same, "status", "asc", closesAt)).toEqual(["y", "z"]);
    expect(ids(same, "status", "desc", closesAt)).toEqual(["y", "z"]);
  });
});
