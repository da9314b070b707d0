"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import {
  COUNCIL_BODIES,
  COUNCIL_BODY_LABELS,
  COUNCIL_MEASURE_STATUSES,
  COUNCIL_MEASURE_STATUS_LABELS,
} from "@/lib/domain/council";
import { ZCouncilMeasureInput, type TCouncilMeasureInput } from "@/lib/domain/council-input";
import { Field, aria, inputClass, submitForm } from "./form-kit";
import { IndicatorOptions, type TIndicatorOption } from "./indicator-options";

export const EMPTY_MEASURE: TCouncilMeasureInput = {
  title: "",
  issueId: "",
  ownerBody: "MUNICIPALITY",
  ownerName: "",
  startMonth: "",
  deadlineMonth: "",
  indicatorKey: "",
  target: "",
  status: "PLANNED",
  notes: "",
};

/** ⑤ a 対応策: owner, months, the indicator to follow with its target, status and notes. */
export function MeasureForm({
  recordId,
  measureId = null,
  initial = EMPTY_MEASURE,
  issues,
  indicators,
}: Readonly<{
  recordId: string;
  measureId?: string | null;
  initial?: TCouncilMeasureInput;
  issues: { id: string; title: string }[];
  indicators: TIndicatorOption[];
}>) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<TCouncilMeasureInput>({
    resolver: zodResolver(ZCouncilMeasureInput),
    defaultValues: initial,
  });
  const e = formState.errors;
  const p = measureId ? `measure-${measureId}` : "measure-new";
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const url = measureId
      ? `/api/v1/council/records/${recordId}/measures/${measureId}`
      : `/api/v1/council/records/${recordId}/measures`;
    const result = await submitForm(measureId ? "PUT" : "POST", url, values, setError);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setMessage({
      tone: "success",
      text: measureId ? "対応策を保存しました。" : "対応策を追加しました（基準値を記録しました）。",
    });
    if (!measureId) reset(EMPTY_MEASURE);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={measureId ? "対応策の編集" : "対応策の追加"}>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Field id={`${p}-title`} label="⑤ 対応策" error={e.title?.message}>
        <textarea rows={2} className={inputClass} {...aria(`${p}-title`, e.title?.message)} {...register("title")} />
      </Field>
      <div className="grid gap-3 md:grid-cols-2">
        <Field id={`${p}-issue`} label="対応する課題" error={e.issueId?.message}>
          <select className={inputClass} {...aria(`${p}-issue`, e.issueId?.message)} {...register("issueId")}>
            <option value="">（課題を選ばない）</option>
            {issues.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${p}-owner`} label="担当" error={e.ownerBody?.message}>
          <select className={inputClass} {...aria(`${p}-owner`, e.ownerBody?.message)} {...register("ownerBody")}>
            {COUNCIL_BODIES.map((b) => (
              <option key={b} value={b}>
                {COUNCIL_BODY_LABELS[b]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${p}-owner-name`} label="担当の名称（任意）" error={e.ownerName?.message}>
          <input className={inputClass} {...aria(`${p}-owner-name`, e.ownerName?.message)} {...register("ownerName")} />
        </Field>
        <Field id={`${p}-status`} label="状況" error={e.status?.message}>
          <select className={inputClass} {...aria(`${p}-status`, e.status?.message)} {...register("status")}>
            {COUNCIL_MEASURE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {COUNCIL_MEASURE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${p}-start`} label="開始（年月）" error={e.startMonth?.message}>
          <input
            type="month"
            placeholder="2025-10"
            className={inputClass}
            {...aria(`${p}-start`, e.startMonth?.message)}
            {...register("startMonth")}
          />
        </Field>
        <Field id={`${p}-deadline`} label="期限（年月）" error={e.deadlineMonth?.message}>
          <input
            type="month"
            placeholder="2026-03"
            className={inputClass}
            {...aria(`${p}-deadline`, e.deadlineMonth?.message)}
            {...register("deadlineMonth")}
          />
        </Field>
        <Field
          id={`${p}-indicator`}
          label="確認する指標"
          error={e.indicatorKey?.message}
          hint="追加した時点の圏域の値を基準値として記録し、翌年度の値と比べます。"
        >
          <select
            className={inputClass}
            {...aria(`${p}-indicator`, e.indicatorKey?.message)}
            {...register("indicatorKey")}
          >
            <option value="">（指標を選ばない）</option>
            <IndicatorOptions options={indicators} />
          </select>
        </Field>
        <Field id={`${p}-target`} label="目標値（割合は%、人口当たりは1万人当たりの数）" error={e.target?.message}>
          <input
            inputMode="decimal"
            className={inputClass}
            {...aria(`${p}-target`, e.target?.message)}
            {...register("target")}
          />
        </Field>
      </div>
      <Field id={`${p}-notes`} label="経過・メモ" error={e.notes?.message}>
        <textarea rows={2} className={inputClass} {...aria(`${p}-notes`, e.notes?.message)} {...register("notes")} />
      </Field>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "保存中…" : measureId ? "対応策を保存" : "対応策を追加"}
      </Button>
    </form>
  );
}
