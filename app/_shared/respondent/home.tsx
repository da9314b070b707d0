import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { ROLE_HOME } from "@/lib/auth/roles";
import { getRespondentIdentity, listRespondentCycles } from "@/lib/data/respondent";
import { WRITABILITY_MESSAGES } from "@/lib/domain/cycle-window";
import { cycleTitle, respondentStatusLabel } from "@/lib/domain/labels";
import { formatDateTime, formatDeadline } from "@/lib/domain/wareki";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Notice, EmptyState } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { listOwnQueries, type TItemQueryView } from "@/lib/data/review-flags";
import { QueryHomeNotice } from "./item-queries";
import { OwnPublicationPreview } from "./publication-preview";

const DAY = 86_400_000;

/** The respondent's home: the open cycle first (deadline in 和暦 and 西暦, status, next step), then past years. */
export async function RespondentHome({ role }: Readonly<{ role: "institution" | "hub" }>) {
  const viewer = await requireRole(role);
  const [identity, cycles, queries] = await Promise.all([
    getRespondentIdentity(viewer),
    listRespondentCycles(viewer),
    listOwnQueries(viewer),
  ]);
  const base = ROLE_HOME[role];
  const now = Date.now();
  // Every open cycle is "current" (a new 年度 can open while last year's is still open or reopened);
  // with none open, the newest one is.
  const open = cycles.filter((c) => c.cycle.status === "OPEN");
  const current = open.length > 0 ? open : cycles.slice(0, 1);
  const past = cycles.filter((c) => !current.includes(c));

  return (
    <>
      <PageHeader
        title={identity.name}
        eyebrow={role === "institution" ? "医療機関ホーム" : "在宅医療連携拠点ホーム"}
        description={[identity.code && `医療機関コード ${identity.code}`, identity.place].filter(Boolean).join("・")}
      />
      {current.length === 0 && (
        <EmptyState title="受付中の報告はありません">都道府県が報告を依頼すると、ここに表示されます。</EmptyState>
      )}
      {current.map((entry) => (
        <div key={entry.cycle.id} data-testid="open-cycle" data-fiscal-year={entry.cycle.fiscalYear}>
          <CurrentCyclePanel
            entry={entry}
            base={base}
            now={now}
            queries={queries.filter((q) => q.cycleId === entry.cycle.id)}
          />
        </div>
      ))}
      {role === "institution" && <OwnPublicationPreview />}
      {past.length > 0 && (
        <Panel title="過去の報告">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-gray-200 text-left text-gray-500">
                <th className="py-2 font-normal">年度</th>
                <th className="py-2 font-normal">状況</th>
                <th className="py-2 font-normal">提出日時</th>
                <th className="py-2 font-normal">
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {past.map(({ cycle, submission }) => (
                <tr key={cycle.id} className="border-b border-gray-100">
                  <td className="py-2">{cycleTitle(cycle)}</td>
                  <td className="py-2">{respondentStatusLabel(submission)}</td>
                  <td className="py-2">{submission?.submittedAt ? formatDateTime(submission.submittedAt) : "—"}</td>
                  <td className="py-2 text-right">
                    {submission && submission.revision > 0 ? (
                      <Link href={`${base}/cycles/${cycle.id}/receipt`} className="text-teal-800 underline">
                        受付票
                      </Link>
                    ) : (
                      <Link href={`${base}/cycles/${cycle.id}`} className="text-teal-800 underline">
                        内容を見る
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
      )}
    </>
  );
}

type TCycleEntry = Awaited<ReturnType<typeof listRespondentCycles>>[number];

/** One open (or the newest) cycle: status, deadline, the next step and any word from the prefecture. */
function CurrentCyclePanel({
  entry,
  base,
  now,
  queries,
}: Readonly<{ entry: TCycleEntry; base: string; now: number; queries: TItemQueryView[] }>) {
  return (
    <Panel title={cycleTitle(entry.cycle)} className="mb-6">
      <div className="grid gap-4 md:grid-cols-[1fr_auto]">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-gray-500">状況</dt>
          <dd className="font-semibold" data-testid="current-status">
            {respondentStatusLabel(entry.submission)}
          </dd>
          <dt className="text-gray-500">提出期限</dt>
          <dd>
            {formatDeadline(entry.cycle.closesAt)}
            {entry.writability.writable && entry.writability.reason === "open" && (
              <span className="ml-2 text-gray-600">
                あと{Math.max(0, Math.ceil((entry.cycle.closesAt.getTime() - now) / DAY))}日
              </span>
            )}
          </dd>
          {entry.submission?.submittedAt && (
            <>
              <dt className="text-gray-500">最終提出</dt>
              <dd>{formatDateTime(entry.submission.submittedAt)}</dd>
            </>
          )}
          {entry.submission && !entry.submission.submittedAt && (
            <>
              <dt className="text-gray-500">最終保存</dt>
              <dd>{formatDateTime(entry.submission.updatedAt)}</dd>
            </>
          )}
        </dl>
        <div className="flex flex-col items-start gap-2 md:items-end">
          <ButtonLink href={`${base}/cycles/${entry.cycle.id}`} size="lg">
            {!entry.writability.writable ||
            (entry.submission &&
              entry.submission.revision > 0 &&
              entry.submission.status !== "RETURNED" &&
              !entry.submission.isAmending)
              ? "報告内容を見る"
              : entry.submission
                ? "続きを入力する"
                : "報告を始める"}
          </ButtonLink>
          {entry.submission && entry.submission.revision > 0 && (
            <Link href={`${base}/cycles/${entry.cycle.id}/receipt`} className="text-sm text-teal-800 underline">
              受付票（第{entry.submission.revision}版）
            </Link>
          )}
        </div>
      </div>
      <QueryHomeNotice queries={queries} formHref={`${base}/cycles/${entry.cycle.id}`} />
      {entry.submission?.status === "RETURNED" && entry.submission.reviewComment && (
        <Notice tone="warning" title="都道府県から差戻しがありました" className="mt-4">
          {entry.submission.reviewComment}
        </Notice>
      )}
      {entry.submission?.status === "CONFIRMED" && entry.submission.reviewComment && (
        <Notice tone="success" title="都道府県からのコメント" className="mt-4">
          {entry.submission.reviewComment}
        </Notice>
      )}
      {!entry.writability.writable && (
        <Notice className="mt-4">{WRITABILITY_MESSAGES[entry.writability.reason]}</Notice>
      )}
      {entry.writability.writable && entry.writability.reason === "reopened" && (
        <Notice tone="warning" className="mt-4">
          都道府県により、{formatDeadline(entry.writability.until)}まで修正・提出ができるよう再開されています。
        </Notice>
      )}
    </Panel>
  );
}
