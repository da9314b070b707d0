"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "./api-error";
import { postForDownload, useApiAction } from "./use-api-action";

type TCreateResult = {
  created: number;
  alreadyHave: number;
  missingEmail: { name: string; code: string | null; email: string | null }[];
  duplicateEmails: { email: string; names: string[] }[];
  emailTaken: { email: string; name: string }[];
};

/** 名簿からアカウントを作成: one click, then what was created and what was skipped. */
export function CreateAccountsButton({ count }: Readonly<{ count: number }>) {
  const { run, pending, error } = useApiAction<TCreateResult>();
  const [result, setResult] = useState<TCreateResult | null>(null);
  return (
    <div className="space-y-3">
      <Button
        disabled={pending || count === 0}
        onClick={async () => {
          if (
            !window.confirm(
              `${count.toLocaleString("ja-JP")}件のアカウントを作成します。パスワードは本人がリンクから設定します。よろしいですか？`,
            )
          )
            return;
          const data = await run("POST", "/api/v1/prefecture/accounts/bulk-create");
          if (data) setResult(data);
        }}
      >
        {pending ? "作成中…" : `${count.toLocaleString("ja-JP")}件のアカウントを作成する`}
      </Button>
      {result && (
        <Notice tone="success" title={`${result.created.toLocaleString("ja-JP")}件のアカウントを作成しました`}>
          続けて「パスワード設定用リンク」を発行し、各担当者に渡してください。
        </Notice>
      )}
      <ApiErrorNotice error={error} />
    </div>
  );
}

/** Issues set-password links for the target accounts: as a CSV download, or by e-mail (SMTP). */
export function LinkButtons({
  target,
  count,
  mailConfigured,
  compact = false,
  mailOnly = false,
}: Readonly<{
  target: { scope: "pending" } | { scope: "users"; userIds: string[] };
  count: number;
  mailConfigured: boolean;
  compact?: boolean;
  /** The account has a password: a reset link may only be mailed to its holder, never exported. */
  mailOnly?: boolean;
}>) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const { run, error } = useApiAction<{ sent: number; failed: { email: string; message: string }[] }>();
  const download = async (delivery: "csv" | "csv-sjis") => {
    setPending(true);
    setMessage(null);
    const result = await postForDownload("/api/v1/prefecture/accounts/links", { target, delivery });
    setPending(false);
    setMessage(
      result.ok
        ? {
            tone: "success",
            text: `「${result.fileName}」を保存しました。リンクは ${count > 1 ? "各担当者に" : "担当者に"}安全な方法で渡してください。`,
          }
        : { tone: "error", text: result.message },
    );
    if (result.ok) router.refresh();
  };
  const send = async () => {
    if (
      !window.confirm(
        `${count.toLocaleString("ja-JP")}件のアカウントにパスワード設定用リンクをメールで送ります。よろしいですか？`,
      )
    )
      return;
    setPending(true);
    setMessage(null);
    const data = await run("POST", "/api/v1/prefecture/accounts/links", { target, delivery: "email" });
    setPending(false);
    if (data) {
      setMessage({
        tone: data.failed.length ? "error" : "success",
        text: `${data.sent}件送信しました。${data.failed.length ? `送信できなかったもの: ${data.failed.map((f) => f.email).join("、")}（そのリンクは無効にしました）` : ""}`,
      });
    }
  };
  const size = compact ? "sm" : "md";
  if (mailOnly && !mailConfigured) {
    return <p className="text-xs text-gray-600">再設定はメール送信の設定が必要です</p>;
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!mailOnly && (
          <Button
            size={size}
            variant={compact ? "ghost" : "primary"}
            disabled={pending || count === 0}
            onClick={() => download("csv")}
          >
            {compact ? "リンクを再発行（CSV）" : "リンクを CSV で出力（Excel 用 UTF-8）"}
          </Button>
        )}
        {!compact && (
          <Button
            size={size}
            variant="secondary"
            disabled={pending || count === 0}
            onClick={() => download("csv-sjis")}
          >
            CSV（Shift_JIS）で出力
          </Button>
        )}
        {mailConfigured && (
          <Button
            size={size}
            variant={compact ? "ghost" : "secondary"}
            disabled={pending || count === 0}
            onClick={send}
          >
            {mailOnly ? "再設定リンクを本人にメール" : compact ? "メールで再送" : "メールで送信"}
          </Button>
        )}
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <ApiErrorNotice error={error} />
    </div>
  );
}
