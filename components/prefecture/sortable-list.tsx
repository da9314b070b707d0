import Link from "next/link";
import type { ReactNode } from "react";
import type { TSortDir } from "@/lib/prefecture/filters";
import { cx } from "@/components/ui/cx";
import { SelectFilter } from "./select-filter";
import { thClass } from "./table-styles";

// The pieces every sortable list of the prefecture shares. Sorting is a plain link per column
// header (server-rendered, works without JavaScript, reachable with Tab); the current column
// carries aria-sort. On a phone the table gives way to cards (ListCards, below `md`) and the
// order is chosen in the filter form (SortSelects), since the headers are not shown there.

export type TSortState<K extends string> = { key: K; dir: TSortDir };

const DIR_WORDS: Record<TSortDir, string> = { asc: "昇順", desc: "降順" };

/**
 * A column header that sorts by its column: the first click ascending, the next descending.
 * `hrefFor` builds the URL with the list's filters kept (and the page reset to 1).
 */
export function SortableHeader<K extends string>({
  column,
  sort,
  hrefFor,
  className,
  children,
}: Readonly<{
  column: K;
  sort: TSortState<K>;
  hrefFor: (key: K, dir: TSortDir) => string;
  className?: string;
  children: ReactNode;
}>) {
  const active = sort.key === column;
  const next: TSortDir = active && sort.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
      className={cx(thClass, className)}
    >
      <Link
        href={hrefFor(column, next)}
        className="inline-flex items-center gap-1 whitespace-nowrap text-teal-800 underline decoration-dotted underline-offset-2 hover:decoration-solid"
      >
        {children}
        <span aria-hidden="true" className="text-xs">
          {active ? (sort.dir === "asc" ? "▲" : "▼") : "⇅"}
        </span>
        <span className="sr-only">（{DIR_WORDS[next]}で並べ替え）</span>
      </Link>
    </th>
  );
}

/** One sortable header per column, in order. */
export function SortableHeaders<K extends string>({
  columns,
  sort,
  hrefFor,
}: Readonly<{
  columns: { key: K; label: string }[];
  sort: TSortState<K>;
  hrefFor: (key: K, dir: TSortDir) => string;
}>) {
  return columns.map((c) => (
    <SortableHeader key={c.key} column={c.key} sort={sort} hrefFor={hrefFor}>
      {c.label}
    </SortableHeader>
  ));
}

/**
 * The order as two selects of a GET filter form: the column (empty = the list's default) and
 * the direction. Shown at every width; on a phone it is the only way to sort.
 */
export function SortSelects<K extends string>({
  sort,
  fallback,
  defaultLabel,
  columns,
}: Readonly<{ sort: TSortState<K>; fallback: K; defaultLabel: string; columns: { key: K; label: string }[] }>) {
  return (
    <>
      <SelectFilter
        name="sort"
        label="並び順"
        value={sort.key === fallback ? undefined : sort.key}
        allLabel={defaultLabel}
        options={columns.filter((c) => c.key !== fallback).map((c) => ({ value: c.key, label: c.label }))}
      />
      <SelectFilter
        name="dir"
        label="順序"
        value={sort.dir === "asc" ? undefined : sort.dir}
        allLabel={DIR_WORDS.asc}
        options={[{ value: "desc", label: DIR_WORDS.desc }]}
      />
    </>
  );
}

/** The rows as cards below `md` (the table is hidden there): a title and label–value pairs. */
export function ListCards({
  label,
  testId,
  children,
}: Readonly<{ label: string; testId?: string; children: ReactNode }>) {
  return (
    <ul aria-label={label} className="space-y-3 md:hidden" data-testid={testId}>
      {children}
    </ul>
  );
}

export function ListCard({
  title,
  fields,
  muted = false,
  actions,
}: Readonly<{
  title: ReactNode;
  fields: { label: string; value: ReactNode }[];
  muted?: boolean;
  actions?: ReactNode;
}>) {
  return (
    <li
      className={cx(
        "relative rounded-md border border-gray-200 p-3 text-sm",
        muted ? "bg-gray-50 text-gray-600" : "bg-white",
      )}
    >
      <p className="font-medium break-words">{title}</p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
        {fields.map((f) => (
          <div key={f.label} className="contents">
            <dt className="text-gray-600">{f.label}</dt>
            <dd className="break-words">{f.value}</dd>
          </div>
        ))}
      </dl>
      {actions ? <div className="mt-2 flex flex-wrap items-center gap-2">{actions}</div> : null}
    </li>
  );
}
