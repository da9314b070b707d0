import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { countCycleStatuses, findCycle, listCycles } from "@/lib/data/cycles";
import { countMatchingSubmitted, listRespondents } from "@/lib/data/review";
import { listMunicipalities, listZoneSchemes } from "@/lib/data/zones";
import { respondentStatusLabel } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/wareki";
import { NOT_YET_SUBMITTED, ZRespondentFilter } from "@/lib/prefecture/filters";
import { RESPONSE_STATUSES, RESPONSE_STATUS_LABELS } from "@/lib/aggregation/status";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { Pagination } from "@/components/prefecture/pagination";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { StatusCounts } from "@/components/prefecture/status-counts";
import { BulkConfirmButton } from "@/components/prefecture/bulk-confirm-button";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { tdClass, thClass } from "@/components/prefecture/table-styles";
import { type TSearchParams, flattenParams, withParams } from "@/lib/search-params";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "提出状況・確認" };

export default async function SubmissionsPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const params = flattenParams(await searchParams);
  const filter = ZRespondentFilter.parse(params);
  const cycles = await listCycles(viewer);
  const chosen =
    cycles.find((c) => c.id === params.cycle) ??
    // An open clinic cycle with reports first: a 年度 just opened beside it has nothing to review yet.
    cycles.find((c) => c.status === "OPEN" && c.kind === "CLINIC_REPORT" && c.counts.NOT_STARTED < c.counts.total) ??
    cycles.find((c) => c.status === "OPEN" && c.kind === "CLINIC_REPORT") ??
    cycles.find((c) => c.status === "OPEN") ??
    cycles[0];
  if (!chosen) {
    return (
      <>
        <PageHeader title="提出状況・確認" />
        <EmptyState title="報告サイクルがありません">
          <Link href="/prefecture/cycles" className="text-teal-800 underline">
            報告サイクル
          </Link>
          を作成してください。
        </EmptyState>
      </>
    );
  }
  const cycle = await findCycle(viewer, chosen.id);
  const isClinic = cycle.kind === "CLINIC_REPORT";
  const [list, counts, schemes, municipalities, submittedMatching] = await Promise.all([
    listRespondents(viewer, cycle, filter),
    countCycleStatuses(viewer, cycle),
    listZoneSchemes(viewer),
    listMunicipalities(viewer),
    countMatchingSubmitted(viewer, cycle, filter),
  ]);
  const current = {
    cycle: cycle.id,
    zone: filter.zone,
    municipality: filter.municipality,
    kind: filter.kind,
    status: filter.status,
    q: filter.q,
  };
  const filterOnly = Object.fromEntries(
    Object.entries(current).filter(([k, v]) => k !== "cycle" && v !== undefined),
  ) as Record<string, string>;
  const exportQuery = new URLSearchParams(filterOnly).toString();

  return (
    <>
      <PageHeader title="提出状況・確認" description="報告の提出状況を確かめ、内容を確認（体制の有無の確認）します。" />
      <div className="space-y-6">
        <Panel
          title={cycle.title}
          actions={
            <Link href={`/prefecture/cycles/${cycle.id}`} className="text-sm text-teal-800 underline">
              報告サイクルの画面へ
            </Link>
          }
        >
          <StatusCounts
            counts={counts}
            hrefFor={(status) => withParams("/prefecture/submissions", { cycle: cycle.id, status })}
          />
        </Panel>
        <Panel title="一覧">
          <form method="get" className="mb-4 grid gap-3 md:grid-cols-6" role="search" aria-label="報告の絞り込み">
            <SelectFilter
              name="cycle"
              label="報告サイクル"
              value={cycle.id}
              allLabel="受付中の報告"
              options={cycles.map((c) => ({ value: c.id, label: c.title }))}
            />
            <SelectFilter
              name="status"
              label="状況"
              value={filter.status}
              options={RESPONSE_STATUSES.map((s) => ({ value: s, label: RESPONSE_STATUS_LABELS[s] }))}
            />
            <SelectFilter
              name="zone"
              label="圏域"
              value={filter.zone}
              groups={schemes.map((s) => ({
                label: s.name,
                options: s.zones.map((z) => ({ value: z.id, label: z.name })),
              }))}
            />
            {isClinic && (
              <SelectFilter
                name="municipality"
                label="市区町村"
                value={filter.municipality}
                options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
              />
            )}
            {isClinic && (
              <SelectFilter
                name="kind"
                label="種別"
                value={filter.kind}
                options={[
                  { value: "HOSPITAL", label: "病院" },
                  { value: "CLINIC", label: "診療所" },
                ]}
              />
            )}
            <div>
              <label htmlFor="filter-q" className={labelClass}>
                名称・コード
              </label>
              <input id="filter-q" name="q" defaultValue={filter.q ?? ""} className={inputClass} />
            </div>
            <div className="flex items-end gap-2 md:col-span-6">
              <Button type="submit">絞り込む</Button>
              <Link
                href={withParams("/prefecture/submissions", { cycle: cycle.id })}
                className="text-sm text-teal-800 underline"
              >
                条件をクリア
              </Link>
            </div>
          </form>
          <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
            <BulkConfirmButton cycleId={cycle.id} filter={filterOnly} submittedCount={submittedMatching} />
            {(!filter.status || NOT_YET_SUBMITTED.includes(filter.status)) && (
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <span className="text-gray-700">この条件の未提出一覧:</span>
                {(["csv", "csv-sjis", "xlsx"] as const).map((format) => (
                  <a
                    key={format}
                    href={`/api/v1/prefecture/cycles/${cycle.id}/not-submitted?format=${format}${exportQuery ? `&${exportQuery}` : ""}`}
                    className="text-teal-800 underline"
                    download
                  >
                    {format === "csv" ? "CSV（UTF-8）" : format === "csv-sjis" ? "CSV（Shift_JIS）" : "Excel"}
                  </a>
                ))}
              </div>
            )}
          </div>
          {list.rows.length === 0 ? (
            <EmptyState title="該当する回答者はいません" />
          ) : (
            <ScrollRegion label="提出状況の一覧">
              <table className="w-full min-w-[44rem] text-sm" data-testid="respondent-table">
                <thead>
                  <tr>
                    {isClinic && <th className={thClass}>医療機関コード</th>}
                    <th className={thClass}>名称</th>
                    <th className={thClass}>{isClinic ? "種別" : "区分"}</th>
                    <th className={thClass}>{isClinic ? "市区町村" : "圏域"}</th>
                    <th className={thClass}>状況</th>
                    <th className={thClass}>提出・保存日時</th>
                    <th className={thClass}>
                      <span className="sr-only">操作</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r) => (
                    <tr key={r.respondentId}>
                      {isClinic && <td className={`${tdClass} font-mono`}>{r.code}</td>}
                      <td className={tdClass}>
                        {r.name}
                        {!r.isActive && <span className="ml-1 text-xs text-gray-500">（無効）</span>}
                      </td>
                      <td className={tdClass}>{r.kindLabel}</td>
                      <td className={tdClass}>{r.municipalityName ?? r.zoneName}</td>
                      <td className={tdClass}>
                        {respondentStatusLabel(r.submission)}
                        {r.submission?.reopenedUntil && r.submission.reopenedUntil > new Date() && (
                          <span className="ml-1 text-xs text-amber-800">（期限後入力可）</span>
                        )}
                      </td>
                      <td className={tdClass}>
                        {r.submission?.submittedAt
                          ? formatDateTime(r.submission.submittedAt)
                          : r.submission
                            ? `保存 ${formatDateTime(r.submission.updatedAt)}`
                            : "—"}
                      </td>
                      <td className={`${tdClass} text-right`}>
                        {r.submission ? (
                          <Link href={`/prefecture/submissions/${r.submission.id}`} className="text-teal-800 underline">
                            {r.submission.status === "SUBMITTED" ? "確認する" : "開く"}
                            {/* The name starts with the visible words (WCAG 2.5.3) and says whose report. */}
                            <span className="sr-only">（{r.name}の報告）</span>
                          </Link>
                        ) : r.respondentType === "institution" ? (
                          <Link href={`/prefecture/roster/${r.respondentId}`} className="text-teal-800 underline">
                            名簿
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <Pagination
            page={list.page}
            pages={list.pages}
            total={list.total}
            hrefFor={(page) => withParams("/prefecture/submissions", current, { page })}
          />
        </Panel>
      </div>
    </>
  );
}
