import { describe, expect, it } from "vitest";
import {
  cycleWritability,
  type TCycleWindow,
  isLockedBySubmission,
  queryCorrection,
  queryCorrectionText,
} from "./cycle-window";

const cycle: TCycleWindow = {
  status: "OPEN",
  opensAt: new Date("2026-01-05T00:00:00+09:00"),
  closesAt: new Date("2026-02-27T23:59:59+09:00"),
};
const d = (iso: string) => new Date(iso);

describe("cycleWritability", () => {
  it.each<[string, Partial<TCycleWindow>, string | null, string, boolean, string]>([
    ["within the window", {}, null, "2026-02-01T10:00:00+09:00", true, "open"],
    ["on the deadline's last second", {}, null, "2026-02-27T23:59:59+09:00", true, "open"],
    ["after the deadline", {}, null, "2026-02-28T00:00:00+09:00", false, "closed"],
    ["before opening", {}, null, "2026-01-04T12:00:00+09:00", false, "notYetOpen"],
    ["a closed cycle within its dates", { status: "CLOSED" }, null, "2026-02-01T10:00:00+09:00", false, "closed"],
    ["a cycle in preparation", { status: "PREPARING" }, null, "2026-02-01T10:00:00+09:00", false, "preparing"],
    ["reopened for this respondent", {}, "2026-03-10T23:59:59+09:00", "2026-03-05T10:00:00+09:00", true, "reopened"],
    ["a reopening that has expired", {}, "2026-03-10T23:59:59+09:00", "2026-03-11T10:00:00+09:00", false, "closed"],
    [
      "reopened even though the cycle is closed",
      { status: "CLOSED" },
      "2026-03-10T23:59:59+09:00",
      "2026-03-05T10:00:00+09:00",
      true,
      "reopened",
    ],
  ])("%s", (_name, overrides, reopened, now, writable, reason) => {
    const result = cycleWritability({ ...cycle, ...overrides }, reopened ? d(reopened) : null, d(now));
    expect(result).toMatchObject({ writable, reason });
  });
});

describe("isLockedBySubmission: the one rule for whether answers change without an amendment", () => {
  it.each([
    [null, false],
    [{ status: "DRAFT", isAmending: false }, false],
    [{ status: "RETURNED", isAmending: false }, false],
    [{ status: "SUBMITTED", isAmending: false }, true],
    [{ status: "CONFIRMED", isAmending: false }, true],
    [{ status: "SUBMITTED", isAmending: true }, false],
    [{ status: "CONFIRMED", isAmending: true }, false],
  ] as const)("%o → locked %s", (submission, locked) => {
    expect(isLockedBySubmission(submission)).toBe(locked);
  });
});

describe("queryCorrection: how a respondent corrects its report in answer to a 照会", () => {
  it.each<[string, boolean, { status: string; isAmending: boolean } | null, string]>([
    ["a returned report within the window: in the form", true, { status: "RETURNED", isAmending: false }, "edit"],
    ["an amendment under way: in the form", true, { status: "CONFIRMED", isAmending: true }, "edit"],
    ["submitted: start a 修正 first", true, { status: "SUBMITTED", isAmending: false }, "start:修正"],
    ["confirmed: start a 変更報告 first", true, { status: "CONFIRMED", isAmending: false }, "start:変更報告"],
    ["after the deadline: not until reopened", false, { status: "SUBMITTED", isAmending: false }, "closed"],
  ])("%s", (_name, writable, submission, expected) => {
    const correction = queryCorrection(writable, submission);
    expect(correction.way === "start" ? `start:${correction.what}` : correction.way).toBe(expected);
  });

  it("words each way; after the deadline it names no button and says the correction goes in the answer", () => {
    expect(queryCorrectionText({ way: "start", what: "変更報告" })).toContain("「変更報告を始める」");
    const closed = queryCorrectionText({ way: "closed" });
    expect(closed).toContain("回答欄に訂正内容を書いてください（都道府県が入力を再開すると修正できます）");
    expect(closed).not.toContain("始める");
  });
});
