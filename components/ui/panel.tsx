import type { ReactNode } from "react";
import { cx } from "./cx";

/** A white card with an optional heading; the basic block of every page. */
export function Panel({
  title,
  actions,
  children,
  className,
  id,
}: Readonly<{ title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; id?: string }>) {
  return (
    <section id={id} className={cx("rounded-lg border border-gray-200 bg-white p-5 shadow-sm", className)}>
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="text-lg font-semibold text-gray-900">{title}</h2>}
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

/** A definition list of label/value pairs. */
export function FactList({ items }: Readonly<{ items: { label: string; value: ReactNode }[] }>) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="text-gray-500">{item.label}</dt>
          <dd className="text-gray-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
