"use client";
import { useActionState, type HTMLAttributes } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { RecoveryCodes } from "./recovery-codes";

/** What a one-field server action answers: an error (form or field), or a success message. */
export type TOneFieldState = {
  message: string | null;
  fieldError?: string;
  done?: boolean;
  /** New recovery codes to show once (they replace the form). */
  recoveryCodes?: string[];
};

const inputClass = "mt-1 block w-full rounded-md border-gray-300 shadow-sm focus:border-teal-600 focus:ring-teal-600";

/**
 * A form with one input (an e-mail for a reset, a code for the second factor) posting to a server
 * action; hidden values ride along. The answer is shown above the field.
 */
export function OneFieldForm({
  name,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
  submitLabel,
  pendingLabel,
  hidden = {},
  action,
}: Readonly<{
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email";
  autoComplete: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  submitLabel: string;
  pendingLabel: string;
  hidden?: Record<string, string>;
  action: (state: TOneFieldState, data: FormData) => Promise<TOneFieldState>;
}>) {
  const [state, formAction, pending] = useActionState(action, { message: null });
  const describedBy = [hint ? `${name}-hint` : null, state.fieldError ? `${name}-error` : null].filter(Boolean);
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} />;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      {state.message && <Notice tone={state.done ? "success" : "error"}>{state.message}</Notice>}
      <div>
        <label htmlFor={name} className="block text-sm font-medium text-gray-700">
          {label}
        </label>
        <input
          id={name}
          name={name}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          required
          className={inputClass}
          aria-invalid={state.fieldError ? "true" : undefined}
          aria-describedby={describedBy.length > 0 ? describedBy.join(" ") : undefined}
        />
        {hint && (
          <p id={`${name}-hint`} className="mt-1 text-xs text-gray-600">
            {hint}
          </p>
        )}
        {state.fieldError && (
          <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
            {state.fieldError}
          </p>
        )}
      </div>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
