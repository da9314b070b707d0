"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "../api-error";
import { inputClass, labelClass } from "../form-styles";
import { useApiAction } from "../use-api-action";

type TOption = { value: string; label: string };
type TPreview = {
  mailConfigured: boolean;
  respondents: number;
  messages: number;
  byKind: { kind: string; label: string; count: number }[];
  withoutAccount: number;
  withoutAccountSample: { name: string; code: string | null; contactEmail: string | null }[];
  sample: { subject: string; text: string; to: string; kindLabel: string } | null;
};

const KINDS = [
  { value: "REMINDER", label: "督促（未提出の回答者へ）" },
  { value: "ANNOUNCEMENT", label: "案内（受付開始のお知らせ・パスワード設定）" },
] as const;

/**
 * The bulk send: choose 案内 or 督促 and a filter, preview (how many, and the first message as it
 * will read), then send — or, without a mail server, download the recipients (CSV) and the letters
 * for post (PDF) for the same choice.
 */
export function BulkMailForm({
  cycleId,
  mailConfigured,
  zones,
  municipalities,
  statuses,
}: Readonly<{
  cycleId: string;
  mailConfigured: boolean;
  zones: { label: string; options: TOption[] }[];
  municipalities: TOption[] | null;
  statuses: TOption[];
}>) {
  const id = useId();
  const api = `/api/v1/prefecture/cycles/${cycleId}/mail`;
  const preview = useApiAction<TPreview>();
  const send = useApiAction<{ queued: number }>();
  const [choice, setChoice] = useState<Record<string, string>>({ kind: "REMINDER" });
  const [shown, setShown] = useState<TPreview | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const query = new URLSearchParams(Object.entries(choice).filter(([, v]) => v !== "")).toString();
  const change = (name: string) => (event: { target: { value: string } }) => {
    setChoice((c) => ({ ...c, [name]: event.target.value }));
    setShown(null);
    setSent(null);
  };
  const select = (name: string, label: string, options: TOption[], all: string | null, groups?: typeof zones) => (
    <div>
      <label htmlFor={`${id}-${name}`} className={labelClass}>
        {label}
      </label>
      <select
        id={`${id}-${name}`}
        name={name}
        value={choice[name] ?? ""}
        onChange={change(name)}
        className={inputClass}
      >
        {all !== null && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );

  return (
    <div className="space-y-4">
      <form
        className="grid gap-3 md:grid-cols-4 md:items-end"
        aria-label="一括送信の条件"
        onSubmit={async (event) => {
          event.preventDefault();
          setSent(null);
          setShown(await preview.run("POST", `${api}/preview`, choice, { refresh: false }));
        }}
      >
        {select("kind", "メール", [...KINDS], null)}
        {select("zone", "圏域", [], "すべて", zones)}
        {municipalities && select("municipality", "市区町村", municipalities, "すべて")}
        {select("status", "状況", statuses, "すべて")}
        <div className="md:col-span-4">
          <Button type="submit" variant="secondary" disabled={preview.pending}>
            {preview.pending ? "確認中…" : "送信先と文面を確認する"}
          </Button>
        </div>
      </form>
      <ApiErrorNotice error={preview.error} />
      {shown && (
        <section
          aria-label="送信前の確認"
          className="space-y-3 rounded-md border border-gray-200 p-4"
          data-testid="mail-preview"
        >
          <p className="text-sm">
            対象の回答者 {shown.respondents.toLocaleString("ja-JP")}件・メール{" "}
            <strong data-testid="mail-preview-count">{shown.messages.toLocaleString("ja-JP")}</strong>通
            {shown.byKind.length > 0 && `（${shown.byKind.map((k) => `${k.label} ${k.count}通`).join("・")}）`}
          </p>
          {shown.withoutAccount > 0 && (
            <Notice tone="warning">
              アカウントのない回答者が {shown.withoutAccount}件あります（メールは届きません）。
              <Link href="/prefecture/accounts" className="text-teal-800 underline">
                「アカウント」画面
              </Link>
              で名簿からアカウントを作成するか、下の郵送用の文書を使ってください。
              {shown.withoutAccountSample.length > 0 &&
                ` 例: ${shown.withoutAccountSample
                  .slice(0, 3)
                  .map((r) => r.name)
                  .join("、")}`}
            </Notice>
          )}
          {shown.sample && (
            <div>
              <h3 className="text-sm font-semibold text-gray-800">
                文面の見本（{shown.sample.kindLabel}・宛先 {shown.sample.to}）
              </h3>
              <p className="mt-1 text-sm">件名: {shown.sample.subject}</p>
              <pre
                className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-gray-50 p-3 font-sans text-sm text-gray-900"
                tabIndex={0}
                data-testid="mail-preview-text"
              >
                {shown.sample.text}
              </pre>
            </div>
          )}
          {mailConfigured ? (
            <div className="flex flex-wrap items-center gap-3">
              <Button
                variant="primary"
                disabled={send.pending || shown.messages === 0}
                onClick={async () => {
                  if (!window.confirm(`${shown.messages}通のメールを送信します。よろしいですか？`)) return;
                  const result = await send.run("POST", `${api}/send`, choice);
                  if (result) {
                    setSent(`${result.queued}通を送信待ちにしました。下の「送信の進み具合」で確認できます。`);
                    setShown(null);
                  }
                }}
              >
                {send.pending ? "送信の準備中…" : `${shown.messages.toLocaleString("ja-JP")}通を送信する`}
              </Button>
            </div>
          ) : (
            <Notice>
              メールサーバー（SMTP）が設定されていないため、ここからは送信できません。宛先一覧と郵送用の文書を使ってください。
            </Notice>
          )}
          <div className="flex flex-wrap gap-3 text-sm">
            <a href={`${api}/recipients?${query}&format=csv`} className="text-teal-800 underline" download>
              宛先一覧（CSV・UTF-8）
            </a>
            <a href={`${api}/recipients?${query}&format=csv-sjis`} className="text-teal-800 underline" download>
              宛先一覧（CSV・Shift_JIS）
            </a>
            <a href={`${api}/letters?${query}`} className="text-teal-800 underline" download>
              郵送用の文書（PDF）
            </a>
          </div>
        </section>
      )}
      <ApiErrorNotice error={send.error} />
      {sent && <Notice tone="success">{sent}</Notice>}
    </div>
  );
}
