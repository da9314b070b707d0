// When a scheduled reminder round goes out: 09:00 Japan time, so many days before the deadline's
// day. Pure (the schedule job, the page that lists the dates and the tests share it).
import { startOfDayJst, toDateInputJst } from "@/lib/domain/jst-dates";

export function reminderSendAt(closesAt: Date, days: number): Date {
  const deadlineDay = startOfDayJst(toDateInputJst(closesAt));
  return new Date(deadlineDay.getTime() - days * 86_400_000 + 9 * 3600_000);
}
