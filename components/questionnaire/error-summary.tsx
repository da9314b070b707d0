import { forwardRef } from "react";
import { fieldId } from "./field-shell";

export type TErrorEntry = { path: string; label: string; message: string };

/** The list shown above the form when submission is refused: each entry links to its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, Readonly<{ title: string; entries: TErrorEntry[] }>>(
  function ErrorSummary({ title, entries }, ref) {
    if (entries.length === 0) return null;
    return (
      <div
        ref={ref}
        tabIndex={-1}
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900"
        data-testid="error-summary"
      >
        <p className="font-semibold">{title}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {entries.map((e) => (
            <li key={e.path}>
              <a href={`#${fieldId(e.path)}`} className="underline">
                {e.label}
              </a>
              ：{e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  },
);
