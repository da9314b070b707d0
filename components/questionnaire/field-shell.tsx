import type { ReactNode } from "react";
import type { TGroupField, TItem } from "@/lib/questionnaire/definition";
import { cx } from "@/components/ui/cx";

export const fieldId = (name: string) => `q-${name.replace(/\./g, "-")}`;

/** The ids an input points to with aria-describedby: its help/period text and its error. */
export function describedBy(name: string, item: TItem | TGroupField, hasError: boolean): string | undefined {
  const id = fieldId(name);
  return (
    [item.help || item.period ? `${id}-help` : null, hasError ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

/** Label, help, period, NDB note and error around one input, wired for screen readers. */
export function FieldShell({
  item,
  name,
  error,
  required,
  ndb,
  showProvisional,
  asFieldset,
  children,
}: Readonly<{
  item: TItem | TGroupField;
  name: string;
  error?: string;
  required: boolean;
  ndb?: { value: number; changed: boolean };
  showProvisional?: boolean;
  /** Radio and checkbox groups are a fieldset with a legend; single inputs have a label. */
  asFieldset: boolean;
  children: ReactNode;
}>) {
  const id = fieldId(name);
  const label = (
    <span className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      {item.officialNo && <span className="text-xs font-normal text-gray-500">{item.officialNo}</span>}
      <span className="font-medium text-gray-900">{item.label}</span>
      {required && <span className="rounded bg-red-50 px-1.5 text-xs font-semibold text-red-700">必須</span>}
      {showProvisional && item.provisional && (
        <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900" title={item.provisionalNote}>
          暫定
        </span>
      )}
    </span>
  );
  const ariaDescribedBy = describedBy(name, item, Boolean(error));
  const body = (
    <>
      {(item.help || item.period) && (
        <p id={`${id}-help`} className="mt-1 text-sm text-gray-600">
          {item.help}
          {item.period && <span className="ml-1 text-gray-500">（対象期間: {item.period}）</span>}
        </p>
      )}
      {ndb && (
        <p className={cx("mt-1 text-sm", ndb.changed ? "text-amber-800" : "text-sky-800")} data-testid={`ndb-${name}`}>
          NDBプレプリント値: {ndb.value.toLocaleString("ja-JP")}
          {ndb.changed && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 font-semibold">NDB値から変更しています</span>
          )}
        </p>
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
