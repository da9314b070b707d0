// Dates as Japanese officials write them. 和暦 comes from the platform's own ICU calendar data
// (Intl "ja-JP-u-ca-japanese"), which tracks era changes; we add no era table of our own
// (docs/decisions/0006-dependencies.md). Every date is shown in Japan time.
const TIME_ZONE = "Asia/Tokyo";

const warekiDate = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  era: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: TIME_ZONE,
});
const warekiYear = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  era: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
});
const seirekiDate = new Intl.DateTimeFormat("ja-JP", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: TIME_ZONE,
});
const seirekiDateTime = new Intl.DateTimeFormat("ja-JP", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TIME_ZONE,
});
const weekday = new Intl.DateTimeFormat("ja-JP", { weekday: "short", timeZone: TIME_ZONE });

/** 令和8年2月27日 (ICU writes the first year of an era as 元年, as officials do). */
export function formatWareki(date: Date): string {
  return warekiDate.format(date);
}

/** 2026/02/27 */
export function formatSeireki(date: Date): string {
  return seirekiDate.format(date);
}

/** 令和8年2月27日（金）（2026/02/27）— how a deadline is shown to respondents. */
export function formatDeadline(date: Date): string {
  return `${formatWareki(date)}（${weekday.format(date)}）（${formatSeireki(date)}）`;
}

export function formatDateTime(date: Date): string {
  return seirekiDateTime.format(date);
}

/**
 * 年度 label: fiscal year 2025 (April 2025 – March 2026) → 令和7年度. Named by the era in force
 * for most of the year (1 October), as offices write 令和元年度 for FY2019 although 1 April 2019
 * was still 平成.
 */
export function fiscalYearLabel(fiscalYear: number): string {
  const midYear = new Date(Date.UTC(fiscalYear, 9, 1, 3));
  return `${warekiYear.format(midYear)}度`;
}

/** The fiscal year (April–March, Japan time) a date falls in. */
export function fiscalYearOf(date: Date): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "numeric",
    timeZone: TIME_ZONE,
  }).formatToParts(date);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = Number(parts.find((p) => p.type === "month")?.value);
  return month >= 4 ? year : year - 1;
}

/** 令和8年 for (2026, 1): the era year in force in that month (平成31年4月 / 令和元年5月). */
export function warekiYearOfMonth(year: number, month: number): string {
  return warekiYear.format(new Date(Date.UTC(year, month - 1, 15, 3)));
}
