import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/viewer";
import { countCycleStatuses, findCycle, listActiveHubs, listReopened } from "@/lib/data/cycles";
import { getProgress } from "@/lib/data/progress";
import { listImportJobs } from "@/lib/data/import-jobs";
import { isAppError } from "@/lib/errors";
import { CYCLE_STATUS_LABELS, respondentStatusLabel } from "@/lib/domain/labels";
import { formatDeadline, formatSeireki, formatWareki } from "@/lib/domain/wareki";
import { toDateInputJst, todayJst } from "@/lib/domain/jst-dates";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { ActionButton } from "@/components/prefecture/action-button";
import { CycleForm } from "@/components/prefecture/cycle-form";
import { ReopenForm } from "@/components/prefecture/reopen-form";
import { ProgressTable, StatusCounts } from "@/components/prefecture/status-counts";
import { FileImportForm } from "@/components/prefecture/file-import-form";
import { RecentImports } from "@/components/prefecture/recent-imports";
import { SelectFilter } from "@/components/prefecture/select-filter";
import { type TSearchParams, flattenParams, withParams } from "@/lib/search-params";
import { getCycleFlagSummary } from "@/lib/data/review-flags";
import { ReviewFlagSummary } from "@/components/prefecture/review-flag-list";
import { reviewFlagKindsFor, reviewFlagTopics } from "@/lib/prefecture/review-flags";

export const metadata: Metadata = { title: "報告サイクル" };

const day = (date: Date | null) => (date ? `${formatWareki(date)}（${formatSeireki(date)}）` : "—");

