"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { formatDeadline, formatSeireki, formatWareki, fiscalYearLabel } from "@/lib/domain/wareki";
import { endOfDayJst, isDateInput, startOfDayJst } from "@/lib/domain/jst-dates";
import { ApiErrorNotice } from "./api-error";
import { errorClass, inputClass, labelClass } from "./form-styles";
import { useApiAction } from "./use-api-action";

type TVersion = { id: string; kind: "CLINIC_REPORT" | "HUB_SELF_ASSESSMENT"; label: string; fiscalYear: number };
type TDates = { requestDate: string; opensOn: string; closesOn: string; publishOn: string };

const DATE_FIELDS: { key: keyof TDates; label: string; hint: string; end?: boolean }[] = [
  { key: "requestDate", label: "報告依頼日", hint: "医療機関・拠点に報告を依頼する日（任意）" },
  { key: "opensOn", label: "受付開始日", hint: "この日の 0 時から入力・提出できます" },
  { key: "closesOn", label: "提出期限", hint: "この日の 23時59分（日本時間）まで提出できます", end: true },
  { key: "publishOn", label: "公表予定日", hint: "報告内容を公表する予定の日（任意）" },
];

function preview(value: string, end?: boolean): string {
  if (!isDateInput(value)) return "";
  return end
    ? `${formatDeadline(endOfDayJst(value))} 23:59 まで`
    : `${formatWareki(startOfDayJst(value))}（${formatSeireki(startOfDayJst(value))}）`;
}

/** Creates a cycle from a published version, or (with `cycleId`) changes its dates. */
export function CycleForm({
  versions,
  cycleId,
  initial,
}: Readonly<{ versions?: TVersion[]; cycleId?: string; initial?: TDates }>) {
  const id = useId();
  const router = useRouter();
  const { run, pending, error } = useApiAction<{ cycleId: string }>();
  const [dates, setDates] = useState<TDates>(initial ?? { requestDate: "", opensOn: "", closesOn: "", publishOn: "" });
  const [versionId, setVersionId] = useState("");
  const [fiscalYear, setFiscalYear] = useState("");
  const fieldError = (field: string) => error?.fieldErrors?.[field]?.[0];
  const described = (field: string, hint = true) =>
    [hint ? `${id}-${field}-hint` : null, fieldError(field) ? `${id}-${field}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = { ...dates, ...(cycleId ? {} : { versionId, fiscalYear }) };
    const result = cycleId
      ? await run("PUT", `/api/v1/prefecture/cycles/${cycleId}`, body)
      : await run("POST", "/api/v1/prefecture/cycles", body, { refresh: false });
    if (result && !cycleId && "cycleId" in (result as object))
      router.push(`/prefecture/cycles/${(result as { cycleId: string }).cycleId}`);
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {versions && (
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor={`${id}-versionId`} className={labelClass}>
              調査票の版（公開済み）
            </label>
            <select
              id={`${id}-versionId`}
              value={versionId}
              onChange={(e) => {
                setVersionId(e.target.value);
                const version = versions.find((v) => v.id === e.target.value);
                if (version && !fiscalYear) setFiscalYear(String(version.fiscalYear));
              }}
              className={inputClass}
              aria-invalid={fieldError("versionId") ? "true" : undefined}
              aria-describedby={described("versionId", false)}
            >
              <option value="">選んでください</option>
              {(["CLINIC_REPORT", "HUB_SELF_ASSESSMENT"] as const).map((kind) => (
                <optgroup
                  key={kind}
                  label={kind === "CLINIC_REPORT" ? "かかりつけ医機能報告" : "在宅医療連携拠点 自己評価"}
                >
                  {versions
                    .filter((v) => v.kind === kind)
                    .map((v) => (
                      <option key={v.id} value={v.id}>
                        {v.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {fieldError("versionId") && (
              <p id={`${id}-versionId-error`} className={errorClass}>
                {fieldError("versionId")}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-fiscalYear`} className={labelClass}>
              年度（西暦）
            </label>
            <input
              id={`${id}-fiscalYear`}
              inputMode="numeric"
              value={fiscalYear}
              onChange={(e) => setFiscalYear(e.target.value)}
              className={inputClass}
              aria-invalid={fieldError("fiscalYear") ? "true" : undefined}
              aria-describedby={described("fiscalYear")}
            />
            <p id={`${id}-fiscalYear-hint`} className="mt-1 text-xs text-gray-500">
              {/^\d{4}$/.test(fiscalYear) ? fiscalYearLabel(Number(fiscalYear)) : "例: 2026（令和8年度）"}
            </p>
            {fieldError("fiscalYear") && (
              <p id={`${id}-fiscalYear-error`} className={errorClass}>
                {fieldError("fiscalYear")}
              </p>
            )}
          </div>
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {DATE_FIELDS.map((f) => (
          <div key={f.key}>
            <label htmlFor={`${id}-${f.key}`} className={labelClass}>
              {f.label}
            </label>
            <input
              id={`${id}-${f.key}`}
              type="date"
              value={dates[f.key]}
              onChange={(e) => setDates({ ...dates, [f.key]: e.target.value })}
              className={inputClass}
              aria-invalid={fieldError(f.key) ? "true" : undefined}
              aria-describedby={described(f.key)}
            />
            <p id={`${id}-${f.key}-hint`} className="mt-1 text-xs text-gray-500">
              {preview(dates[f.key], f.end) || f.hint}
            </p>
            {fieldError(f.key) && (
              <p id={`${id}-${f.key}-error`} className={errorClass}>
                {fieldError(f.key)}
              </p>
            )}
          </div>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "保存中…" : cycleId ? "日程を保存" : "報告サイクルを作成"}
      </Button>
      {error && <ApiErrorNotice error={{ ...error, fieldErrors: undefined }} />}
    </form>
  );
}
