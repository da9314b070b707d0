// What the council record forms send, checked the same way in the browser (react-hook-form's
// zod resolver) and in the services, with Japanese messages per field. Dates are month or day
// strings as typed; the target is typed in the unit the screen shows (% for a share, per 10,000
// for a rate) and converted by the service, which knows the indicator's unit.
import { z } from "zod";
import { COUNCIL_BODIES, COUNCIL_MEASURE_STATUSES, COUNCIL_RECORD_STATUSES } from "./council";

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください。` });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const ZCouncilMeeting = z.object({
  date: z.string().regex(DAY, { error: "開催日を年月日で入力してください（例: 2025-07-15）。" }),
  agenda: text(2000, "議題"),
  attendees: z
    .array(
      z.object({
        body: z.enum(COUNCIL_BODIES, { error: "出席者の所属を選んでください。" }),
        count: z.coerce
          .number({ error: "人数を数字で入力してください。" })
          .int({ error: "人数は整数で入力してください。" })
          .min(0, { error: "人数は0以上で入力してください。" })
          .max(999, { error: "人数は999以下で入力してください。" }),
        names: text(500, "出席者名"),
      }),
    )
    .max(20, { error: "出席者の行は20行までです。" }),
});

export const ZCouncilRecordInput = z.object({
  vision: text(2000, "目指す姿"),
  meetings: z.array(ZCouncilMeeting).max(20, { error: "会議は20回分まで記録できます。" }),
  status: z.enum(COUNCIL_RECORD_STATUSES, { error: "状態を選んでください。" }),
});
export type TCouncilRecordInput = z.input<typeof ZCouncilRecordInput>;

export const ZCouncilIssueInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: "課題を入力してください。" })
    .max(200, { error: "課題は200文字以内で入力してください。" }),
  indicatorKeys: z.array(z.string()).max(10, { error: "指標は10件まで選べます。" }),
  causeGovernment: text(2000, "原因（行政）"),
  causeMedical: text(2000, "原因（医療）"),
  causeCare: text(2000, "原因（介護）"),
});
export type TCouncilIssueInput = z.input<typeof ZCouncilIssueInput>;

const optionalMonth = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || MONTH.test(v), { error: `${label}を年月で入力してください（例: 2025-10）。` });

export const ZCouncilMeasureInput = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, { error: "対応策を入力してください。" })
      .max(300, { error: "対応策は300文字以内で入力してください。" }),
    issueId: z.string(),
    ownerBody: z.enum(COUNCIL_BODIES, { error: "担当を選んでください。" }),
    ownerName: text(200, "担当の名称"),
    startMonth: optionalMonth("開始"),
    deadlineMonth: optionalMonth("期限"),
    indicatorKey: z.string(),
    /** As typed: % for a share, per 10,000 for a rate; "" = no target. */
    target: z
      .string()
      .trim()
      .refine((v) => v === "" || (/^\d+(\.\d+)?$/.test(v) && Number(v) <= 100_000), {
        error: "目標値を0以上の数字で入力してください（割合は%の数字）。",
      }),
    status: z.enum(COUNCIL_MEASURE_STATUSES, { error: "状況を選んでください。" }),
    notes: text(2000, "経過・メモ"),
  })
  .superRefine((v, ctx) => {
    if (v.startMonth && v.deadlineMonth && v.deadlineMonth < v.startMonth)
      ctx.addIssue({ code: "custom", path: ["deadlineMonth"], message: "期限は開始より後の年月にしてください。" });
    if (v.target !== "" && v.indicatorKey === "")
      ctx.addIssue({
        code: "custom",
        path: ["indicatorKey"],
        message: "目標値を決めるときは確認する指標を選んでください。",
      });
  });
export type TCouncilMeasureInput = z.input<typeof ZCouncilMeasureInput>;

/** The zod issues as the form's field errors (path joined with dots). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
