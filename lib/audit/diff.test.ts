import { describe, expect, it } from "vitest";
import { changedFields } from "./diff";

describe("changedFields", () => {
  it("keeps only what changed, on both sides", () => {
    expect(changedFields({ a: 1, b: "x", c: [1, 2] }, { a: 1, b: "y", c: [1, 2], d: true })).toEqual({
      before: { b: "x" },
      after: { b: "y", d: true },
    });
  });

  it("compares nested values structurally", () => {
    expect(changedFields({ p: [{ name: "A" }] }, { p: [{ name: "A" }] })).toEqual({ before: {}, after: {} });
    expect(changedFields({ p: [{ name: "A" }] }, { p: [{ name: "B" }] }).after).toEqual({ p: [{ name: "B" }] });
  });

  it("handles a missing side", () => {
    expect(changedFields(null, { status: "SUBMITTED" })).toEqual({ before: {}, after: { status: "SUBMITTED" } });
  });
});
