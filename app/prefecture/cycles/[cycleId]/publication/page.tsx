import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { getPublicationPanel } from "@/lib/data/publication";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { formatDateTime } from "@/lib/domain/wareki";
import { flattenParams, withParams, type TSearchParams } from "@/lib/search-params";
import {
  PUBLICATION_STATUS_LABELS,
  PUBLIC_COUNT_COLUMNS,
  PUBLIC_FUNCTION_ORDER,
  PUBLIC_FUNCTION_TEXTS,
  PUBLIC_LICENCES,
  licenceOf,
  publicCountText,
  publicDateText,
} from "@/lib/summaries/public";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { ActionButton } from "@/components/prefecture/action-button";
import { PublicationSettingForm, ReasonActionForm } from "@/components/prefecture/publication-forms";
import { Pagination } from "@/components/prefecture/pagination";
import { orNotFound } from "@/app/_shared/not-found";

export const metadata: Metadata = { title: "公表" };

type TProps = Readonly<{ params: Promise<{ cycleId: string }>; searchParams: Promise<TSearchParams> }>;

export default async function PublicationPage({ params, searchParams }: TProps) {
  const viewer = await requireRole("prefecture");
  const { cycleId } = await params;
  const query = flattenParams(await searchParams);
  const q = (query.q ?? "").slice(0, 100);
  const page = Math.min(10_000, Math.max(1, Number(query.page) || 1));
  const panel = await orNotFound(getPublicationPanel(viewer, cycleId, { q, page }));
  const { cycle, setting, preview, runs, holds } = panel;
  if (cycle.kind !== "CLINIC_REPORT") notFound();
  const api = `/api/v1/prefecture/cycles/${cycle.id}/publication`;
  const self = `/prefecture/cycles/${cycle.id}/publication`;
  const published = setting.status === "PUBLISHED";
  const live = runs.find((r) => r.id === setting.liveRunId);
  return (
    <>
      <PageHeader
        title={`${cycle.title}の公表`}
        eyebrow={
          <Link href={`/prefecture/cycles/${cycle.id}`} className="text-teal-800 underline">
            報告サイクルへ戻る
          </Link>
        }
        description={<span data-testid="publication-status">{PUBLICATION_STATUS_LABELS[setting.status]}</span>}
        actions={
          <ActionButton
            url={`${api}/publish`}
            variant="primary"
            confirm={`${cycle.title}の確認済みの報告を今すぐ公表します（保留中の医療機関を除く）。よろしいですか？`}
          >
            {published ? "最新の確認済み報告で公表を更新" : "今すぐ公表"}
          </ActionButton>
        }
      />
      <div className="space-y-6">
        <Panel title="公表の状態">
          <FactList
            items={[
              { label: "状態", value: PUBLICATION_STATUS_LABELS[setting.status] },
              { label: "公表日", value: cycle.publishAt ? publicDateText(cycle.publishAt) : "未設定" },
              { label: "ライセンス", value: licenceOf(setting.licence).name },
              {
                label: "公表中のデータ",
                value: live ? (
                  <>
                    {publicDateText(live.dataAsOf)}時点・{publicCountText(live.institutionCount)}{" "}
                    <Link
                      href={`/public/${cycle.prefectureCode}?year=${cycle.fiscalYear}`}
                      className="text-teal-800 underline"
                    >
                      公表ページを開く
                    </Link>
                  </>
                ) : (
                  "なし"
                ),
              },
            ]}
          />
          {published && (
            <p className="mt-3 text-sm text-gray-700">
              確認済みにした変更報告は、次に「公表を更新」したときに公表ページへ反映されます。
            </p>
          )}
          {runs.length > 0 && (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm text-teal-800 underline">公表の履歴</summary>
              <ul className="mt-2 space-y-1 text-sm">
                {runs.map((run) => (
                  <li key={run.id}>
                    {formatDateTime(run.dataAsOf)}（{run.trigger === "NOW" ? "今すぐ公表" : "公表日の自動公表"}）:{" "}
                    {publicCountText(run.institutionCount)}・保留 {run.heldBack}件・変更報告の確認待ち{" "}
                    {run.carriedForward}件
                  </li>
                ))}
              </ul>
            </details>
          )}
        </Panel>

        <Panel title="公表日とライセンス">
          <PublicationSettingForm
            cycleId={cycle.id}
            publishOn={cycle.publishAt ? toDateInputJst(cycle.publishAt) : ""}
            licence={setting.licence}
            licences={PUBLIC_LICENCES}
          />
        </Panel>

        <Panel title="公表される内容（プレビュー）">
          <p className="mb-3 text-sm text-gray-700">
            いま公表すると、次の内容が公開されます。確認済みの報告だけが対象です（下書き・提出済で未確認・差戻しの報告、連絡先、特記事項などの自由記述は公表されません）。
            公表保留 {preview.heldBack}件、変更報告の確認待ちで前回の公表内容を継続 {preview.carriedForward}件。
          </p>
          <ScrollRegion label="圏域ごとの公表件数">
            <table className="min-w-full text-sm" data-testid="preview-counts">
              <thead>
                <tr className="border-b border-gray-300 text-left">
                  <th scope="col" className="py-1 pr-3">
                    圏域
                  </th>
                  {PUBLIC_COUNT_COLUMNS.map((c) => (
                    <th key={c.key} scope="col" className="px-2 py-1 text-right">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...preview.zones, { code: "total", name: "合計", ...preview.total }].map((z) => (
                  <tr key={z.code || z.name} className="border-b border-gray-100">
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      {z.name}
                    </th>
                    {PUBLIC_COUNT_COLUMNS.map((c) => (
                      <td key={c.key} className="px-2 py-1 text-right tabular-nums">
                        {publicCountText(z[c.key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <form method="get" action={self} className="mt-4 flex flex-wrap items-end gap-2" role="search">
            <label className="text-sm font-medium text-gray-700">
              医療機関名・コードで絞り込む
              <input name="q" defaultValue={q} className="mt-1 block rounded-md border-gray-300 text-sm" />
            </label>
            <button type="submit" className="rounded-md px-3 py-2 text-sm text-teal-800 ring-1 ring-gray-300">
              絞り込む
            </button>
          </form>
          <ul className="mt-3 divide-y divide-gray-100 text-sm" data-testid="preview-list">
            {preview.list.map((row) => (
              <li key={row.institutionId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link href={`${self}/institutions/${row.institutionId}`} className="text-teal-800 underline">
                    {row.name}
                  </Link>
                  <span className="ml-2 text-gray-600">
                    {row.code}・{row.municipalityName}
                  </span>
                </span>
                <span className="text-gray-700">
                  {PUBLIC_FUNCTION_ORDER.filter((k) => row[k])
                    .map((k) => PUBLIC_FUNCTION_TEXTS[k].shortName)
                    .join("・") || "機能の報告無し"}
                </span>
              </li>
            ))}
          </ul>
          <Pagination
            page={preview.page}
            pages={Math.max(1, Math.ceil(preview.matching / preview.pageSize))}
            total={preview.matching}
            hrefFor={(p) => withParams(self, { q: q || undefined }, { page: p })}
          />
        </Panel>

        <Panel title="公表保留">
          {holds.length === 0 ? (
            <p className="text-sm text-gray-700">
              保留中の医療機関はありません。保留するには、プレビューの医療機関を開いて「公表を保留」してください。
            </p>
          ) : (
            <ul className="divide-y divide-gray-100 text-sm" data-testid="holds">
              {holds.map((hold) => (
                <li key={hold.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    {hold.institution.name}（{hold.institution.code}）: {hold.reason}
                    <span className="ml-2 text-gray-600">
                      {formatDateTime(hold.heldAt)}
                      {hold.releasedAt ? `・${formatDateTime(hold.releasedAt)} 解除` : "・保留中"}
                    </span>
                  </span>
                  {!hold.releasedAt && (
                    <ActionButton url={`${api}/holds/${hold.institution.id}/release`} size="sm">
                      保留を解除
                    </ActionButton>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Panel>

        {published && (
          <Panel title="公表の取り下げ">
            <Notice tone="warning">
              取り下げると、この年度の公表ページとオープンデータがすぐに非公開になります。もう一度公表するには「今すぐ公表」してください。
            </Notice>
            <div className="mt-3 max-w-xl">
              <ReasonActionForm
                url={`${api}/withdraw`}
                label="取り下げの理由（記録に残ります）"
                submitLabel="公表を取り下げる"
                variant="danger"
                confirm="公表を取り下げます。公表ページとオープンデータが非公開になります。よろしいですか？"
              />
            </div>
          </Panel>
        )}
      </div>
    </>
  );
}
