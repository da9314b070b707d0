import { describe, expect, it } from "vitest";
import { endOfDayJst, isDateInput, startOfDayJst, toDateInputJst } from "./jst-dates";

describe("Japan-time calendar days", () => {
  it("stores a deadline as the end of its day in Japan", () => {
    expect(endOfDayJst("2026-02-27").toISOString()).toBe("2026-02-27T14:59:59.999Z");
    expect(startOfDayJst("2026-02-27").toISOString()).toBe("2026-02-26T15:00:00.000Z");
  });

  it("reads an instant back as its Japan-time day", () => {
    expect(toDateInputJst(new Date("2026-02-27T14:59:59.999Z"))).toBe("2026-02-27");
    expect(toDateInputJst(new Date("2026-02-27T15:00:00.000Z"))).toBe("2026-02-28");
  });

  it.each(["2026-02-30", "2026-13-01", "26-02-01", "2026/02/01", ""])("refuses %s", (value) => {
    expect(isDateInput(value)).toBe(false);
  });

  it("accepts a leap day", () => {
    expect(isDateInput("2028-02-29")).toBe(true);
  });
});
