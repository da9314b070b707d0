"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { callApi } from "@/lib/http/client";

/** Starts a zone's record of a 年度 and opens it. */
export function StartRecordButton({
  zoneId,
  fiscalYear,
  href,
  label,
}: Readonly<{ zoneId: string; fiscalYear: number; href: string; label: string }>) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        size="sm"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await callApi("POST", "/api/v1/council/records", { zoneId, fiscalYear });
          setPending(false);
          if (!result.ok) return setError(result.error.message);
          if (href) router.push(href);
          router.refresh();
        }}
      >
        {pending ? "作成中…" : label}
      </Button>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
