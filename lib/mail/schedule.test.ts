import { describe, expect, it } from "vitest";
import { endOfDayJst } from "@/lib/domain/jst-dates";
import { reminderSendAt } from "./schedule";

describe("reminderSendAt", () => {
  it.each([
    [14, "2026-02-13T00:00:00.000Z"],
    [7, "2026-02-20T00:00:00.000Z"],
    [1, "2026-02-26T00:00:00.000Z"],
  ])("%i days before a deadline of 2026-02-27 (JST) is 09:00 JST that day", (days, iso) => {
    expect(reminderSendAt(endOfDayJst("2026-02-27"), days).toISOString()).toBe(iso);
  });
});
