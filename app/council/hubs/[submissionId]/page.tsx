import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { getReviewSubmission } from "@/lib/data/review-submission";
import { isAppError } from "@/lib/errors";
import { cycleTitle } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/wareki";
import { compareScores } from "@/lib/questionnaire/score";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { StatusPanel } from "@/components/questionnaire/status-panel";
import { ScoreChangeTable } from "@/components/questionnaire/score-change-table";
import { AnswersTable } from "@/components/questionnaire/answers-table";
import { RevisionDiffTable } from "@/components/questionnaire/revision-diff-table";

export const metadata: Metadata = { title: "拠点の自己評価" };

/** A hub's submitted self-assessment as the council reads it: scores, change from last year, answers. */
export default async function CouncilHubReportPage({
  params,
}: Readonly<{ params: Promise<{ submissionId: string }> }>) {
  const viewer = await requireRole("council");
  const review = await getReviewSubmission(viewer, (await params).submissionId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // Councils read hub self-assessments only (institutions' reports are read through the dashboard).
  if (review.respondent.type !== "hub" || review.isDraftOnly) notFound();
  const { submission, cycle, respondent, definition, derived, answers, lastYear, revisions } = review;
  const latest = revisions.at(-1);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/council/hubs" className="text-teal-800 underline">
            拠点の一覧へ戻る
          </Link>
        }
        title={respondent.name}
        description={`${cycleTitle(cycle)}・第${submission.revision}版${latest ? `（${formatDateTime(latest.submittedAt)} 提出）` : ""}・担当する圏域: ${respondent.place}`}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          {derived?.scores && lastYear?.scores && (
            <Panel title="前年度との比較">
              <ScoreChangeTable
                comparison={compareScores(derived.scores, lastYear.scores)}
                previousLabel={lastYear.cycleTitle}
              />
            </Panel>
          )}
          {lastYear && (
            <Panel title={`前年度（${lastYear.cycleTitle}）からの変更`}>
              <RevisionDiffTable changes={lastYear.changes} beforeLabel="前年度" afterLabel="今年度" />
            </Panel>
          )}
          <Panel title="回答内容">
            <AnswersTable definition={definition} answers={answers} />
          </Panel>
        </div>
        <div>
          {derived && (
            <StatusPanel
              definition={definition}
              derived={derived}
              scores={derived.scores}
              title="自己評価の状況（提出時）"
            />
          )}
        </div>
      </div>
    </>
  );
}
