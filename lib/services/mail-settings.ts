import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { FORBIDDEN_CHARACTERS_MESSAGE, hasForbiddenCharacters } from "@/lib/domain/text";
import { findCycle } from "@/lib/data/cycles";
import { getMailSettings, getReminderSchedule } from "@/lib/data/cycle-mail";
import { auditRow } from "./audit";
import { parseInput } from "./input";

// The prefecture's mail settings (sender name, contact, signature) and a cycle's reminder schedule,
// both set by the officer and audited.

function asOfficer(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

const text = (max: number, required: string | null) => {
  const base = z
    .string()
    .trim()
    .max(max, { error: `${max}文字以内で入力してください。` })
    .refine((v) => !hasForbiddenCharacters(v), { error: FORBIDDEN_CHARACTERS_MESSAGE });
  return required ? base.pipe(z.string().min(1, { error: required })) : base.default("");
};

export const ZMailSettings = z.object({
  senderName: text(100, "差出人名を入力してください（例: ○○県 健康福祉部 地域医療課）。"),
  contact: text(500, "問い合わせ先を入力してください（電話番号・受付時間など）。"),
  signature: text(500, null),
});

/** Saves the prefecture's sender name, contact and signature (used from the next mail on). */
export async function saveMailSettings(viewer: TViewer, input: unknown): Promise<void> {
  const officer = asOfficer(viewer);
  const next = parseInput(ZMailSettings, input);
  const { sender, saved } = await getMailSettings(officer);
  await db.$transaction([
    db.prefectureMailSettings.upsert({
      where: { prefectureCode: officer.prefectureCode },
      create: { prefectureCode: officer.prefectureCode, ...next, updatedById: officer.userId },
      update: { ...next, updatedById: officer.userId },
    }),
    db.auditEvent.create({
      data: auditRow(officer, {
        action: "mail.settings",
        entityType: "prefecture",
        entityId: officer.prefectureCode,
        prefectureCode: officer.prefectureCode,
        summary: "メールの差出人・問い合わせ先・署名を変更",
        before: saved ? { senderName: sender.senderName, contact: sender.contact, signature: sender.signature } : null,
        after: next,
      }),
    }),
  ]);
}

/** "14, 7, 3, 1" (or an array): whole days before the deadline, 1–60, at most 8 of them. */
export const ZReminderSchedule = z.object({
  days: z
    .union([z.string(), z.array(z.union([z.string(), z.number()]))])
    .transform((v) => (Array.isArray(v) ? v.map(String) : v.split(/[\s,、，]+/)).filter((d) => d.trim() !== ""))
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^\d{1,2}$/, { error: "日数は1〜60の整数で入力してください（例: 14, 7, 3, 1）。" })
            .transform(Number)
            .pipe(
              z
                .number()
                .min(1, { error: "日数は1〜60で入力してください。" })
                .max(60, { error: "日数は1〜60で入力してください。" }),
            ),
        )
        .max(8, { error: "督促の予定は8回までです。" }),
    ),
});

/** Sets the days before the deadline on which the cycle's reminders go out by themselves. */
export async function saveReminderSchedule(viewer: TViewer, cycleId: string, input: unknown): Promise<number[]> {
  const officer = asOfficer(viewer);
  const cycle = await findCycle(officer, cycleId);
  const { days } = parseInput(ZReminderSchedule, input);
  const before = await getReminderSchedule(officer, cycle.id);
  const sorted = [...new Set(days)].sort((a, b) => b - a);
  await db.$transaction([
    db.cycleMailSchedule.upsert({
      where: { cycleId: cycle.id },
      create: { cycleId: cycle.id, reminderDays: sorted, updatedById: officer.userId },
      update: { reminderDays: sorted, updatedById: officer.userId },
    }),
    db.auditEvent.create({
      data: auditRow(officer, {
        action: "mail.schedule",
        entityType: "reporting_cycle",
        entityId: cycle.id,
        prefectureCode: cycle.prefectureCode,
        summary:
          sorted.length > 0
            ? `${cycle.title}の督促メールの予定を「期限の${sorted.join("・")}日前」にした`
            : `${cycle.title}の督促メールの予定をなくした`,
        before: { reminderDays: before },
        after: { reminderDays: sorted },
      }),
    }),
  ]);
  return sorted;
}
