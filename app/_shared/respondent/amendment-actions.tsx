"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { RevisionKind } from "@/lib/generated/prisma/enums";

/** 変更報告 (確認済み) or 修正 (not yet reviewed): start / abandon. */
export function AmendmentActions({
  apiBase,
  amending,
  kind,
}: Readonly<{ apiBase: string; amending: boolean; kind: RevisionKind }>) {
  const what = kind === "AMENDMENT" ? "変更報告" : "修正";
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (method: "POST" | "DELETE") => {
    if (method === "DELETE" && !window.confirm(`${what}を取りやめ、提出済みの内容に戻します。よろしいですか。`)) return;
    setBusy(true);
    const result = await callApi("POST" === method ? "POST" : "DELETE", `${apiBase}/amendment`);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  };
  return (
    <div className="space-y-2">
      {amending ? (
        <Button variant="secondary" size="sm" disabled={busy} onClick={() => void act("DELETE")}>
          {what}を取りやめる
        </Button>
      ) : (
        <Button disabled={busy} onClick={() => void act("POST")}>
          {what}を始める
        </Button>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
