import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { ROLE_HOME } from "@/lib/auth/roles";
import {
  findOwnSubmission,
  findPreviousSubmission,
  findRespondentCycle,
  getNdbValues,
  getRespondentIdentity,
  initialAnswers,
  writabilityOf,
} from "@/lib/data/respondent";
import { getRespondentDefinition } from "@/lib/data/questionnaires";
import { WRITABILITY_MESSAGES, isLockedBySubmission, queryCorrection } from "@/lib/domain/cycle-window";
import { cycleTitle, nextRevisionKind, respondentStatusLabel, REVISION_KIND_LABELS } from "@/lib/domain/labels";
import { fiscalYearLabel, formatDeadline } from "@/lib/domain/wareki";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { ButtonLink } from "@/components/ui/button";
import { QuestionnaireForm } from "@/components/questionnaire/questionnaire-form";
import { AmendmentActions } from "./amendment-actions";
import { orNotFound } from "@/app/_shared/not-found";
import { getSoftRuleInputs } from "@/lib/data/soft-rules";
import { parseWarningExplanations } from "@/lib/data/json-columns";
import { respondentRuleSet } from "@/lib/questionnaire/soft-rules";
import { listOwnQueries } from "@/lib/data/review-flags";
import { allItems } from "@/lib/questionnaire/definition";
import { QueryPanel, queryNotesByItem } from "./item-queries";

/**
 * The questionnaire page of a respondent (institution or hub): editable while the window is open
 * and the report is a draft, returned, or being amended; read-only otherwise, with the way
 * forward (変更報告, receipt) offered.
 */
export async function RespondentFormPage({
  role,
  cycleId,
}: Readonly<{ role: "institution" | "hub"; cycleId: string }>) {
  const viewer = await requireRole(role);
  const cycle = await orNotFound(findRespondentCycle(viewer, cycleId));
  const [submission, identity, ndb, previous, queries] = await Promise.all([
    findOwnSubmission(viewer, cycleId),
    getRespondentIdentity(viewer),
    getNdbValues(viewer, cycleId),
    findPreviousSubmission(viewer, cycle),
    listOwnQueries(viewer, cycleId),
  ]);
  const definition = await getRespondentDefinition(
    submission?.questionnaireVersionId ?? cycle.questionnaireVersionId,
    cycle.fiscalYear,
  );
  const soft = await getSoftRuleInputs(viewer, cycle, definition);
  const writability = writabilityOf(cycle, submission);
  // The same two rules the write services apply (lib/domain/cycle-window.ts).
  const locked = submission !== null && isLockedBySubmission(submission);
  const editable = writability.writable && !locked;
  const nextKind = nextRevisionKind(submission);
  const base = `${ROLE_HOME[role]}/cycles/${cycleId}`;
  const apiBase = `/api/v1/respondent/cycles/${cycleId}`;
  const itemLabels = new Map(allItems(definition).map((item) => [item.key, item.label]));

  return (
    <>
      <PageHeader
        eyebrow={`${identity.name}${identity.code ? `（${identity.code}）` : ""}`}
        title={cycleTitle(cycle)}
        description={
          <span>
            提出期限: {formatDeadline(cycle.closesAt)}　状況:{" "}
            <strong data-testid="form-status">{respondentStatusLabel(submission)}</strong>
          </span>
        }
        actions={
          <>
            {submission && submission.revision > 0 && (
              <ButtonLink href={`${base}/receipt`} variant="secondary">
                受付票
              </ButtonLink>
            )}
            {submission && submission.revision > 1 && (
              <ButtonLink href={`${base}/history`} variant="secondary">
                変更履歴
              </ButtonLink>
            )}
          </>
        }
      />
      <div className="mb-5 space-y-3">
        <QueryPanel
          queries={queries}
          labelOf={(key) => itemLabels.get(key) ?? key}
          correction={queryCorrection(writability.writable, submission)}
        />
        {definition.respondentNotice && (
          <details className="rounded-md border border-gray-200 bg-white px-4 py-2 text-sm text-gray-700">
            <summary className="cursor-pointer font-medium">この調査票について（{definition.versionLabel}）</summary>
            <p className="mt-2">{definition.respondentNotice}</p>
          </details>
        )}
        {!writability.writable && <Notice tone="warning">{WRITABILITY_MESSAGES[writability.reason]}</Notice>}
        {writability.writable && writability.reason === "reopened" && (
          <Notice tone="warning">都道府県により {formatDeadline(writability.until)} まで再開されています。</Notice>
        )}
        {submission?.status === "RETURNED" && (
          <Notice tone="warning" title="都道府県から差戻しがありました。内容を修正して再提出してください。">
            {submission.reviewComment}
          </Notice>
        )}
        {submission && locked && writability.writable && (
          <Notice
            tone="success"
            title={`第${submission.revision}版を提出済みです${submission.status === "CONFIRMED" ? "（都道府県が確認済み）" : ""}。`}
          >
            <p className="mb-3">
              {nextKind === "AMENDMENT"
                ? "内容に変更が生じた場合は、変更報告を提出してください。提出済みの内容は、変更報告を提出するまで有効です。"
                : "都道府県の確認前でも、内容を修正して再提出できます。提出済みの内容は、再提出するまで有効です。"}
            </p>
            <AmendmentActions apiBase={apiBase} amending={false} kind={nextKind} />
          </Notice>
        )}
        {submission?.isAmending && writability.writable && (
          <Notice
            tone="info"
            title={`${nextKind === "AMENDMENT" ? "変更報告" : "修正"}を作成中です。提出すると第${submission.revision + 1}版（${REVISION_KIND_LABELS[nextKind]}）になります。`}
          >
            <p className="mb-3">提出するまでは、第{submission.revision}版の内容が有効です。</p>
            <AmendmentActions apiBase={apiBase} amending kind={nextKind} />
          </Notice>
        )}
      </div>
      <QuestionnaireForm
        definition={definition}
        apiBase={apiBase}
        receiptHref={`${base}/receipt`}
        initialAnswers={initialAnswers(viewer, submission, ndb)}
        draftVersion={submission?.draftVersion ?? 0}
        savedAt={submission ? submission.updatedAt.toISOString() : null}
        ndbValues={ndb}
        editable={editable}
        nextRevision={(submission?.revision ?? 0) + 1}
        nextKind={nextRevisionKind(submission)}
        copyPrevious={editable && previous ? { fiscalYearLabel: fiscalYearLabel(previous.cycle.fiscalYear) } : null}
        softRules={{
          ruleSet: respondentRuleSet(soft.ruleSet),
          context: soft.context,
          explanations: parseWarningExplanations(submission?.warningExplanations),
        }}
        itemNotes={queryNotesByItem(queries)}
      />
      <p className="no-print mt-6 text-sm">
        <Link href={ROLE_HOME[role]} className="text-teal-800 underline">
          ホームへ戻る
        </Link>
      </p>
    </>
  );
}
