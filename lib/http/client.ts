// Browser side of the JSON routes: one fetch wrapper that always resolves to a result, so a
// dropped connection is a message on screen, never an unhandled rejection.
import type { TApiError } from "./types";

export type TApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: TApiError };

const NETWORK_ERROR: TApiError = {
  code: "NETWORK",
  message: "サーバーに接続できませんでした。ネットワークを確認してください。入力内容はこの画面に残っています。",
};

export async function callApi<T>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  body?: unknown,
): Promise<TApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0, error: NETWORK_ERROR };
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // not JSON (proxy error page…)
  }
  if (response.ok) return { ok: true, data: payload as T };
  const error = (payload as { error?: TApiError } | null)?.error ?? {
    code: "HTTP",
    message: `処理できませんでした（HTTP ${response.status}）。時間をおいて再度お試しください。`,
  };
  return { ok: false, status: response.status, error };
}
