// 再提出 vs 変更報告: what a report sent again is called depends on whether the prefecture had
// accepted (確認済み) the report it replaces.
import { describe, expect, it } from "vitest";
import { nextRevisionKind, respondentStatusLabel, revisionLabel } from "./labels";

describe("nextRevisionKind", () => {
  it.each([
    [null, "INITIAL"],
    [{ status: "DRAFT", revision: 0 }, "INITIAL"],
    [{ status: "RETURNED", revision: 1 }, "RESUBMISSION"],
    [{ status: "SUBMITTED", revision: 1 }, "RESUBMISSION"],
    [{ status: "CONFIRMED", revision: 1 }, "AMENDMENT"],
    [{ status: "CONFIRMED", revision: 3 }, "AMENDMENT"],
  ] as const)("%o → %s", (submission, kind) => {
    expect(nextRevisionKind(submission)).toBe(kind);
  });
});

describe("labels", () => {
  it("names the revision with its kind", () => {
    expect(revisionLabel(1, "INITIAL")).toBe("第1版");
    expect(revisionLabel(2, "RESUBMISSION")).toBe("第2版（再提出）");
    expect(revisionLabel(3, "AMENDMENT")).toBe("第3版（変更報告）");
  });

  it("says 変更報告 only when a confirmed report is being changed", () => {
    expect(respondentStatusLabel({ status: "CONFIRMED", revision: 2, isAmending: true })).toBe(
      "変更報告を作成中（第2版まで提出済）",
    );
    expect(respondentStatusLabel({ status: "SUBMITTED", revision: 1, isAmending: true })).toBe(
      "修正（再提出）を作成中（第1版まで提出済）",
    );
  });
});
