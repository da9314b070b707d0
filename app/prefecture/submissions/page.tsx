import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { countCycleStatuses, findCycle, listCycles } from "@/lib/data/cycles";
import { countBulkConfirmable, listRespondents } from "@/lib/data/review";
import { getCycleFlagSummary } from "@/lib/data/review-flags";
import { REVIEW_FLAG_FILTERS, REVIEW_FLAG_FILTER_LABELS, reviewFlagKindsFor } from "@/lib/prefecture/review-flags";
import { FlagBadges, ReviewFlagSummary } from "@/components/prefecture/review-flag-list";
import { listMunicipalities, listZoneSchemes } from "@/lib/data/zones";
import { respondentStatusLabel } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/wareki";
import {
  NOT_YET_SUBMITTED,
  RESPONDENT_DEFAULT_SORT,
  type TRespondentSortKey,
  ZRespondentFilter,
  sortParams,
} from "@/lib/prefecture/filters";
import { deadlineLabel } from "@/lib/prefecture/respondent-order";
import { RESPONSE_STATUSES, RESPONSE_STATUS_LABELS } from "@/lib/aggregation/status";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { Pagination } from "@/components/prefecture/pagination";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { SoftWarningBadge } from "@/components/prefecture/soft-warning-filter";
import { StatusCounts } from "@/components/prefecture/status-counts";
import { BulkConfirmButton } from "@/components/prefecture/bulk-confirm-button";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { tdClass, thClass } from "@/components/prefecture/table-styles";
import { type TSearchParams, flattenParams, withParams } from "@/lib/search-params";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ListCard, ListCards, SortSelects, SortableHeaders } from "@/components/prefecture/sortable-list";

export const metadata: Metadata = { title: "提出状況・確認" };

const PATH = "/prefecture/submissions";

/** The list's columns, in table order; `clinic` columns are shown for clinic cycles only. */
function columnsOf(isClinic: boolean): { key: TRespondentSortKey; label: string }[] {
  return [
    ...(isClinic ? [{ key: "code" as const, label: "医療機関コード" }] : []),
    { key: "name", label: "名称" },
    ...(isClinic ? [{ key: "kind" as const, label: "種別" }] : []),
    { key: "area", label: isClinic ? "市区町村" : "圏域" },
    { key: "status", label: "状況" },
    { key: "deadline", label: "期限までの日数" },
    { key: "updated", label: "提出・保存日時" },
    { key: "flags", label: "目印" },
  ];
}

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
  const [list, counts, schemes, municipalities, bulk, flagSummary] = await Promise.all([
    listRespondents(viewer, cycle, filter),
    countCycleStatuses(viewer, cycle),
    listZoneSchemes(viewer),
    listMunicipalities(viewer),
    countBulkConfirmable(viewer, cycle, filter),
    getCycleFlagSummary(viewer, cycle.id),
  ]);
  const current = {
    cycle: cycle.id,
    zone: filter.zone,
    municipality: filter.municipality,
    kind: filter.kind,
    status: filter.status,
    flag: filter.flag,
    q: filter.q,
  };
  const filterOnly = Object.fromEntries(
    Object.entries(current).filter(([k, v]) => k !== "cycle" && v !== undefined),
  ) as Record<string, string>;
  const sort = { key: filter.sort, dir: filter.dir };
  const listed = { ...current, ...sortParams(filter, RESPONDENT_DEFAULT_SORT) };
  const columns = columnsOf(isClinic);
  const now = new Date();
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
          <StatusCounts counts={counts} hrefFor={(status) => withParams(PATH, { cycle: cycle.id, status })} />
        </Panel>
        <Panel title="確認の目印">
          <ReviewFlagSummary
            cycleId={cycle.id}
            isClinic={isClinic}
            summary={flagSummary}
            hrefFor={(flag) => withParams(PATH, { cycle: cycle.id, flag, sort: "flags" })}
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
              name="flag"
              label="目印"
              value={filter.flag}
              options={REVIEW_FLAG_FILTERS.map((f) => ({ value: f, label: REVIEW_FLAG_FILTER_LABELS[f] }))}
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
            <SortSelects
              sort={sort}
              fallback={RESPONDENT_DEFAULT_SORT}
              defaultLabel={isClinic ? "市区町村・コード順" : "圏域順"}
              columns={columns}
            />
            <div className="flex items-end gap-2 md:col-span-6">
              <Button type="submit">絞り込む</Button>
              <Link href={withParams(PATH, { cycle: cycle.id })} className="text-sm text-teal-800 underline">
                条件をクリア
              </Link>
            </div>
          </form>
          <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
            <BulkConfirmButton
              cycleId={cycle.id}
              filter={filterOnly}
              submittedCount={bulk.confirmable}
              flaggedCount={bulk.flagged}
              kinds={reviewFlagKindsFor(isClinic)}
            />
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
            <>
              <ListCards label="提出状況の一覧" testId="respondent-cards">
                {list.rows.map((r) => (
                  <ListCard
                    key={r.respondentId}
                    title={<RespondentName row={r} />}
                    muted={!r.isActive}
                    fields={[
                      ...(isClinic ? [{ label: "コード", value: <span className="font-mono">{r.code}</span> }] : []),
                      { label: isClinic ? "種別・市区町村" : "圏域", value: areaText(r, isClinic) },
                      { label: "状況", value: <StatusText row={r} now={now} /> },
                      {
                        label: "期限",
                        value: deadlineLabel(cycle.closesAt, r.status, r.submission?.reopenedUntil ?? null, now),
                      },
                      { label: "日時", value: savedText(r) },
                      { label: "目印", value: <FlagBadges flags={r.flags} /> },
                    ]}
                    actions={<RowAction row={r} />}
                  />
                ))}
              </ListCards>
              <ScrollRegion label="提出状況の一覧（表）" className="hidden md:block">
                <table className="w-full min-w-[44rem] text-sm" data-testid="respondent-table">
                  <thead>
                    <tr>
                      <SortableHeaders
                        columns={columns}
                        sort={sort}
                        hrefFor={(key, dir) =>
                          withParams(PATH, current, sortParams({ sort: key, dir }, RESPONDENT_DEFAULT_SORT))
                        }
                      />
                      <th className={thClass}>
                        <span className="sr-only">操作</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.rows.map((r) => (
                      <tr key={r.respondentId}>
                        {isClinic && <td className={`${tdClass} font-mono`}>{r.code}</td>}
                        <td className={`${tdClass} min-w-[10rem]`}>
                          <RespondentName row={r} />
                        </td>
                        {isClinic && <td className={`${tdClass} whitespace-nowrap`}>{r.kindLabel}</td>}
                        <td className={`${tdClass} whitespace-nowrap`}>{r.municipalityName ?? r.zoneName}</td>
                        <td className={tdClass}>
                          <StatusText row={r} now={now} />
                        </td>
                        <td className={`${tdClass} whitespace-nowrap`}>
                          {deadlineLabel(cycle.closesAt, r.status, r.submission?.reopenedUntil ?? null, now)}
                        </td>
                        <td className={tdClass}>{savedText(r)}</td>
                        <td className={tdClass}>
                          <FlagBadges flags={r.flags} />
                        </td>
                        <td className={`${tdClass} text-right`}>
                          <RowAction row={r} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </>
          )}
          <Pagination
            page={list.page}
            pages={list.pages}
            total={list.total}
            hrefFor={(page) => withParams(PATH, listed, { page })}
          />
        </Panel>
      </div>
    </>
  );
}

