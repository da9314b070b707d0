import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { getReviewSubmission } from "@/lib/data/review-submission";
import { listAuditHistory } from "@/lib/data/audit-log";
import { auditEntries } from "@/lib/summaries/audit-history";
import { AuditEntryList } from "@/components/audit/audit-entry-list";
import { isAppError } from "@/lib/errors";
import { cycleTitle, nextRevisionKind, respondentStatusLabel, revisionLabel } from "@/lib/domain/labels";
import { formatDateTime, formatDeadline } from "@/lib/domain/wareki";
import { todayJst } from "@/lib/domain/jst-dates";
import { cycleWritability } from "@/lib/domain/cycle-window";
import { isMailConfigured } from "@/lib/services/mailer";
import { CHANNEL_LABELS } from "@/lib/prefecture/exports";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { Notice } from "@/components/ui/notice";
import { StatusPanel } from "@/components/questionnaire/status-panel";
import { AnswersTable } from "@/components/questionnaire/answers-table";
import { SoftWarningSummary } from "@/components/prefecture/soft-warning-summary";
import { RevisionDiffTable } from "@/components/questionnaire/revision-diff-table";
import { ReviewActions } from "@/components/prefecture/review-actions";
import { ReopenForm } from "@/components/prefecture/reopen-form";
import { ScoreChangeTable } from "@/components/questionnaire/score-change-table";
import { compareScores } from "@/lib/questionnaire/score";
import { withParams } from "@/lib/search-params";
import { getSubmissionFlags } from "@/lib/data/review-flags";
import { ReviewFlagsPanel, outlierMarks } from "@/components/prefecture/review-flags-panel";
import { REVIEW_FLAG_KINDS, WARNING_FLAG_KINDS, reviewFlagTopics } from "@/lib/prefecture/review-flags";

/** The report view's two panels of flags: the warnings' own (with the explanations), and the rest. */
const WARNINGS_TITLE = "確認事項（提出時の注意・説明）";
const OTHER_FLAG_KINDS = REVIEW_FLAG_KINDS.filter((kind) => !WARNING_FLAG_KINDS.includes(kind));

export const metadata: Metadata = { title: "報告の確認" };

