"use client";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { ApiErrorNotice } from "@/components/prefecture/api-error";
import { useApiAction } from "@/components/prefecture/use-api-action";
import { errorClass, inputClass, labelClass } from "@/components/prefecture/form-styles";
import { PREFECTURES } from "@/lib/domain/prefectures";
import { ZOfficerForm, type TOfficerForm } from "@/lib/domain/account-forms";
import { InvitationResult, type TInvitationOutcome } from "./invitation-result";
import { TextField } from "./text-field";
import { useServerFieldErrors } from "./use-server-field-errors";

const FIELDS = ["name", "email", "prefectureCode"] as const;

/** The national administrator's form for a new prefecture officer. */
export function OfficerForm() {
  const id = useId();
  const { run, pending, error } = useApiAction<{ userId: string; invitation: TInvitationOutcome }>();
  const [done, setDone] = useState<{ email: string; outcome: TInvitationOutcome } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<TOfficerForm>({ resolver: zodResolver(ZOfficerForm), defaultValues: { prefectureCode: "" } });
  useServerFieldErrors(error, setError, FIELDS);
  const onSubmit = handleSubmit(async (values) => {
    setDone(null);
    const result = await run("POST", "/api/v1/admin/officers", values);
    if (result) {
      setDone({ email: values.email.trim().toLowerCase(), outcome: result.invitation });
      reset({ name: "", email: "", prefectureCode: "" });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="都道府県の担当者を追加">
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          <label htmlFor={`${id}-pref`} className={labelClass}>
            都道府県
          </label>
          <select
            id={`${id}-pref`}
            className={inputClass}
            aria-invalid={errors.prefectureCode ? "true" : undefined}
            aria-describedby={errors.prefectureCode ? `${id}-pref-error` : undefined}
            {...register("prefectureCode")}
          >
            <option value="">選んでください</option>
            {PREFECTURES.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
          {errors.prefectureCode && (
            <p id={`${id}-pref-error`} className={errorClass}>
              {errors.prefectureCode.message}
            </p>
          )}
        </div>
        <TextField
          id={`${id}-name`}
          label="氏名"
          autoComplete="off"
          error={errors.name?.message}
          registration={register("name")}
        />
        <TextField
          id={`${id}-email`}
          label="メールアドレス（ログインID）"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          registration={register("email")}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "作成中…" : "担当者を追加して招待する"}
      </Button>
      {error && !error.fieldErrors && <ApiErrorNotice error={error} />}
      {done && <InvitationResult email={done.email} outcome={done.outcome} />}
    </form>
  );
}
