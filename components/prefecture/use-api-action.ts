"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";
import type { TApiError } from "@/lib/http/types";

/** A JSON call with pending and error state; refreshes the page's server data on success. */
export function useApiAction<T = unknown>() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<TApiError | null>(null);
  const run = async (
    method: "POST" | "PUT",
    url: string,
    body?: unknown,
    { refresh = true }: { refresh?: boolean } = {},
  ) => {
    setPending(true);
    setError(null);
    const result = await callApi<T>(method, url, body ?? {});
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    if (refresh) router.refresh();
    return result.data;
  };
  return { run, pending, error, setError };
}

/** Saves a file the server sent in answer to a POST (a JSON answer is an error message). */
export async function postForDownload(
  url: string,
  body: unknown,
): Promise<{ ok: true; fileName: string } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, message: "サーバーに接続できませんでした。ネットワークを確認してください。" };
  }
  if (!response.ok || (response.headers.get("content-type") ?? "").includes("application/json")) {
    const payload = (await response.json().catch(() => null)) as { error?: TApiError } | null;
    return { ok: false, message: payload?.error?.message ?? `処理できませんでした（HTTP ${response.status}）。` };
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const fileName = encoded ? decodeURIComponent(encoded) : "download";
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { ok: true, fileName };
}
