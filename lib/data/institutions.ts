import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, forbiddenError, notFoundError } from "@/lib/errors";
import { auditRow } from "./audit";
import { institutionScope } from "./scope";

const institutionSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  beds: true,
  postalCode: true,
  address: true,
  phone: true,
  contactEmail: true,
  isActive: true,
  prefectureCode: true,
  municipalityCode: true,
  municipality: { select: { name: true } },
} as const;

/** One institution, or NOT_FOUND when it does not exist *or* lies outside the viewer's scope. */
export async function findInstitution(viewer: TViewer, id: string) {
  const institution = await db.institution.findFirst({
    where: { AND: [institutionScope(viewer), { id }] },
    select: institutionSelect,
  });
  if (!institution) throw notFoundError("医療機関");
  return institution;
}

export type TInstitutionFilter = {
  municipalityCodes?: string[];
  kind?: "HOSPITAL" | "CLINIC";
  query?: string;
  includeInactive?: boolean;
  take?: number;
};

export async function listInstitutions(viewer: TViewer, filter: TInstitutionFilter = {}) {
  const query = filter.query?.normalize("NFKC").trim();
  return db.institution.findMany({
    where: {
      AND: [
        institutionScope(viewer),
        filter.includeInactive ? {} : { isActive: true },
        filter.municipalityCodes ? { municipalityCode: { in: filter.municipalityCodes } } : {},
        filter.kind ? { kind: filter.kind } : {},
        query ? { OR: [{ name: { contains: query } }, { code: { startsWith: query } }] } : {},
      ],
    },
    select: institutionSelect,
    orderBy: { code: "asc" },
    take: filter.take ?? 500,
  });
}

export const ZInstitutionContact = z.object({
  phone: z
    .string()
    .trim()
    .max(20, { error: "電話番号は20文字以内で入力してください。" })
    .regex(/^[0-9０-９\-‐－()（） ]*$/, { error: "電話番号は数字とハイフンで入力してください。" }),
  contactEmail: z.union([z.literal(""), z.email({ error: "メールアドレスの形式が正しくありません。" })]),
});
export type TInstitutionContact = z.infer<typeof ZInstitutionContact>;

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
