import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { listRoster } from "@/lib/data/roster";
import { listMunicipalities, listZoneSchemes } from "@/lib/data/zones";
import { listImportJobs } from "@/lib/data/import-jobs";
import { INSTITUTION_KIND_LABELS } from "@/lib/domain/labels";
import { ROSTER_DEFAULT_SORT, type TRosterSortKey, ZRosterFilter, sortParams } from "@/lib/prefecture/filters";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { FileImportForm } from "@/components/prefecture/file-import-form";
import { RecentImports } from "@/components/prefecture/recent-imports";
import { Pagination } from "@/components/prefecture/pagination";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { tdClass } from "@/components/prefecture/table-styles";
import { type TSearchParams, flattenParams, withParams } from "@/lib/search-params";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ListCard, ListCards, SortSelects, SortableHeaders } from "@/components/prefecture/sortable-list";

export const metadata: Metadata = { title: "医療機関名簿" };

const PATH = "/prefecture/roster";

const COLUMNS: { key: TRosterSortKey; label: string }[] = [
  { key: "code", label: "医療機関コード" },
  { key: "name", label: "名称" },
  { key: "kind", label: "種別" },
  { key: "municipality", label: "市区町村" },
  { key: "phone", label: "電話" },
  { key: "email", label: "担当者メール" },
  { key: "accounts", label: "アカウント" },
  { key: "state", label: "状態" },
];

