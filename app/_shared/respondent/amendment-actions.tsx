"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** 変更報告を始める / 取りやめる. */
export function AmendmentActions({ apiBase, amending }: Readonly<{ apiBase: string; amending: boolean }>) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (method: "POST" | "DELETE") => {
    if (method === "DELETE" && !window.confirm("変更報告を取りやめ、提出済みの内容に戻します。よろしいですか。"))
      return;
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
          変更報告を取りやめる
        </Button>
      ) : (
        <Button disabled={busy} onClick={() => void act("POST")}>
          変更報告を始める
        </Button>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
