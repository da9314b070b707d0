import { describe, expect, it } from "vitest";
import { NO_FLAGS } from "./review-flags";
import { openWarningCounts, softWarningBadgeText } from "./soft-warning-filter";

describe("the review list's words for the soft-rule warnings of a report", () => {
  it.each<[string, Parameters<typeof softWarningBadgeText>[0], string | null]>([
    ["no warnings stored", null, null],
    ["none", { total: 0, unexplained: 0, bigChange: 0 }, null],
    ["explained, not year over year", { total: 1, unexplained: 0, bigChange: 0 }, "確認事項 1"],
    ["unexplained", { total: 2, unexplained: 2, bigChange: 0 }, "確認事項 2（説明未記入 2）"],
    ["both", { total: 3, unexplained: 1, bigChange: 2 }, "確認事項 3（説明未記入 1・前年比大 2）"],
    [
      "one 前年比大 acknowledged",
      { total: 3, unexplained: 0, bigChange: 1, acknowledged: 1 },
      "確認事項 3（前年比大 1・確認済み（問題なし） 1）",
    ],
  ])("%s", (_name, counts, expected) => {
    expect(softWarningBadgeText(counts)).toBe(expected);
  });
});

describe("the badge's open counts are the review flags' (ADR 0020 acknowledgements)", () => {
  const stored = { total: 3, unexplained: 1, bigChange: 2 };
  it.each<[string, Parameters<typeof openWarningCounts>[1], string | null]>([
    [
      "nothing acknowledged",
      { ...NO_FLAGS, "warning-unexplained": 1, "big-change": 2 },
      "確認事項 3（説明未記入 1・前年比大 2）",
    ],
    [
      "one of two 前年比大 acknowledged",
      { ...NO_FLAGS, "warning-unexplained": 1, "big-change": 1 },
      "確認事項 3（説明未記入 1・前年比大 1・確認済み（問題なし） 1）",
    ],
    ["every flag settled", NO_FLAGS, "確認事項 3（確認済み（問題なし） 2）"],
  ])("%s", (_name, flags, expected) => {
    expect(softWarningBadgeText(openWarningCounts(stored, flags))).toBe(expected);
  });

  it("no stored warnings stay no badge", () => {
    expect(openWarningCounts(null, NO_FLAGS)).toBeNull();
  });
});
