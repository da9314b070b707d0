import type { FieldErrors } from "react-hook-form";

/** The message at a dotted path of react-hook-form's nested error object ("plan.0.issue"). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

/** Every message in the error tree with its dotted path, in no particular order. */
export function flattenErrors(errors: FieldErrors, prefix = ""): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string" && message) out.push({ path, message });
    else out.push(...flattenErrors(value as FieldErrors, path));
  }
  return out;
}
