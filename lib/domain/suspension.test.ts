import { describe, expect, it } from "vitest";
import { isSuspendedFor, referenceDateOf } from "./suspension";

describe("休院 on the cycle's 1 January", () => {
  it("refers 令和8年度 to 1 January 2027", () => expect(referenceDateOf(2026)).toBe("2027-01-01"));
  it.each([
    [null, 2026, false],
    ["2027-01-01", 2026, true],
    ["2026-06-30", 2026, true],
    ["2027-01-02", 2026, false],
    ["2027-01-01", 2025, false],
  ] as const)("休院日 %s, 年度 %i → %s", (suspendedSince, year, expected) => {
    expect(isSuspendedFor({ suspendedSince }, year)).toBe(expected);
  });
});