type TRow = Awaited<ReturnType<typeof listRespondents>>["rows"][number];

function RespondentName({ row }: Readonly<{ row: TRow }>) {
  return (
    <>
      {row.name}
      {!row.isActive && <span className="ml-1 text-xs text-gray-600">（無効）</span>}
    </>
  );
}

const areaText = (row: TRow, isClinic: boolean) =>
  isClinic ? `${row.kindLabel}・${row.municipalityName ?? "—"}` : (row.zoneName ?? "—");

function StatusText({ row, now }: Readonly<{ row: TRow; now: Date }>) {
  return (
    <>
      {respondentStatusLabel(row.submission)}
      {row.submission?.reopenedUntil && row.submission.reopenedUntil > now && (
        <span className="ml-1 text-xs text-amber-800">（期限後入力可）</span>
      )}
      <SoftWarningBadge counts={row.warningCounts} />
    </>
  );
}

const savedText = (row: TRow) =>
  row.submission?.submittedAt
    ? formatDateTime(row.submission.submittedAt)
    : row.submission
      ? `保存 ${formatDateTime(row.submission.updatedAt)}`
      : "—";

function RowAction({ row }: Readonly<{ row: TRow }>) {
  if (row.submission) {
    return (
      <Link href={`/prefecture/submissions/${row.submission.id}`} className="text-teal-800 underline">
        {row.submission.status === "SUBMITTED" ? "確認する" : "開く"}
        {/* The name starts with the visible words (WCAG 2.5.3) and says whose report. */}
        <span className="sr-only">（{row.name}の報告）</span>
      </Link>
    );
  }
  if (row.respondentType === "institution") {
    return (
      <Link href={`/prefecture/roster/${row.respondentId}`} className="text-teal-800 underline">
        名簿
        <span className="sr-only">（{row.name}）</span>
      </Link>
    );
  }
  return null;
}
