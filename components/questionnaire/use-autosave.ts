"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/http/client";
import type { TApiError } from "@/lib/http/types";
import type { TAnswers } from "@/lib/questionnaire/answers";

// Autosave of the working copy. Saves run one at a time, in order, each naming the draftVersion
// it starts from; the server refuses a stale one (another tab saved in between) and then this
// hook stops saving and asks for a reload instead of overwriting. Nothing the user typed is
// thrown away: the form keeps it on screen whatever the outcome.

export type TSaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string; skippedKeys: string[] }
  | { kind: "invalid"; error: TApiError }
  | { kind: "error"; error: TApiError }
  | { kind: "stale"; error: TApiError }
  | { kind: "blocked"; error: TApiError };

const DEBOUNCE_MS = 1200;
const RETRY_MS = 5000;

export function useAutosave({
  url,
  enabled,
  initialVersion,
  initialSavedAt,
  collect,
  onSaved,
}: {
  url: string;
  enabled: boolean;
  initialVersion: number;
  initialSavedAt: string | null;
  /**
   * The answers to save now, the keys left at their last saved value because they are invalid,
   * and other fields of the working copy sent with them (the soft-rule explanations).
   */
  collect: () => { answers: TAnswers; skippedKeys: string[]; extra?: Record<string, unknown> };
  /** Called with exactly what the server accepted. */
  onSaved?: (answers: TAnswers) => void;
}) {
  const [state, setState] = useState<TSaveState>(
    initialSavedAt ? { kind: "saved", at: initialSavedAt, skippedKeys: [] } : { kind: "idle" },
  );
  const version = useRef(initialVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const stopped = useRef(!enabled);
  const dirty = useRef(false);
  const collectRef = useRef(collect);
  collectRef.current = collect;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const save = useCallback(async (): Promise<void> => {
    if (stopped.current) return;
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    dirty.current = false;
    const run = (async () => {
      setState({ kind: "saving" });
      const { answers, skippedKeys, extra } = collectRef.current();
      const result = await callApi<{ draftVersion: number; savedAt: string }>("PUT", url, {
        ...extra,
        draftVersion: version.current,
        answers,
      });
      if (result.ok) {
        version.current = result.data.draftVersion;
        onSavedRef.current?.(answers);
        setState({ kind: "saved", at: result.data.savedAt, skippedKeys });
        return;
      }
      const { error } = result;
      if (error.code === "STALE_REVISION") {
        stopped.current = true;
        setState({ kind: "stale", error });
      } else if (error.code === "INVALID_INPUT") {
        setState({ kind: "invalid", error });
      } else if (
        error.code === "CYCLE_CLOSED" ||
        error.code === "CONFLICT" ||
        error.code === "UNAUTHENTICATED" ||
        error.code === "FORBIDDEN"
      ) {
        stopped.current = true;
        setState({ kind: "blocked", error });
      } else {
        // Network or server trouble: keep the changes and try again shortly.
        dirty.current = true;
        setState({ kind: "error", error });
        timer.current = setTimeout(() => void save(), RETRY_MS);
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    if (again.current) {
      again.current = false;
      await save();
    }
  }, [url]);

  /** Call on every change: saves after a short pause in typing. */
  const schedule = useCallback(() => {
    if (stopped.current) return;
    dirty.current = true;
    setState((s) => (s.kind === "saving" ? s : { kind: "pending" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  /** Saves now (if needed) and waits, e.g. before submitting; returns the version to submit from. */
  const flush = useCallback(async (): Promise<number> => {
    if (timer.current) clearTimeout(timer.current);
    if (dirty.current) await save();
    else if (inFlight.current) await inFlight.current;
    return version.current;
  }, [save]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return { state, schedule, flush, version };
}
