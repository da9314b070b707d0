"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ApiErrorNotice } from "./api-error";
import { useApiAction } from "./use-api-action";

/** A button that POSTs to an API route (after an optional confirmation) and refreshes the page. */
export function ActionButton({
  url,
  body,
  confirm,
  children,
  variant = "secondary",
  size = "md",
}: Readonly<{
  url: string;
  body?: unknown;
  confirm?: string;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md" | "lg";
}>) {
  const { run, pending, error } = useApiAction();
  return (
    <div className="inline-flex flex-col items-start gap-2">
      <Button
        variant={variant}
        size={size}
        disabled={pending}
        onClick={async () => {
          if (confirm && !window.confirm(confirm)) return;
          await run("POST", url, body);
        }}
      >
        {pending ? "処理中…" : children}
      </Button>
      <ApiErrorNotice error={error} />
    </div>
  );
}