export default async function ReviewPage({ params }: Readonly<{ params: Promise<{ submissionId: string }> }>) {
  const viewer = await requireRole("prefecture");
  const { submissionId } = await params;
  const review = await getReviewSubmission(viewer, submissionId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { submission, cycle, respondent, definition, derived, answers, revisions, lastYear, softWarnings } = review;
  const [history, flags] = await Promise.all([
    listAuditHistory(viewer, { entityType: "submission", entityId: submission.id, take: 50 }),
    getSubmissionFlags(viewer, submission.id),
  ]);
  const events = auditEntries(history.rows);
  const title = cycleTitle(cycle);
  const latest = revisions.at(-1);

  return (
    <>
      <PageHeader
        title={respondent.name}
        eyebrow={
          <Link href={withParams("/prefecture/submissions", { cycle: cycle.id })} className="text-teal-800 underline">
            {title}の一覧へ戻る
          </Link>
        }
        description={[respondent.code && `医療機関コード ${respondent.code}`, respondent.kindLabel, respondent.place]
          .filter(Boolean)
          .join("・")}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Panel title="確認（体制の有無の確認）">
            <FactList
              items={[
                { label: "状況", value: <span data-testid="review-status">{respondentStatusLabel(submission)}</span> },
                {
                  label: "最終提出",
                  value: latest
                    ? `${formatDateTime(latest.submittedAt)}（${CHANNEL_LABELS[latest.channel] ?? latest.channel}）`
                    : "未提出",
                },
                { label: "調査票", value: submission.versionLabel },
                {
                  label: "確認",
                  value: submission.reviewedAt
                    ? `${formatDateTime(submission.reviewedAt)}${submission.reviewedBy ? `（${submission.reviewedBy.email}）` : ""}`
                    : "—",
                },
                {
                  label: "回答者へのコメント",
                  value: submission.reviewComment ? (
                    <span className="whitespace-pre-line">{submission.reviewComment}</span>
                  ) : (
                    "—"
                  ),
                },
                {
                  label: "連絡先",
                  value: [respondent.phone, respondent.contactEmail].filter(Boolean).join("・") || "—",
                },
                ...(submission.reopenedUntil && submission.reopenedUntil > new Date()
                  ? [{ label: "期限後の入力許可", value: `${formatDeadline(submission.reopenedUntil)} まで` }]
                  : []),
              ]}
            />
            {submission.isAmending && (
              <Notice tone="warning" className="mt-4">
                回答者が{nextRevisionKind(submission) === "AMENDMENT" ? "変更報告" : "修正（再提出）"}
                を作成中です。確認の対象は提出済みの第{submission.revision}版です。
              </Notice>
            )}
            <div className="mt-4">
              {review.isDraftOnly ? (
                <Notice>まだ提出されていません（下書き）。提出されると確認できます。</Notice>
              ) : (
                <ReviewActions
                  submissionId={submission.id}
                  revision={submission.revision}
                  canConfirm={submission.status === "SUBMITTED"}
                  canReturn={submission.status === "SUBMITTED" || submission.status === "CONFIRMED"}
                />
              )}
            </div>
          </Panel>

          {!review.isDraftOnly && (
            <Panel title={WARNINGS_TITLE}>
              <SoftWarningSummary
                definition={definition}
                stored={softWarnings}
                acks={{
                  submissionId: submission.id,
                  revision: submission.revision,
                  acknowledgements: flags.acknowledgements,
                }}
              />
            </Panel>
          )}

          {!review.isDraftOnly && (
            <Panel title={`確認の目印（${reviewFlagTopics(OTHER_FLAG_KINDS)}）`}>
              <p className="mb-3 text-sm text-gray-700" data-testid="warning-flags-pointer">
                {reviewFlagTopics(WARNING_FLAG_KINDS)}の目印は「{WARNINGS_TITLE}」にあります。
              </p>
              <ReviewFlagsPanel
                submissionId={submission.id}
                definition={definition}
                answers={answers}
                flags={flags}
                kindLabel={respondent.kindLabel}
                canAsk={submission.status === "SUBMITTED" || submission.status === "CONFIRMED"}
                respondentCanCorrect={cycleWritability(cycle, submission.reopenedUntil, new Date()).writable}
                mailConfigured={isMailConfigured()}
              />
            </Panel>
          )}

          <Panel
            title={
              lastYear ? `前年度（${lastYear.cycleTitle}・第${lastYear.revision}版）からの変更` : "前年度からの変更"
            }
          >
            {lastYear ? (
              <RevisionDiffTable changes={lastYear.changes} beforeLabel="前年度" afterLabel="今年度" />
            ) : (
              <p className="text-sm text-gray-600">
                {review.previousCycleTitle
                  ? `${review.previousCycleTitle}の提出済みの報告はありません。`
                  : "前年度の報告サイクルはありません。"}
              </p>
            )}
          </Panel>

          {derived?.scores && lastYear?.scores && (
            <Panel title="自己評価の前年度との比較">
              <ScoreChangeTable
                comparison={compareScores(derived.scores, lastYear.scores)}
                previousLabel={lastYear.cycleTitle}
              />
            </Panel>
          )}

          <Panel title={review.isDraftOnly ? "回答内容（下書き）" : `回答内容（第${submission.revision}版）`}>
            <AnswersTable
              definition={definition}
              answers={answers}
              fiscalYear={cycle.fiscalYear}
              warnings={softWarnings?.warnings}
              marks={outlierMarks(flags, respondent.kindLabel)}
            />
          </Panel>
        </div>

        <div className="space-y-6">
          {derived && (
            <StatusPanel
              definition={definition}
              derived={derived}
              scores={derived.scores}
              title="判定された機能（提出時）"
            />
          )}
          <Panel title="提出履歴">
            {revisions.length === 0 ? (
              <p className="text-sm text-gray-600">提出はまだありません。</p>
            ) : (
              <ol className="space-y-3 text-sm">
                {[...revisions].reverse().map((r) => (
                  <li key={r.revision}>
                    <p className="font-medium">
                      {revisionLabel(r.revision, r.kind)} {formatDateTime(r.submittedAt)}（
                      {CHANNEL_LABELS[r.channel] ?? r.channel}
                      {r.submittedBy ? `・${r.submittedBy.email}` : ""}）
                    </p>
                    {r.changes && (
                      <details>
                        <summary className="cursor-pointer text-teal-800 underline">
                          前の版からの変更 {r.changes.length}項目
                        </summary>
                        <div className="mt-2">
                          <RevisionDiffTable
                            changes={r.changes}
                            beforeLabel={`第${r.revision - 1}版`}
                            afterLabel={`第${r.revision}版`}
                          />
                        </div>
                      </details>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Panel>
          <Panel title="期限後の入力許可">
            <ReopenForm cycleId={cycle.id} respondentId={respondent.id} defaultUntil={todayJst()} />
          </Panel>
          <Panel title="記録">
            {events.length === 0 ? (
              <p className="text-sm text-gray-600">記録はまだありません。</p>
            ) : (
              <AuditEntryList entries={events} compact />
            )}
            <p className="mt-2 text-xs">
              <Link
                href={withParams("/prefecture/audit", { entity: "submission", entityId: submission.id })}
                className="text-teal-800 underline"
              >
                この報告の記録をすべて見る・出力する
              </Link>
            </p>
          </Panel>
        </div>
      </div>
    </>
  );
}
