import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listAuditHistory } from "@/lib/data/audit-log";
import { auditFilterParams, auditQuery, ZAuditFilter } from "@/lib/prefecture/filters";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "@/lib/prefecture/audit-labels";
import { auditEntries } from "@/lib/summaries/audit-history";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { AuditEntryList, auditHistoryHref } from "@/components/audit/audit-entry-list";
import { type TSearchParams, flattenParams, withParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "監査ログ" };

const PAGE = 100;

const EXPORT_FORMATS = [
  { format: "xlsx", label: "Excel（.xlsx）" },
  { format: "csv", label: "CSV（UTF-8）" },
  { format: "csv-sjis", label: "CSV（Shift_JIS）" },
] as const;

function TextFilter({
  name,
  label,
  value,
  hint,
}: Readonly<{ name: string; label: string; value?: string; hint?: string }>) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <input id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={inputClass} placeholder={hint} />
    </div>
  );
}

function DateFilter({ name, label, value }: Readonly<{ name: string; label: string; value?: string }>) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <input id={`filter-${name}`} name={name} type="date" defaultValue={value ?? ""} className={inputClass} />
    </div>
  );
}

export default async function AuditPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const filter = ZAuditFilter.parse(flattenParams(await searchParams));
  const page = await listAuditHistory(viewer, { ...auditQuery(filter), take: PAGE });
  const entries = auditEntries(page.rows);
  const current = auditFilterParams(filter);

  return (
    <>
      <PageHeader
        title="監査ログ"
        description="この都道府県のデータを変えた操作と、データの出力・ダウンロードの記録です（誰が・いつ・何を・変更前と変更後）。続けて行われた自動保存は1件にまとめて表示します。記録は変更できません。"
      />
      <Panel>
        <form
          method="get"
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
          role="search"
          aria-label="監査ログの絞り込み"
        >
          <SelectFilter
            name="action"
            label="操作"
            value={filter.action}
            groups={[
              { label: "分類", options: AUDIT_ACTION_GROUPS },
              {
                label: "操作",
                options: Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
              },
            ]}
          />
          <SelectFilter
            name="entity"
            label="対象の種類"
            value={filter.entity}
            options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextFilter name="actor" label="操作した人（メールの一部）" value={filter.actor} />
          <TextFilter name="institution" label="医療機関（コードまたは名称の一部）" value={filter.institution} />
          <DateFilter name="from" label="期間（から）" value={filter.from} />
          <DateFilter name="to" label="期間（まで）" value={filter.to} />
          {filter.entityId && <input type="hidden" name="entityId" value={filter.entityId} />}
          <div className="flex items-end gap-3">
            <Button type="submit">絞り込む</Button>
            <Link href="/prefecture/audit" className="py-2 text-sm text-teal-800 underline">
              条件をクリア
            </Link>
          </div>
        </form>
        {filter.entityId && (
          <p className="mb-3 text-sm text-gray-700">
            1つの{AUDIT_ENTITY_LABELS[filter.entity ?? ""] ?? "対象"}の記録だけを表示しています。
            <Link
              href={withParams("/prefecture/audit", { ...current, entity: undefined, entityId: undefined })}
              className="ml-2 text-teal-800 underline"
            >
              すべての対象を表示
            </Link>
          </p>
        )}
        <div
          className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm"
          role="group"
          aria-label="絞り込んだ監査ログの出力"
        >
          <span className="text-gray-700">この条件で出力:</span>
          {EXPORT_FORMATS.map((f) => (
            <a
              key={f.format}
              href={withParams("/api/v1/prefecture/audit/export", current, { format: f.format })}
              download
              className="text-teal-800 underline"
              data-testid={`audit-export-${f.format}`}
            >
              {f.label}
            </a>
          ))}
        </div>
        {entries.length === 0 ? (
          <EmptyState title="該当する記録はありません" />
        ) : (
          <AuditEntryList entries={entries} historyHref={auditHistoryHref} />
        )}
        <nav aria-label="ページ" className="mt-4 flex flex-wrap gap-3 text-sm">
          {filter.before && (
            <Link href={withParams("/prefecture/audit", current)} className="text-teal-800 underline">
              最新の記録に戻る
            </Link>
          )}
          {page.next !== null && (
            <Link
              href={withParams("/prefecture/audit", current, { before: page.next })}
              className="text-teal-800 underline"
              rel="next"
            >
              さらに古い記録
            </Link>
          )}
        </nav>
      </Panel>
    </>
  );
}
