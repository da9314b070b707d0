import type { TApiError } from "@/lib/http/types";
import { Notice } from "@/components/ui/notice";

/** An API error with its field messages, announced to screen readers. */
export function ApiErrorNotice({ error, className }: Readonly<{ error: TApiError | null; className?: string }>) {
  if (!error) return null;
  const fields = Object.entries(error.fieldErrors ?? {}).flatMap(([, messages]) => messages);
  return (
    <Notice tone="error" className={className}>
      <p>{error.message}</p>
      {fields.length > 0 && (
        <ul className="mt-1 list-inside list-disc">
          {fields.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
