// Calendar days in Japan time. Officers pick dates ("2026-02-27"); the database holds instants.
// A deadline (提出期限) is the *end* of its day in Japan, whatever the server's time zone.
const JST_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86_400_000;

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether "YYYY-MM-DD" names a real calendar day. */
export function isDateInput(value: string): boolean {
  const match = DATE_INPUT.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 00:00:00.000 of the day in Japan time. */
export function startOfDayJst(dateInput: string): Date {
  if (!isDateInput(dateInput)) throw new RangeError(`not a date: ${dateInput}`);
  const [y, m, d] = dateInput.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - JST_OFFSET_MS);
}

/** 23:59:59.999 of the day in Japan time — how a 提出期限 is stored. */
export function endOfDayJst(dateInput: string): Date {
  return new Date(startOfDayJst(dateInput).getTime() + DAY_MS - 1);
}

/** The Japan-time calendar day of an instant, as "YYYY-MM-DD" (for date inputs). */
export function toDateInputJst(date: Date): string {
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Japan time, as "YYYY-MM-DD". */
export function todayJst(now: Date = new Date()): string {
  return toDateInputJst(now);
}
