import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listAuditEvents } from "@/lib/data/audit-log";
import { formatDateTime } from "@/lib/domain/wareki";
import { startOfDayJst } from "@/lib/domain/jst-dates";
import { ROLE_LABELS, roleFromDb } from "@/lib/auth/roles";
import type { TJson, TSnapshot } from "@/lib/audit/diff";
import { ZAuditFilter } from "@/lib/prefecture/filters";
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditFieldLabel,
  auditValue,
} from "@/lib/prefecture/audit-labels";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { tdClass, thClass } from "@/components/prefecture/table-styles";
import { type TSearchParams, flattenParams, withParams } from "@/lib/search-params";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "監査ログ" };

const PAGE = 100;
const DAY = 86_400_000;

function Changes({ before, after }: Readonly<{ before: TSnapshot | null; after: TSnapshot | null }>) {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (fields.length === 0) return null;
  return (
    <table className="mt-1 text-xs">
      <tbody>
        {fields.map((field) => (
          <tr key={field}>
            <th scope="row" className="pr-2 text-left font-normal text-gray-500">
              {auditFieldLabel(field)}
            </th>
            <td className="break-all">
              {before && field in before && (
                <span className="text-gray-500 line-through decoration-gray-400">
                  {auditValue(field, before[field] as TJson)}
                </span>
              )}
              {before && field in before && after && field in after && " → "}
              {after && field in after && <span>{auditValue(field, after[field] as TJson)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function AuditPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const filter = ZAuditFilter.parse(flattenParams(await searchParams));
  const rows = await listAuditEvents(viewer, {
    action: filter.action,
    entityType: filter.entity,
    entityId: filter.entityId,
    actorEmail: filter.actor,
    from: filter.from ? startOfDayJst(filter.from) : undefined,
    to: filter.to ? new Date(startOfDayJst(filter.to).getTime() + DAY) : undefined,
    before: filter.before ? BigInt(filter.before) : undefined,
    take: PAGE + 1,
  });
  const events = rows.slice(0, PAGE);
  const next = rows.length > PAGE ? events.at(-1)?.id : undefined;
  const current = {
    action: filter.action,
    entity: filter.entity,
    entityId: filter.entityId,
    actor: filter.actor,
    from: filter.from,
    to: filter.to,
  };

  return (
    <>
      <PageHeader
        title="監査ログ"
        description="この都道府県のデータを変えた操作の記録です（誰が・いつ・何を・変更前と変更後）。記録は変更できません。"
      />
      <Panel>
        <form method="get" className="mb-4 grid gap-3 md:grid-cols-6" role="search" aria-label="監査ログの絞り込み">
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
            label="対象"
            value={filter.entity}
            options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <div>
            <label htmlFor="filter-actor" className={labelClass}>
              操作した人（メール）
            </label>
            <input id="filter-actor" name="actor" defaultValue={filter.actor ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="filter-from" className={labelClass}>
              期間（から）
            </label>
            <input id="filter-from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="filter-to" className={labelClass}>
              期間（まで）
            </label>
            <input id="filter-to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
          </div>
          {filter.entityId && <input type="hidden" name="entityId" value={filter.entityId} />}
          <div className="flex items-end gap-2">
            <Button type="submit">絞り込む</Button>
            <Link href="/prefecture/audit" className="text-sm text-teal-800 underline">
              クリア
            </Link>
          </div>
        </form>
        {filter.entityId && (
          <p className="mb-3 text-sm text-gray-700">対象 ID「{filter.entityId}」の記録だけを表示しています。</p>
        )}
        {events.length === 0 ? (
          <EmptyState title="該当する記録はありません" />
        ) : (
          <ScrollRegion label="監査ログの一覧">
            <table className="w-full min-w-[44rem] text-sm" data-testid="audit-table">
              <thead>
                <tr>
                  <th className={thClass}>日時</th>
                  <th className={thClass}>操作した人</th>
                  <th className={thClass}>操作</th>
                  <th className={thClass}>内容</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={String(e.id)} data-action={e.action}>
                    <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(e.at)}</td>
                    <td className={`${tdClass} break-all`}>
                      {e.actorEmail ?? "システム"}
                      {e.actorRole && (
                        <span className="block text-xs text-gray-500">{ROLE_LABELS[roleFromDb(e.actorRole)]}</span>
                      )}
                    </td>
                    <td className={tdClass}>
                      {AUDIT_ACTION_LABELS[e.action] ?? e.action}
                      <span className="block text-xs text-gray-500">
                        {AUDIT_ENTITY_LABELS[e.entityType] ?? e.entityType}{" "}
                        <Link
                          href={withParams("/prefecture/audit", { entity: e.entityType, entityId: e.entityId })}
                          className="underline"
                        >
                          履歴
                        </Link>
                      </span>
                    </td>
                    <td className={tdClass}>
                      {e.summary}
                      <Changes before={e.before as TSnapshot | null} after={e.after as TSnapshot | null} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <nav aria-label="ページ" className="mt-4 flex gap-3 text-sm">
          {filter.before && (
            <Link href={withParams("/prefecture/audit", current)} className="text-teal-800 underline">
              最新の記録に戻る
            </Link>
          )}
          {next !== undefined && (
            <Link
              href={withParams("/prefecture/audit", current, { before: String(next) })}
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
