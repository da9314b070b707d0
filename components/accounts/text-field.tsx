"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { errorClass, inputClass, labelClass } from "@/components/prefecture/form-styles";

/** A labelled input with its field message tied to it (aria-invalid, aria-describedby). */
export function TextField({
  id,
  label,
  type = "text",
  autoComplete,
  error,
  hint,
  registration,
}: Readonly<{
  id: string;
  label: string;
  type?: string;
  autoComplete?: string;
  error?: string;
  hint?: string;
  registration: UseFormRegisterReturn;
}>) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        className={inputClass}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described || undefined}
        {...registration}
      />
      {error && (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      )}
    </div>
  );
}
