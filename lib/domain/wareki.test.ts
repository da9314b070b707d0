import { describe, expect, it } from "vitest";
import { fiscalYearLabel, fiscalYearOf, formatDeadline, formatWareki } from "./wareki";

describe("和暦", () => {
  it.each([
    ["2026-02-27T12:00:00+09:00", "令和8年2月27日"],
    ["2019-05-01T00:00:00+09:00", "令和元年5月1日"],
    ["2019-04-30T23:59:00+09:00", "平成31年4月30日"],
    // 23:30 UTC on 31 March is already 1 April in Japan
    ["2025-03-31T23:30:00Z", "令和7年4月1日"],
  ])("%s → %s", (iso, expected) => {
    expect(formatWareki(new Date(iso))).toBe(expected);
  });

  it("shows a deadline in 和暦 with weekday and 西暦", () => {
    expect(formatDeadline(new Date("2026-02-27T23:59:59+09:00"))).toBe("令和8年2月27日（金）（2026/02/27）");
  });

  it.each([
    [2025, "令和7年度"],
    [2019, "令和元年度"],
    [2018, "平成30年度"],
  ])("fiscal year %i is %s", (year, label) => {
    expect(fiscalYearLabel(year)).toBe(label);
  });

  it.each([
    ["2026-03-31T23:59:00+09:00", 2025],
    ["2026-04-01T00:00:00+09:00", 2026],
  ])("%s falls in fiscal year %i", (iso, year) => {
    expect(fiscalYearOf(new Date(iso))).toBe(year);
  });
});
