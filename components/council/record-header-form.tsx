"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import {
  COUNCIL_BODIES,
  COUNCIL_BODY_LABELS,
  COUNCIL_RECORD_STATUSES,
  COUNCIL_RECORD_STATUS_LABELS,
  type TCouncilMeeting,
  type TCouncilRecordStatus,
} from "@/lib/domain/council";
import { ZCouncilRecordInput, type TCouncilRecordInput } from "@/lib/domain/council-input";
import { Field, aria, inputClass, submitForm } from "./form-kit";

type TValues = TCouncilRecordInput;

/** ① meetings (date, attendees by body, agenda), ② 目指す姿 and the record's status. */
export function RecordHeaderForm({
  recordId,
  initial,
}: Readonly<{
  recordId: string;
  initial: { vision: string; meetings: TCouncilMeeting[]; status: TCouncilRecordStatus };
}>) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TValues>({ resolver: zodResolver(ZCouncilRecordInput), defaultValues: initial });
  const { register, control, handleSubmit, setError, formState } = form;
  const meetings = useFieldArray({ control, name: "meetings" });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await submitForm("PUT", `/api/v1/council/records/${recordId}`, values, setError);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setMessage({ tone: "success", text: "保存しました。" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="開催状況と目指す姿">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-gray-900">① 協議の場の開催</legend>
        {meetings.fields.map((field, index) => (
          <MeetingFields key={field.id} index={index} form={form} onRemove={() => meetings.remove(index)} />
        ))}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() =>
            meetings.append({ date: "", agenda: "", attendees: [{ body: "MUNICIPALITY", count: 1, names: "" }] })
          }
        >
          会議を追加
        </Button>
        {errors.meetings?.message && <p className="text-sm text-red-700">{errors.meetings.message}</p>}
      </fieldset>
      <Field id="record-vision" label="② 目指す姿" error={errors.vision?.message}>
        <textarea
          rows={3}
          className={inputClass}
          {...aria("record-vision", errors.vision?.message)}
          {...register("vision")}
        />
      </Field>
      <Field
        id="record-status"
        label="記録の状態"
        error={errors.status?.message}
        hint="「公表」にすると、県のホームページ向けの公開ページとCSV・PDFに載ります。"
      >
        <select className={inputClass} {...aria("record-status", errors.status?.message)} {...register("status")}>
          {COUNCIL_RECORD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {COUNCIL_RECORD_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "保存中…" : "開催状況・目指す姿を保存"}
      </Button>
    </form>
  );
}

function MeetingFields({
  index,
  form,
  onRemove,
}: Readonly<{ index: number; form: ReturnType<typeof useForm<TValues>>; onRemove: () => void }>) {
  const { register, control, formState } = form;
  const attendees = useFieldArray({ control, name: `meetings.${index}.attendees` });
  const errors = formState.errors.meetings?.[index];
  const base = `meeting-${index}`;
  return (
    <div className="space-y-3 rounded-md border border-gray-200 p-3">
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <Field id={`${base}-date`} label={`会議${index + 1} 開催日`} error={errors?.date?.message}>
          <input
            type="date"
            className={inputClass}
            {...aria(`${base}-date`, errors?.date?.message)}
            {...register(`meetings.${index}.date`)}
          />
        </Field>
        <Field id={`${base}-agenda`} label="議題" error={errors?.agenda?.message}>
          <textarea
            rows={2}
            className={inputClass}
            {...aria(`${base}-agenda`, errors?.agenda?.message)}
            {...register(`meetings.${index}.agenda`)}
          />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-700">出席者（所属ごと）</legend>
        {attendees.fields.map((a, j) => {
          const e = errors?.attendees?.[j];
          const id = `${base}-att-${j}`;
          return (
            <div key={a.id} className="grid grid-cols-2 gap-2 sm:grid-cols-[14rem_6rem_1fr_auto]">
              <Field id={`${id}-body`} label="所属" error={e?.body?.message}>
                <select
                  className={inputClass}
                  {...aria(`${id}-body`, e?.body?.message)}
                  {...register(`meetings.${index}.attendees.${j}.body`)}
                >
                  {COUNCIL_BODIES.map((b) => (
                    <option key={b} value={b}>
                      {COUNCIL_BODY_LABELS[b]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`${id}-count`} label="人数" error={e?.count?.message}>
                <input
                  inputMode="numeric"
                  className={inputClass}
                  {...aria(`${id}-count`, e?.count?.message)}
                  {...register(`meetings.${index}.attendees.${j}.count`)}
                />
              </Field>
              <Field id={`${id}-names`} label="氏名・役職（任意）" error={e?.names?.message}>
                <input
                  className={inputClass}
                  {...aria(`${id}-names`, e?.names?.message)}
                  {...register(`meetings.${index}.attendees.${j}.names`)}
                />
              </Field>
              <div className="flex items-end">
                <Button type="button" variant="ghost" size="sm" onClick={() => attendees.remove(j)}>
                  行を削除
                </Button>
              </div>
            </div>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => attendees.append({ body: "MEDICAL_ASSOCIATION", count: 1, names: "" })}
        >
          出席者の行を追加
        </Button>
      </fieldset>
      <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
        この会議を削除
      </Button>
    </div>
  );
}
