import { formatDateTime } from "@/lib/domain/wareki";
import type { TSaveState } from "./use-autosave";

/** 保存済み / 保存中 / 未保存 — announced politely to screen readers. */
export function SaveIndicator({ state }: Readonly<{ state: TSaveState }>) {
  let text: string;
  let tone = "text-gray-600";
  switch (state.kind) {
    case "idle":
      text = "まだ保存されていません（入力すると自動で保存されます）";
      break;
    case "pending":
      text = "未保存の変更があります…";
      break;
    case "saving":
      text = "保存中…";
      break;
    case "saved":
      text = `保存済み（${formatDateTime(new Date(state.at))}）`;
      tone = "text-emerald-800";
      if (state.skippedKeys.length > 0) {
        text += `。誤りのある${state.skippedKeys.length}項目は前回の内容のまま保存しています`;
        tone = "text-amber-800";
      }
      break;
    case "invalid":
      text = "入力に誤りがあるため保存できませんでした。赤い項目を確認してください";
      tone = "text-red-700";
      break;
    case "error":
      // 503 BUSY: the server refused before reading anything (lib/http/admission.ts); the hook
      // sends the same answers again by itself, so the clerk need not do anything.
      text =
        state.error.code === "BUSY"
          ? "混み合っているため、まだ保存されていません。数秒後に自動で保存し直します（入力はこのままで大丈夫です）"
          : `保存できませんでした。自動で再試行します（${state.error.message}）`;
      tone = "text-red-700";
      break;
    case "stale":
      text = "別の画面で更新されたため保存を停止しました";
      tone = "text-red-700";
      break;
    case "blocked":
      text = "保存できません";
      tone = "text-red-700";
      break;
  }
  return (
    <p
      className={`text-sm font-medium ${tone}`}
      role="status"
      aria-live="polite"
      data-testid="save-indicator"
      data-state={state.kind}
    >
      {text}
    </p>
  );
}
