import { apiRoute } from "@/lib/http/api";
import { saveReminderSchedule } from "@/lib/services/mail-settings";

/** POST { days: "14, 7, 3, 1" }: the days before the deadline on which reminders go out by themselves. */
export const POST = apiRoute<{ cycleId: string }>(async ({ viewer, params, body }) => ({
  reminderDays: await saveReminderSchedule(viewer, params.cycleId, body),
}));
