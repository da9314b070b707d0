"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ZCouncilIssueInput, type TCouncilIssueInput } from "@/lib/domain/council-input";
import { Field, aria, inputClass, submitForm } from "./form-kit";
import { IndicatorOptions, type TIndicatorOption } from "./indicator-options";

const EMPTY: TCouncilIssueInput = {
  title: "",
  indicatorKeys: [],
  causeGovernment: "",
  causeMedical: "",
  causeCare: "",
};

/** ③ a 課題 linked to indicators, with ④ its causes by 行政・医療・介護 (add, or edit one). */
export function IssueForm({
  recordId,
  issueId = null,
  initial = EMPTY,
  indicators,
}: Readonly<{
  recordId: string;
  issueId?: string | null;
  initial?: TCouncilIssueInput;
  indicators: TIndicatorOption[];
}>) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<TCouncilIssueInput>({
    resolver: zodResolver(ZCouncilIssueInput),
    defaultValues: initial,
  });
  const errors = formState.errors;
  const p = issueId ? `issue-${issueId}` : "issue-new";
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const url = issueId
      ? `/api/v1/council/records/${recordId}/issues/${issueId}`
      : `/api/v1/council/records/${recordId}/issues`;
    const result = await submitForm(issueId ? "PUT" : "POST", url, values, setError);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setMessage({ tone: "success", text: issueId ? "課題を保存しました。" : "課題を追加しました。" });
    if (!issueId) reset(EMPTY);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={issueId ? "課題の編集" : "課題の追加"}>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Field id={`${p}-title`} label="③ 課題" error={errors.title?.message}>
        <input className={inputClass} {...aria(`${p}-title`, errors.title?.message)} {...register("title")} />
      </Field>
      <Field
        id={`${p}-indicators`}
        label="課題の根拠とする指標（複数選択可）"
        error={errors.indicatorKeys?.message}
        hint="課題の候補（県全体を下回る指標）が先頭にあります。Ctrl（Macは⌘）を押しながら選ぶと複数選べます。"
      >
        <select
          multiple
          size={6}
          className={inputClass}
          {...aria(`${p}-indicators`, errors.indicatorKeys?.message)}
          {...register("indicatorKeys")}
        >
          <IndicatorOptions options={indicators} />
        </select>
      </Field>
      <fieldset className="grid gap-3 md:grid-cols-3">
        <legend className="mb-1 text-sm font-medium text-gray-700">④ 原因の分析</legend>
        {(
          [
            ["causeGovernment", "行政の立場から"],
            ["causeMedical", "医療の立場から"],
            ["causeCare", "介護の立場から"],
          ] as const
        ).map(([field, label]) => (
          <Field key={field} id={`${p}-${field}`} label={label} error={errors[field]?.message}>
            <textarea
              rows={3}
              className={inputClass}
              {...aria(`${p}-${field}`, errors[field]?.message)}
              {...register(field)}
            />
          </Field>
        ))}
      </fieldset>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "保存中…" : issueId ? "課題を保存" : "課題を追加"}
      </Button>
    </form>
  );
}
