import { describe, expect, it } from "vitest";
import { RESPONSE_STATUSES, STATUS_COUNTING_RULE, submittedCount, type TResponseStatus } from "./status";

const counts = (values: Partial<Record<TResponseStatus, number>>): Record<TResponseStatus, number> => ({
  NOT_STARTED: 0,
  DRAFT: 0,
  SUBMITTED: 0,
  RETURNED: 0,
  CONFIRMED: 0,
  ...values,
});

describe("submittedCount (提出 in 提出率)", () => {
  it.each<[string, Partial<Record<TResponseStatus, number>>, number]>([
    ["nothing submitted", { NOT_STARTED: 3, DRAFT: 2 }, 0],
    ["提出済 and 確認済", { SUBMITTED: 4, CONFIRMED: 5 }, 9],
    ["a returned report was submitted and is counted", { RETURNED: 2, SUBMITTED: 1 }, 3],
    ["every status", { NOT_STARTED: 1, DRAFT: 1, SUBMITTED: 1, RETURNED: 1, CONFIRMED: 1 }, 3],
  ])("%s → %i", (_name, values, expected) => {
    expect(submittedCount(counts(values))).toBe(expected);
  });
});

describe("STATUS_COUNTING_RULE", () => {
  it("names every status that makes up 対象 and the 提出率 formula", () => {
    for (const label of ["未着手", "下書き", "提出済", "差戻し", "確認済"])
      expect(STATUS_COUNTING_RULE).toContain(label);
    expect(STATUS_COUNTING_RULE).toContain("提出率＝（提出済＋差戻し＋確認済）÷対象");
    expect(RESPONSE_STATUSES).toHaveLength(5);
  });
});
