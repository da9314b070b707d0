"use client";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "@/components/prefecture/api-error";
import { useApiAction } from "@/components/prefecture/use-api-action";
import { ZCouncilZonesForm, type TCouncilZonesForm } from "@/lib/domain/account-forms";
import { useServerFieldErrors } from "./use-server-field-errors";
import { ZoneCheckboxes, type TZoneOption } from "./zone-checkboxes";

const FIELDS = ["zoneIds"] as const;

/** Changes a council member's zones; they apply at the member's next page. */
export function CouncilZonesForm({
  userId,
  zones,
  current,
}: Readonly<{ userId: string; zones: readonly TZoneOption[]; current: readonly string[] }>) {
  const id = useId();
  const { run, pending, error } = useApiAction<{ changed: boolean }>();
  const [saved, setSaved] = useState<boolean | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TCouncilZonesForm>({
    resolver: zodResolver(ZCouncilZonesForm),
    defaultValues: { zoneIds: [...current] },
  });
  useServerFieldErrors(error, setError, FIELDS);
  const onSubmit = handleSubmit(async (values) => {
    setSaved(null);
    const result = await run("PUT", `/api/v1/prefecture/accounts/${userId}/zones`, values);
    if (result) setSaved(result.changed);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="担当する圏域の変更">
      <ZoneCheckboxes
        id={`${id}-zones`}
        zones={zones}
        error={errors.zoneIds?.message}
        registration={register("zoneIds")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "保存中…" : "圏域を保存"}
      </Button>
      {saved !== null && (
        <Notice tone="success">
          {saved ? "圏域を変更しました。次に開いた画面から新しい圏域が表示されます。" : "変更はありませんでした。"}
        </Notice>
      )}
      {error && !error.fieldErrors && <ApiErrorNotice error={error} />}
    </form>
  );
}
