import { describe, expect, it } from "vitest";
import { ZRespondentFilter } from "./filters";
import {
  NO_FLAGS,
  REVIEW_FLAG_KINDS,
  leftOutText,
  reviewFlagKindsFor,
  reviewFlagTopics,
  totalFlags,
} from "./review-flags";

// The soft-rule warnings are review flags (ADR 0020): one filter, one ranking, one bulk guard.
// Old `?warning=` URLs (ADR 0019's separate filter) are mapped or ignored, never an error.

describe("the soft-rule warnings as review flags", () => {
  it("counts them with the other kinds and words them in what bulk confirmation left out", () => {
    expect(REVIEW_FLAG_KINDS).toEqual(expect.arrayContaining(["warning-unexplained", "big-change"]));
    const flags = { ...NO_FLAGS, outlier: 1, "warning-unexplained": 2, "big-change": 1 };
    expect(totalFlags(flags)).toBe(4);
    expect(leftOutText({ flagged: flags })).toBe("外れ値あり 1件・注意あり・説明未記入 2件・前年比大 1件");
  });

  it("names every kind's topic once where the flags are named as a whole (titles, the bulk button)", () => {
    expect(reviewFlagTopics()).toBe("外れ値・照会・説明未記入の注意・前年比大");
    expect(reviewFlagTopics(reviewFlagKindsFor(true))).toBe("外れ値・照会・説明未記入の注意・前年比大");
    // A hub self-assessment has no outliers.
    expect(reviewFlagTopics(reviewFlagKindsFor(false))).toBe("照会・説明未記入の注意・前年比大");
    expect(reviewFlagTopics(["query-answered", "outlier", "query-open"])).toBe("外れ値・照会");
  });

  it.each([
    [{ flag: "warning-unexplained" }, "warning-unexplained"],
    [{ flag: "big-change" }, "big-change"],
    [{ warning: "unexplained" }, "warning-unexplained"],
    [{ warning: "bigChange" }, "big-change"],
    [{ warning: "any" }, undefined],
    [{ warning: "constructor" }, undefined],
    [{ warning: ["unexplained"] }, undefined],
    [{ warning: "unexplained", flag: "outlier" }, "outlier"],
  ] as const)("reads %j as the flag filter %s", (params, flag) => {
    const filter = ZRespondentFilter.parse(params);
    expect(filter.flag).toBe(flag);
    expect(filter).not.toHaveProperty("warning");
  });
});
