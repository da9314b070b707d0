import type { ReactNode } from "react";
import type { TGroupField, TItem } from "@/lib/questionnaire/definition";
import { cx } from "@/components/ui/cx";
import { periodText } from "@/lib/questionnaire/respondent-view";

export const fieldId = (name: string) => `q-${name.replace(/\./g, "-")}`;

const hasHelp = (item: TItem | TGroupField) => Boolean(item.help || item.period || item.citation);

/** The ids an input points to with aria-describedby: its help/period/source text and its error. */
export function describedBy(name: string, item: TItem | TGroupField, hasError: boolean): string | undefined {
  const id = fieldId(name);
  return [hasHelp(item) ? `${id}-help` : null, hasError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * Label, help, period, source, NDB note and error around one input, wired for screen readers.
 * It renders a respondent's definition (lib/questionnaire/respondent-view.ts): `provisional` there
 * means the administrator chose to show the 暫定 mark.
 */
export function FieldShell({
  item,
  name,
  error,
  required,
  ndb,
  notes,
  asFieldset,
  children,
}: Readonly<{
  item: TItem | TGroupField;
  name: string;
  error?: string;
  required: boolean;
  ndb?: { value: number; changed: boolean };
  /** The prefecture's open 照会 about this item (issue 16). */
  notes?: readonly string[];
  /** Radio and checkbox groups are a fieldset with a legend; single inputs have a label. */
  asFieldset: boolean;
  children: ReactNode;
}>) {
  const id = fieldId(name);
  const label = (
    <span className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      {item.officialNo && <span className="text-xs font-normal text-gray-500">{item.officialNo}</span>}
      <span className="font-medium text-gray-900">
        {item.star && (
          <span className="mr-1 text-amber-800" data-testid="star">
            ★<span className="sr-only">（1号機能の要件）</span>
          </span>
        )}
        {item.label}
      </span>
      {required && <span className="rounded bg-red-50 px-1.5 text-xs font-semibold text-red-700">必須</span>}
      {item.provisional && (
        <span
          className="rounded border border-gray-300 px-1.5 text-xs text-gray-700"
          title="今後の国の資料で文言が変わる可能性があります"
        >
          暫定
        </span>
      )}
    </span>
  );
  const ariaDescribedBy = describedBy(name, item, Boolean(error));
  const body = (
    <>
      {hasHelp(item) && (
        <div id={`${id}-help`} className="mt-1 space-y-0.5 text-sm text-gray-700">
          {item.period && (
            <p className="font-medium text-teal-900" data-testid="period">
              {periodText(item.period)}
            </p>
          )}
          {item.help && <p>{item.help}</p>}
          {item.citation && <p className="text-xs text-gray-600">出典: {item.citation}</p>}
        </div>
      )}
      {ndb && (
        <p className={cx("mt-1 text-sm", ndb.changed ? "text-amber-800" : "text-sky-800")} data-testid={`ndb-${name}`}>
          NDBプレプリント値: {ndb.value.toLocaleString("ja-JP")}
          {ndb.changed && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 font-semibold">NDB値から変更しています</span>
          )}
        </p>
      )}
      {notes && notes.length > 0 && (
        <div
          className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid={`query-note-${name}`}
        >
          <p className="font-semibold">都道府県からの照会</p>
          {notes.map((note, i) => (
            <p key={i} className="whitespace-pre-line">
              {note}
            </p>
          ))}
        </div>
      )}
      <div className="mt-2">{children}</div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </>
  );
  const frame = cx("scroll-mt-24 rounded-md px-3 py-3", error ? "bg-red-50/60 ring-1 ring-red-200" : "");
  if (asFieldset) {
    return (
      <fieldset id={id} className={frame} aria-describedby={ariaDescribedBy} aria-invalid={error ? true : undefined}>
        <legend className="px-0">{label}</legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className={frame}>
      <label htmlFor={id}>{label}</label>
      {body}
    </div>
  );
}
