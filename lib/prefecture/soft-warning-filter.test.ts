import { describe, expect, it } from "vitest";
import { softWarningBadgeText } from "./soft-warning-filter";

describe("the review list's words for the soft-rule warnings of a report", () => {
  it.each<[string, Parameters<typeof softWarningBadgeText>[0], string | null]>([
    ["no warnings stored", null, null],
    ["none", { total: 0, unexplained: 0, bigChange: 0 }, null],
    ["explained, not year over year", { total: 1, unexplained: 0, bigChange: 0 }, "確認事項 1"],
    ["unexplained", { total: 2, unexplained: 2, bigChange: 0 }, "確認事項 2（説明未記入 2）"],
    ["both", { total: 3, unexplained: 1, bigChange: 2 }, "確認事項 3（説明未記入 1・前年比大 2）"],
  ])("%s", (_name, counts, expected) => {
    expect(softWarningBadgeText(counts)).toBe(expected);
  });
});