export default async function RosterPage({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const filter = ZRosterFilter.parse(flattenParams(await searchParams));
  const [roster, schemes, municipalities, jobs] = await Promise.all([
    listRoster(viewer, filter),
    listZoneSchemes(viewer),
    listMunicipalities(viewer),
    listImportJobs(viewer, { kinds: ["ROSTER"], take: 5 }),
  ]);
  const current = {
    q: filter.q,
    zone: filter.zone,
    municipality: filter.municipality,
    kind: filter.kind,
    active: filter.active === "active" ? undefined : filter.active,
  };
  const sort = { key: filter.sort, dir: filter.dir };
  const listed = { ...current, ...sortParams(filter, ROSTER_DEFAULT_SORT) };

  return (
    <>
      <PageHeader
        title="医療機関名簿"
        description="報告を依頼する病院・診療所の一覧です。CSV または Excel の名簿を取り込んで更新します。"
      />
      <div className="space-y-6">
        <Panel title="名簿の取込">
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-3">
              <FileImportForm kind="ROSTER" label="名簿ファイル" />
              <p className="text-xs text-gray-600">
                列:
                医療機関コード・名称・種別（病院/診療所）・病床数・郵便番号・住所・市区町村コード・電話・担当者メール。{" "}
                <a href="/api/v1/prefecture/templates/ROSTER" className="text-teal-800 underline" download>
                  様式（CSV）をダウンロード
                </a>
              </p>
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold text-gray-800">最近の取込</h3>
              <RecentImports jobs={jobs} />
            </div>
          </div>
        </Panel>

        <Panel title="一覧">
          <form method="get" className="mb-4 grid gap-3 md:grid-cols-6" role="search" aria-label="名簿の絞り込み">
            <div className="md:col-span-2">
              <label htmlFor="filter-q" className={labelClass}>
                名称・コード・メール
              </label>
              <input id="filter-q" name="q" defaultValue={filter.q ?? ""} className={inputClass} />
            </div>
            <SelectFilter
              name="zone"
              label="圏域"
              value={filter.zone}
              groups={schemes.map((s) => ({
                label: s.name,
                options: s.zones.map((z) => ({ value: z.id, label: z.name })),
              }))}
            />
            <SelectFilter
              name="municipality"
              label="市区町村"
              value={filter.municipality}
              options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
            />
            <SelectFilter
              name="kind"
              label="種別"
              value={filter.kind}
              options={[
                { value: "HOSPITAL", label: "病院" },
                { value: "CLINIC", label: "診療所" },
              ]}
            />
            <SelectFilter
              name="active"
              label="状態"
              value={filter.active === "active" ? "" : filter.active}
              allLabel="有効のみ"
              options={[
                { value: "inactive", label: "無効のみ" },
                { value: "all", label: "有効・無効すべて" },
              ]}
            />
            <SortSelects sort={sort} fallback={ROSTER_DEFAULT_SORT} defaultLabel="市区町村順" columns={COLUMNS} />
            <div className="flex items-end gap-2 md:col-span-6">
              <Button type="submit">絞り込む</Button>
              <Link href={PATH} className="text-sm text-teal-800 underline">
                条件をクリア
              </Link>
            </div>
          </form>
          {roster.rows.length === 0 ? (
            <EmptyState title="該当する医療機関はありません" />
          ) : (
            <>
              <ListCards label="医療機関名簿の一覧" testId="roster-cards">
                {roster.rows.map((r) => (
                  <ListCard
                    key={r.id}
                    title={<InstitutionLink row={r} />}
                    muted={!r.isActive}
                    fields={[
                      { label: "コード", value: <span className="font-mono">{r.code}</span> },
                      { label: "種別・市区町村", value: `${kindText(r)}・${r.municipality.name}` },
                      { label: "電話", value: r.phone ?? "—" },
                      { label: "担当者メール", value: <ContactEmail email={r.contactEmail} /> },
                      { label: "アカウント", value: accountText(r) },
                      { label: "状態", value: <StateText row={r} /> },
                    ]}
                  />
                ))}
              </ListCards>
              <ScrollRegion label="医療機関名簿の一覧（表）" className="hidden md:block">
                <table className="w-full min-w-[44rem] text-sm">
                  <thead>
                    <tr>
                      <SortableHeaders
                        columns={COLUMNS}
                        sort={sort}
                        hrefFor={(key, dir) =>
                          withParams(PATH, current, sortParams({ sort: key, dir }, ROSTER_DEFAULT_SORT))
                        }
                      />
                    </tr>
                  </thead>
                  <tbody>
                    {roster.rows.map((r) => (
                      <tr key={r.id} className={r.isActive ? undefined : "bg-gray-50 text-gray-600"}>
                        <td className={`${tdClass} font-mono`}>{r.code}</td>
                        <td className={`${tdClass} min-w-[10rem]`}>
                          <InstitutionLink row={r} />
                        </td>
                        <td className={`${tdClass} whitespace-nowrap`}>{kindText(r)}</td>
                        <td className={`${tdClass} whitespace-nowrap`}>{r.municipality.name}</td>
                        <td className={`${tdClass} whitespace-nowrap`}>{r.phone ?? "—"}</td>
                        <td className={`${tdClass} break-all`}>
                          <ContactEmail email={r.contactEmail} />
                        </td>
                        <td className={tdClass}>{accountText(r)}</td>
                        <td className={tdClass}>
                          <StateText row={r} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </>
          )}
          <Pagination
            page={roster.page}
            pages={roster.pages}
            total={roster.total}
            hrefFor={(page) => withParams(PATH, listed, { page })}
          />
        </Panel>
      </div>
    </>
  );
}

type TRosterRow = Awaited<ReturnType<typeof listRoster>>["rows"][number];

function InstitutionLink({ row }: Readonly<{ row: TRosterRow }>) {
  return (
    <Link href={`/prefecture/roster/${row.id}`} className="text-teal-800 underline">
      {row.name}
    </Link>
  );
}

const kindText = (row: TRosterRow) =>
  `${INSTITUTION_KIND_LABELS[row.kind]}${row.kind === "HOSPITAL" && row.beds !== null ? `（${row.beds}床）` : ""}`;

const accountText = (row: TRosterRow) => (row._count.users > 0 ? "有り" : "無し");

function ContactEmail({ email }: Readonly<{ email: string | null }>) {
  return email ? <span className="break-all">{email}</span> : <span className="text-amber-800">未登録</span>;
}

/** 有効 / 無効, and 休院 with its date and reason (left out of 対象 from the cycle's 1 January). */
function StateText({
  row,
}: Readonly<{ row: { isActive: boolean; suspendedSince: string | null; suspensionReason: string | null } }>) {
  return (
    <>
      {row.isActive ? "有効" : "無効"}
      {row.suspendedSince && (
        <span className="block text-xs text-gray-700" data-testid="suspension">
          休院（{row.suspendedSince}〜）{row.suspensionReason}
        </span>
      )}
    </>
  );
}
