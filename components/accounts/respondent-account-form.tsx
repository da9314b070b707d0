"use client";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { ApiErrorNotice } from "@/components/prefecture/api-error";
import { useApiAction } from "@/components/prefecture/use-api-action";
import { errorClass, inputClass, labelClass } from "@/components/prefecture/form-styles";
import { ZRespondentAccountForm } from "@/lib/domain/account-forms";
import { InvitationResult, type TInvitationOutcome } from "./invitation-result";
import { TextField } from "./text-field";
import { useServerFieldErrors } from "./use-server-field-errors";
import { ZoneCheckboxes, type TZoneOption } from "./zone-checkboxes";

// One flat shape for the form (both kinds' fields); the shared schema decides what is required.
type TValues = { kind: "council" | "hub"; name: string; email: string; zoneIds: string[]; hubId: string };
const FIELDS = ["name", "email", "zoneIds", "hubId"] as const;

/** The prefecture's form for one council member (with zones) or one hub account. */
export function RespondentAccountForm({
  zones,
  hubs,
}: Readonly<{ zones: readonly TZoneOption[]; hubs: readonly { id: string; name: string; zoneName: string }[] }>) {
  const id = useId();
  const { run, pending, error } = useApiAction<{ userId: string; invitation: TInvitationOutcome }>();
  const [done, setDone] = useState<{ email: string; outcome: TInvitationOutcome } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    watch,
    setError,
    formState: { errors },
  } = useForm<TValues>({
    // The discriminated union checks only the chosen kind's fields.
    resolver: zodResolver(ZRespondentAccountForm) as never,
    defaultValues: { kind: "council", name: "", email: "", zoneIds: [], hubId: "" },
  });
  useServerFieldErrors(error, setError, FIELDS);
  const kind = watch("kind");
  const onSubmit = handleSubmit(async (values) => {
    setDone(null);
    const body =
      values.kind === "council"
        ? { kind: "council", name: values.name, email: values.email, zoneIds: values.zoneIds }
        : { kind: "hub", name: values.name, email: values.email, hubId: values.hubId };
    const result = await run("POST", "/api/v1/prefecture/accounts", body);
    if (result) {
      setDone({ email: values.email.trim().toLowerCase(), outcome: result.invitation });
      reset({ kind: values.kind, name: "", email: "", zoneIds: [], hubId: "" });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="アカウントを追加">
      <fieldset>
        <legend className={labelClass}>種類</legend>
        <div className="mt-1 flex flex-wrap gap-x-6">
          {(
            [
              ["council", "協議の場の構成員"],
              ["hub", "在宅医療連携拠点の担当者"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex min-h-[44px] items-center gap-2 text-sm">
              <input type="radio" value={value} className="h-5 w-5 text-teal-700" {...register("kind")} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
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
      {kind === "council" ? (
        <ZoneCheckboxes
          id={`${id}-zones`}
          zones={zones}
          error={errors.zoneIds?.message}
          registration={register("zoneIds")}
        />
      ) : (
        <div>
          <label htmlFor={`${id}-hub`} className={labelClass}>
            拠点
          </label>
          <select
            id={`${id}-hub`}
            className={inputClass}
            aria-invalid={errors.hubId ? "true" : undefined}
            aria-describedby={errors.hubId ? `${id}-hub-error` : undefined}
            {...register("hubId")}
          >
            <option value="">選んでください</option>
            {hubs.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}（{h.zoneName}）
              </option>
            ))}
          </select>
          {errors.hubId && (
            <p id={`${id}-hub-error`} className={errorClass}>
              {errors.hubId.message}
            </p>
          )}
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "作成中…" : "アカウントを追加して招待する"}
      </Button>
      {error && !error.fieldErrors && <ApiErrorNotice error={error} />}
      {done && <InvitationResult email={done.email} outcome={done.outcome} />}
    </form>
  );
}
