"use client";
import { useEffect } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { TApiError } from "@/lib/http/types";

/** Puts the server's field messages (duplicate e-mail, a zone of another prefecture …) on the fields. */
export function useServerFieldErrors<T extends FieldValues>(
  error: TApiError | null,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
) {
  useEffect(() => {
    for (const [field, messages] of Object.entries(error?.fieldErrors ?? {})) {
      if ((fields as readonly string[]).includes(field) && messages[0])
        setError(field as Path<T>, { type: "server", message: messages[0] });
    }
  }, [error, setError, fields]);
}
