import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { ROLE_HOME } from "@/lib/auth/roles";
import { findPreviousSubmission, getOwnRevision, getRespondentIdentity } from "@/lib/data/respondent";
import { compareScores } from "@/lib/questionnaire/score";
import { ScoreChangeTable } from "@/components/questionnaire/score-change-table";
import { cycleTitle, revisionLabel, SUBMISSION_STATUS_LABELS } from "@/lib/domain/labels";
import { fiscalYearLabel, formatDateTime, formatWareki } from "@/lib/domain/wareki";
import { receiptNumber } from "@/lib/domain/receipt";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { FactList, Panel } from "@/components/ui/panel";
import { PrintButton } from "@/components/ui/print-button";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { StatusPanel } from "@/components/questionnaire/status-panel";
import { AnswersTable } from "@/components/questionnaire/answers-table";
import { orNotFound } from "@/app/_shared/not-found";

const CHANNEL_LABELS: Record<string, string> = {
  WEB: "Renkei（ウェブ）",
  PAPER: "紙の報告書（都道府県が入力）",
  IMPORT: "一括取込",
};

/** 受付票: proof of what was submitted when, with the derived status — printable. */
export async function RespondentReceiptPage({
  role,
  cycleId,
  revision,
  justSubmitted,
}: Readonly<{ role: "institution" | "hub"; cycleId: string; revision?: number; justSubmitted: boolean }>) {
  const viewer = await requireRole(role);
  const [{ cycle, submission, definition, revision: row }, identity] = await Promise.all([
    // Unknown or foreign cycle, or nothing submitted yet: the area's Japanese 404 page.
    orNotFound(getOwnRevision(viewer, cycleId, revision)),
    getRespondentIdentity(viewer),
  ]);
  const previous = row.derived.scores ? await findPreviousSubmission(viewer, cycle) : null;
  const scoreChange =
    row.derived.scores && previous?.derived.scores ? compareScores(row.derived.scores, previous.derived.scores) : null;
  const number = receiptNumber({ fiscalYear: cycle.fiscalYear, submissionId: submission.id, revision: row.revision });
  const base = `${ROLE_HOME[role]}/cycles/${cycleId}`;
  return (
    <>
      <PageHeader
        eyebrow={cycleTitle(cycle)}
        title="受付票"
        actions={
          <>
            <PrintButton />
            {/* PDFs of this revision, rendered on the server (lib/pdf): plain links, no JavaScript needed. */}
            <a
              href={`/api/v1/pdf/respondent/cycles/${cycleId}/copy?revision=${row.revision}`}
              className={buttonClasses("secondary")}
              data-testid="submission-copy-pdf"
            >
              提出控え (PDF)
            </a>
            {role === "institution" && (
              <a
                href={`/api/v1/pdf/respondent/cycles/${cycleId}/notice?revision=${row.revision}`}
                className={buttonClasses("secondary")}
                data-testid="clinic-notice-pdf"
              >
                院内掲示 (PDF)
              </a>
            )}
            <ButtonLink href={base} variant="secondary">
              報告内容へ
            </ButtonLink>
          </>
        }
      />
      {justSubmitted && (
        <Notice tone="success" title="提出を受け付けました" className="no-print mb-5">
          受付番号 {number}。この画面を印刷するか、受付番号を控えてください。
        </Notice>
      )}
      <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
        <Panel title="受付内容">
          <FactList
            items={[
              { label: "受付番号", value: <span data-testid="receipt-number">{number}</span> },
              { label: "報告", value: `${cycleTitle(cycle)}（${definition.versionLabel}）` },
              {
                label: role === "institution" ? "医療機関" : "拠点",
                value: `${identity.name}${identity.code ? `（${identity.code}）` : ""}`,
              },
              { label: "版", value: revisionLabel(row.revision, row.kind) },
              { label: "提出日時", value: `${formatWareki(row.submittedAt)} ${formatDateTime(row.submittedAt)}` },
              { label: "提出方法", value: CHANNEL_LABELS[row.channel] ?? row.channel },
              {
                label: "現在の状況",
                value:
                  submission.revision === row.revision
                    ? SUBMISSION_STATUS_LABELS[submission.status]
                    : `第${submission.revision}版で更新済み`,
              },
            ]}
          />
        </Panel>
        <StatusPanel
          definition={definition}
          derived={row.derived}
          scores={row.derived.scores}
          title={row.derived.scores ? "自己評価の状況" : "提出内容から判定される機能"}
        />
      </div>
      {scoreChange && previous && (
        <Panel title="前年度との比較" className="mt-5">
          <ScoreChangeTable comparison={scoreChange} previousLabel={fiscalYearLabel(previous.cycle.fiscalYear)} />
        </Panel>
      )}
      <Panel title="提出内容" className="mt-5">
        <AnswersTable definition={definition} answers={row.answers} warnings={row.softWarnings?.warnings} />
      </Panel>
      <p className="no-print mt-6 text-sm">
        <Link href={ROLE_HOME[role]} className="text-teal-800 underline">
          ホームへ戻る
        </Link>
      </p>
    </>
  );
}
