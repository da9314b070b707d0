import Link from "next/link";
import { formatDateTime } from "@/lib/domain/wareki";
import type { TAuditChange, TAuditEntry } from "@/lib/summaries/audit-history";
import { withParams } from "@/lib/search-params";

/** When: one instant, or the span of an autosave session 「… 〜 hh:mm」. */
function When({ entry }: Readonly<{ entry: TAuditEntry }>) {
  if (entry.count === 1) return <time dateTime={entry.to.toISOString()}>{formatDateTime(entry.to)}</time>;
  const sameDay = formatDateTime(entry.from).slice(0, 10) === formatDateTime(entry.to).slice(0, 10);
  return (
    <>
      <time dateTime={entry.from.toISOString()}>{formatDateTime(entry.from)}</time> 〜{" "}
      <time dateTime={entry.to.toISOString()}>
        {sameDay ? formatDateTime(entry.to).slice(-5) : formatDateTime(entry.to)}
      </time>
    </>
  );
}

/** Changed fields as 「項目　前 → 後」, the old value struck through. */
export function ChangeList({ changes }: Readonly<{ changes: readonly TAuditChange[] }>) {
  if (changes.length === 0) return null;
  return (
    <dl className="mt-2 space-y-1 text-xs" data-testid="audit-changes">
      {changes.map((c) => (
        <div key={c.field} className="sm:flex sm:gap-2">
          <dt className="shrink-0 text-gray-600 sm:w-48">{c.label}</dt>
          <dd className="break-words text-gray-900">
            {c.before !== null && (
              <span className="text-gray-600 line-through decoration-gray-400">
                <span className="sr-only">変更前 </span>
                {c.before}
              </span>
            )}
            {c.before !== null && c.after !== null && <span aria-hidden="true"> → </span>}
            {c.after !== null && (
              <span>
                <span className="sr-only">変更後 </span>
                {c.after}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Audit entries as a list of cards (the same at 390 px and on a desk): when, who, what in
 * words, and the changed fields old → new. `historyHref` links an entry to its subject's history.
 */
export function AuditEntryList({
  entries,
  historyHref,
  compact = false,
}: Readonly<{
  entries: readonly TAuditEntry[];
  historyHref?: (entry: TAuditEntry) => string;
  compact?: boolean;
}>) {
  return (
    <ol className="divide-y divide-gray-200" data-testid="audit-entries">
      {entries.map((e) => (
        <li key={e.id} className={compact ? "py-2" : "py-3"} data-action={e.action} data-count={e.count}>
          <p className="text-xs text-gray-600">
            <When entry={e} />
            {" ・ "}
            <span className="break-all">{e.actor}</span>
            {e.roleLabel && `（${e.roleLabel}）`}
          </p>
          <p className={compact ? "text-sm" : "mt-0.5 font-medium text-gray-900"}>
            <span data-testid="audit-action">{e.actionLabel}</span>
            {!compact && e.subjectName && <span className="font-normal text-gray-700"> ・ {e.subjectName}</span>}
          </p>
          {e.text !== e.actionLabel && <p className="text-sm text-gray-800">{e.text}</p>}
          <ChangeList changes={e.changes} />
          {historyHref && (
            <p className="mt-1 text-xs">
              <Link href={historyHref(e)} className="text-teal-800 underline">
                {e.entityLabel}
                {e.subjectName ? `「${e.subjectName}」` : ""}の記録だけを表示
              </Link>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export const auditHistoryHref = (e: TAuditEntry) =>
  withParams("/prefecture/audit", { entity: e.entityType, entityId: e.entityId });
