"use client";
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";
import { Button, buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

// Deleting a 課題 or 対応策 of a 作成中 record, after a confirmation in a modal <dialog> (focus
// stays inside, Esc cancels). Cancelling returns focus to the 削除 button. After a deletion that
// button is gone with its item, so focus moves to the list's status line (DeletionStatus), which
// says what was deleted; the page is then refreshed from the server.

type TAnnounce = (text: string) => void;
const AnnounceContext = createContext<TAnnounce | null>(null);

/** Wraps a list whose items can be deleted: the place focus and the "deleted" message go to. */
export function DeletionStatus({ children }: Readonly<{ children: ReactNode }>) {
  // `n` moves focus again when the same text is announced twice.
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 })), []);
  // Once the message is rendered, so it is read out with the move.
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <AnnounceContext.Provider value={announce}>
      <p
        ref={ref}
        tabIndex={-1}
        role="status"
        className={
          message ? "mb-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-900" : ""
        }
      >
        {message?.text}
      </p>
      {children}
    </AnnounceContext.Provider>
  );
}

/** 削除 with its confirmation: `what` and `name` say what goes, `consequence` what happens to the rest. */
export function DeleteEntryButton({
  url,
  what,
  name,
  consequence,
}: Readonly<{ url: string; what: "課題" | "対応策"; name: string; consequence: string }>) {
  const router = useRouter();
  const announce = useContext(AnnounceContext);
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deleted = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  const open = () => {
    setError(null);
    deleted.current = false;
    dialog.current?.showModal();
    // The safe choice first: Enter right away cancels.
    cancel.current?.focus();
  };
  // Not `disabled` while pending: a disabled button would drop the focus out of the dialog.
  const confirm = async () => {
    if (pending) return;
    setPending(true);
    const result = await callApi<unknown>("DELETE", url);
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    deleted.current = true;
    dialog.current?.close();
    announce?.(`${what}「${name}」を削除しました。`);
    router.refresh();
  };
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={buttonClasses("secondary", "sm")}
        onClick={open}
        aria-label={`${what}「${name}」を削除`}
        aria-haspopup="dialog"
      >
        削除
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-gray-900/50"
        onCancel={(e) => {
          if (pending) e.preventDefault();
        }}
        onClose={() => {
          if (!deleted.current) trigger.current?.focus();
        }}
      >
        <div className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold text-gray-900">
            {what}「{name}」を削除しますか？
          </h2>
          <div id={descriptionId} className="space-y-2 text-sm text-gray-700">
            <p>{consequence}</p>
            <p>削除すると元に戻せません。削除したこと（削除前の内容）は監査ログに残ります。</p>
          </div>
          {error && <Notice tone="error">{error}</Notice>}
          <div className="flex justify-end gap-2">
            <button
              ref={cancel}
              type="button"
              className={buttonClasses("secondary", "md")}
              onClick={() => !pending && dialog.current?.close()}
              aria-disabled={pending}
            >
              キャンセル
            </button>
            <Button variant="danger" onClick={confirm} aria-disabled={pending}>
              {pending ? "削除しています…" : "削除する"}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
