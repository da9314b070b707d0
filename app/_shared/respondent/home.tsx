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

const DAY = 86_400_000;

/** The respondent's home: the open cycle first (deadline in 和暦 and 西暦, status, next step), then past years. */
export async function RespondentHome({ role }: Readonly<{ role: "institution" | "hub" }>) {
  const viewer = await requireRole(role);
  const [identity, cycles] = await Promise.all([getRespondentIdentity(viewer), listRespondentCycles(viewer)]);
  const base = ROLE_HOME[role];
  const now = Date.now();
  const [current, ...past] = cycles;

  return (
    <>
      <PageHeader
        title={identity.name}
        eyebrow={role === "institution" ? "医療機関ホーム" : "在宅医療連携拠点ホーム"}
        description={[identity.code && `医療機関コード ${identity.code}`, identity.place].filter(Boolean).join("・")}
      />
      {!current && (
        <EmptyState title="受付中の報告はありません">都道府県が報告を依頼すると、ここに表示されます。</EmptyState>
      )}
      {current && (
        <Panel title={cycleTitle(current.cycle)} className="mb-6">
          <div className="grid gap-4 md:grid-cols-[1fr_auto]">
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-gray-500">状況</dt>
              <dd className="font-semibold" data-testid="current-status">
                {respondentStatusLabel(current.submission)}
              </dd>
              <dt className="text-gray-500">提出期限</dt>
              <dd>
                {formatDeadline(current.cycle.closesAt)}
                {current.writability.writable && current.writability.reason === "open" && (
                  <span className="ml-2 text-gray-600">
                    あと{Math.max(0, Math.ceil((current.cycle.closesAt.getTime() - now) / DAY))}日
                  </span>
                )}
              </dd>
              {current.submission?.submittedAt && (
                <>
                  <dt className="text-gray-500">最終提出</dt>
                  <dd>{formatDateTime(current.submission.submittedAt)}</dd>
                </>
              )}
              {current.submission && !current.submission.submittedAt && (
                <>
                  <dt className="text-gray-500">最終保存</dt>
                  <dd>{formatDateTime(current.submission.updatedAt)}</dd>
                </>
              )}
            </dl>
            <div className="flex flex-col items-start gap-2 md:items-end">
              <ButtonLink href={`${base}/cycles/${current.cycle.id}`} size="lg">
                {!current.writability.writable ||
                (current.submission &&
                  current.submission.revision > 0 &&
                  current.submission.status !== "RETURNED" &&
                  !current.submission.isAmending)
                  ? "報告内容を見る"
                  : current.submission
                    ? "続きを入力する"
                    : "報告を始める"}
              </ButtonLink>
              {current.submission && current.submission.revision > 0 && (
                <Link href={`${base}/cycles/${current.cycle.id}/receipt`} className="text-sm text-teal-800 underline">
                  受付票（第{current.submission.revision}版）
                </Link>
              )}
            </div>
          </div>
          {current.submission?.status === "RETURNED" && current.submission.reviewComment && (
            <Notice tone="warning" title="都道府県から差戻しがありました" className="mt-4">
              {current.submission.reviewComment}
            </Notice>
          )}
          {current.submission?.status === "CONFIRMED" && current.submission.reviewComment && (
            <Notice tone="success" title="都道府県からのコメント" className="mt-4">
              {current.submission.reviewComment}
            </Notice>
          )}
          {!current.writability.writable && (
            <Notice className="mt-4">{WRITABILITY_MESSAGES[current.writability.reason]}</Notice>
          )}
          {current.writability.writable && current.writability.reason === "reopened" && (
            <Notice tone="warning" className="mt-4">
              都道府県により、{formatDeadline(current.writability.until)}まで修正・提出ができるよう再開されています。
            </Notice>
          )}
        </Panel>
      )}
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
