import { describe, expect, it } from "vitest";
import { mailBatchView, MISSED_ROUND_TEXT } from "./mail-batches";

const base = {
  id: "b1",
  kind: "REMINDER",
  scheduleKey: null,
  createdAt: new Date("2026-10-01T00:00:00Z"),
  createdByEmail: "pref@example.jp",
  missed: false,
  total: 3,
  done: 3,
  counts: { SENT: 2, SKIPPED: 1 },
};

describe("mailBatchView", () => {
  it("names who started a send by hand, and counts with the shared status words", () => {
    expect(mailBatchView(base)).toMatchObject({
      label: "督促",
      startedBy: "pref@example.jp",
      missed: false,
      countsText: "送信済 2・送信不要 1",
    });
  });

  it("says a scheduled round was started by the schedule, and one passed over sent nothing", () => {
    const sent = mailBatchView({ ...base, scheduleKey: "schedule:7", createdByEmail: "schedule" });
    expect(sent).toMatchObject({ label: "督促（予定: 期限の7日前）", startedBy: "督促の予定（自動）" });
    const missed = mailBatchView({
      ...base,
      scheduleKey: "schedule:14",
      createdByEmail: null,
      missed: true,
      total: 0,
      done: 0,
      counts: {},
    });
    expect(missed).toMatchObject({ missed: true, countsText: "—" });
    expect(MISSED_ROUND_TEXT).toContain("送信せず");
  });
});
