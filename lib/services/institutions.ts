import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, forbiddenError } from "@/lib/errors";
import { findInstitution } from "@/lib/data/institutions";
import { auditRow } from "./audit";

export const ZInstitutionContact = z.object({
  phone: z
    .string()
    .trim()
    .max(20, { error: "電話番号は20文字以内で入力してください。" })
    .regex(/^[0-9０-９\-‐－()（） ]*$/, { error: "電話番号は数字とハイフンで入力してください。" }),
  contactEmail: z.union([z.literal(""), z.email({ error: "メールアドレスの形式が正しくありません。" })]),
});

/**
 * The institution's contact details (電話・担当者メール). The institution edits its own; the
 * prefecture edits those in its prefecture; nobody else may.
 */
export async function updateInstitutionContact(viewer: TViewer, id: string, input: unknown) {
  if (viewer.role !== "institution" && viewer.role !== "prefecture") throw forbiddenError();
  const parsed = ZInstitutionContact.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", fieldErrors);
  }
  const before = await findInstitution(viewer, id);
  const data = { phone: parsed.data.phone || null, contactEmail: parsed.data.contactEmail.toLowerCase() || null };
  await db.$transaction([
    db.institution.update({ where: { id: before.id }, data }),
    db.auditEvent.createMany({
      data: [
        auditRow(viewer, {
          action: "institution.update_contact",
          entityType: "institution",
          entityId: before.id,
          prefectureCode: before.prefectureCode,
          summary: `${before.name} の連絡先を変更`,
          before: { phone: before.phone, contactEmail: before.contactEmail },
          after: data,
        }),
      ],
    }),
  ]);
  return findInstitution(viewer, id);
}