export default async function CyclePage({
  params,
  searchParams,
}: Readonly<{ params: Promise<{ cycleId: string }>; searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const { cycleId } = await params;
  const schemeId = z
    .string()
    .max(40)
    .optional()
    .catch(undefined)
    .parse(flattenParams(await searchParams).scheme);
  const cycle = await findCycle(viewer, cycleId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const isClinic = cycle.kind === "CLINIC_REPORT";
  const [counts, progress, reopened, jobs, hubs, flagSummary] = await Promise.all([
    countCycleStatuses(viewer, cycle),
    getProgress(viewer, cycle, schemeId),
    listReopened(viewer, cycle.id),
    isClinic ? listImportJobs(viewer, { kinds: ["NDB", "PAPER"], cycleId: cycle.id, take: 5 }) : Promise.resolve([]),
    isClinic ? Promise.resolve(undefined) : listActiveHubs(viewer),
    getCycleFlagSummary(viewer, cycle.id),
  ]);
  const api = `/api/v1/prefecture/cycles/${cycle.id}`;
  const listHref = (status?: string) => withParams("/prefecture/submissions", { cycle: cycle.id, status });
  const pastDeadline = cycle.closesAt < new Date();

  return (
    <>
      <PageHeader
        title={cycle.title}
        eyebrow={
          <Link href="/prefecture/cycles" className="text-teal-800 underline">
            報告サイクル一覧へ戻る
          </Link>
        }
        description={
          <>
            <span data-testid="cycle-status">{CYCLE_STATUS_LABELS[cycle.status]}</span>・
            {cycle.questionnaireVersion.label}
          </>
        }
        actions={
          <>
            {cycle.status !== "OPEN" && (
              <ActionButton
                url={`${api}/open`}
                variant="primary"
                confirm={`${cycle.title}の受付を開始します。回答者の画面に表示されます。よろしいですか？`}
              >
                受付を開始
              </ActionButton>
            )}
            {cycle.status === "OPEN" && (
              <ActionButton
                url={`${api}/close`}
                variant="danger"
                confirm={`${cycle.title}の受付を締め切ります。回答者は入力できなくなります（個別に再開できます）。よろしいですか？`}
              >
                受付を締め切る
              </ActionButton>
            )}
          </>
        }
      />
      <div className="space-y-6">
        {cycle.status === "PREPARING" && (
          <Notice>準備中です。回答者にはまだ表示されていません。日程を確認して「受付を開始」してください。</Notice>
        )}
        {cycle.status === "OPEN" && pastDeadline && (
          <Notice tone="warning">
            提出期限を過ぎています。回答者は入力できません（期限後の入力を許可した回答者を除く）。
          </Notice>
        )}

        <Panel title="日程">
          <FactList
            items={[
              { label: "報告依頼日", value: day(cycle.requestDate) },
              { label: "受付開始", value: day(cycle.opensAt) },
              {
                label: "提出期限",
                value: <span data-testid="cycle-deadline">{formatDeadline(cycle.closesAt)} 23:59</span>,
              },
              {
                label: "公表予定日",
                value: (
                  <>
                    {day(cycle.publishAt)}
                    {isClinic && (
                      <Link
                        href={`/prefecture/cycles/${cycle.id}/publication`}
                        className="ml-2 text-teal-800 underline"
                      >
                        公表の設定・プレビュー
                      </Link>
                    )}
                  </>
                ),
              },
            ]}
          />
          <details className="mt-4">
            <summary className="cursor-pointer text-sm text-teal-800 underline">日程を変更する</summary>
            <div className="mt-3">
              <CycleForm
                cycleId={cycle.id}
                initial={{
                  requestDate: cycle.requestDate ? toDateInputJst(cycle.requestDate) : "",
                  opensOn: toDateInputJst(cycle.opensAt),
                  closesOn: toDateInputJst(cycle.closesAt),
                  publishOn: cycle.publishAt ? toDateInputJst(cycle.publishAt) : "",
                }}
              />
            </div>
          </details>
        </Panel>

        <Panel
          title="提出状況"
          actions={
            <Link href={listHref()} className="text-sm text-teal-800 underline">
              一覧で確認する
            </Link>
          }
        >
          <StatusCounts counts={counts} hrefFor={(status) => listHref(status)} />
          <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
            <span className="text-gray-700">未提出一覧（未着手・下書き・差戻し）:</span>
            <a href={`${api}/not-submitted?format=csv`} className="text-teal-800 underline" download>
              CSV（Excel 用 UTF-8）
            </a>
            <a href={`${api}/not-submitted?format=csv-sjis`} className="text-teal-800 underline" download>
              CSV（Shift_JIS）
            </a>
            <a href={`${api}/not-submitted?format=xlsx`} className="text-teal-800 underline" download>
              Excel
            </a>
          </div>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
            <span className="text-gray-700">回答一覧（全項目・機能の有無）:</span>
            <a
              href={`${api}/export?format=xlsx`}
              className="text-teal-800 underline"
              download
              data-testid="submissions-export-xlsx"
            >
              Excel
            </a>
            <a href={`${api}/export?format=csv`} className="text-teal-800 underline" download>
              CSV（UTF-8）
            </a>
            <a href={`${api}/export?format=csv-sjis`} className="text-teal-800 underline" download>
              CSV（Shift_JIS）
            </a>
          </div>
        </Panel>

        <Panel
          title="案内・督促メール"
          actions={
            <Link href={`/prefecture/cycles/${cycle.id}/mail`} className="text-sm text-teal-800 underline">
              メールの画面へ
            </Link>
          }
        >
          <p className="text-sm text-gray-700">
            受付開始の案内、未提出の回答者への督促（期限前の自動送信の予定を含む）、送信履歴と再送。メールサーバーがない場合は宛先一覧と郵送用の文書を作成します。
          </p>
        </Panel>

        <Panel title={`確認の目印（${reviewFlagTopics(reviewFlagKindsFor(isClinic))}）`}>
          <ReviewFlagSummary
            cycleId={cycle.id}
            isClinic={isClinic}
            summary={flagSummary}
            hrefFor={(flag) => withParams("/prefecture/submissions", { cycle: cycle.id, flag, sort: "flags" })}
          />
        </Panel>

        <Panel title={isClinic ? "圏域・市区町村別の進み具合" : "圏域別の進み具合"}>
          {progress.schemes.length > 1 && (
            <form method="get" className="mb-4 flex items-end gap-2">
              <SelectFilter
                name="scheme"
                label="圏域の区分"
                value={progress.schemeId ?? undefined}
                allLabel="既定の区分"
                options={progress.schemes.map((s) => ({ value: s.id, label: s.name }))}
              />
              <Button type="submit" variant="secondary">
                表示
              </Button>
            </form>
          )}
          <div className="space-y-6">
            <ProgressTable caption="圏域別" nameHeader="圏域" rows={progress.byZone} />
            {isClinic && <ProgressTable caption="市区町村別" nameHeader="市区町村" rows={progress.byMunicipality} />}
          </div>
        </Panel>

        <Panel title="期限後の入力許可">
          <p className="mb-3 text-sm text-gray-600">
            提出期限を過ぎても、特定の回答者だけ入力・提出（変更報告を含む）できるようにします。回答者の画面に許可された期限が表示されます。
          </p>
          <ReopenForm cycleId={cycle.id} hubs={hubs} defaultUntil={todayJst()} />
          {reopened.length > 0 && (
            <ul className="mt-4 space-y-1 text-sm">
              {reopened.map((r) => (
                <li key={r.id}>
                  <Link href={`/prefecture/submissions/${r.id}`} className="text-teal-800 underline">
                    {r.name}
                  </Link>
                  {r.code ? `（${r.code}）` : ""}: {formatDeadline(r.reopenedUntil!)} まで・{respondentStatusLabel(r)}
                </li>
              ))}
            </ul>
          )}
        </Panel>

        {isClinic && (
          <Panel title="NDBプレプリント値・紙で届いた報告の取込">
            <div className="grid gap-6 lg:grid-cols-2">
              <div className="space-y-2">
                <FileImportForm
                  kind="NDB"
                  cycleId={cycle.id}
                  label="NDBプレプリント値のファイル"
                  hint="列: 医療機関コード・項目キー・値。"
                />
                <a href="/api/v1/prefecture/templates/NDB" className="text-xs text-teal-800 underline" download>
                  様式（CSV）
                </a>
              </div>
              <div className="space-y-2">
                <FileImportForm
                  kind="PAPER"
                  cycleId={cycle.id}
                  label="紙で届いた報告のファイル"
                  hint="1医療機関1行。Web と同じ検証を行います。"
                />
                <a
                  href={`/api/v1/prefecture/templates/PAPER?cycleId=${cycle.id}`}
                  className="text-xs text-teal-800 underline"
                  download
                >
                  様式（CSV・全項目の列）
                </a>
              </div>
            </div>
            <div className="mt-4">
              <h3 className="mb-2 text-sm font-semibold text-gray-800">最近の取込</h3>
              <RecentImports jobs={jobs} />
            </div>
          </Panel>
        )}
      </div>
    </>
  );
}
