// The forms that create and change single accounts (issue 13, part 2): one zod schema per form,
// used by the browser (react-hook-form) for messages while typing and by the service, which
// never trusts the browser, to check again. Pure: no React, no Prisma.
import { z } from "zod";
import { isPrefectureCode } from "./prefectures";

const EMAIL_PATTERN = /^[^\s@,;、]+@[^\s@,;、]+\.[^\s@,;、]+$/;

const ZName = z
  .string({ error: "氏名を入力してください。" })
  .trim()
  .min(1, { error: "氏名を入力してください。" })
  .max(100, { error: "氏名は100文字以内で入力してください。" });

const ZEmail = z
  .string({ error: "メールアドレスを入力してください。" })
  .trim()
  .min(1, { error: "メールアドレスを入力してください。" })
  .max(254, { error: "メールアドレスが長すぎます。" })
  .regex(EMAIL_PATTERN, { error: "メールアドレスの形式が正しくありません（例: tanto@example.jp）。" });

const ZZoneIds = z
  .array(z.string().min(1).max(100), { error: "圏域を1つ以上選んでください。" })
  .min(1, { error: "圏域を1つ以上選んでください。" })
  .max(200, { error: "選べる圏域は200までです。" });

/** A prefecture officer, created by the national administrator. */
export const ZOfficerForm = z.object({
  name: ZName,
  email: ZEmail,
  prefectureCode: z
    .string({ error: "都道府県を選んでください。" })
    .refine(isPrefectureCode, { error: "都道府県を選んでください。" }),
});
export type TOfficerForm = z.infer<typeof ZOfficerForm>;

/** A council (協議の場) member or a hub's account, created by the prefecture. */
export const ZRespondentAccountForm = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("council"), name: ZName, email: ZEmail, zoneIds: ZZoneIds }),
    z.object({
      kind: z.literal("hub"),
      name: ZName,
      email: ZEmail,
      hubId: z.string({ error: "拠点を選んでください。" }).min(1, { error: "拠点を選んでください。" }),
    }),
  ],
  { error: "作成するアカウントの種類を選んでください。" },
);
export type TRespondentAccountForm = z.infer<typeof ZRespondentAccountForm>;

/** The zones of a council member. */
export const ZCouncilZonesForm = z.object({ zoneIds: ZZoneIds });
export type TCouncilZonesForm = z.infer<typeof ZCouncilZonesForm>;

/** Field messages of a failed parse, keyed by the top-level field (the service's AppError shape). */
export function fieldMessages(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (out[field] ??= []).push(issue.message);
  }
  return out;
}

export const DUPLICATE_EMAIL_MESSAGE =
  "このメールアドレスはすでに別のアカウントで使われています。1つのメールアドレスで作れるアカウントは1つです。別のアドレスを入力するか、一覧で既存のアカウントを確認してください。";
