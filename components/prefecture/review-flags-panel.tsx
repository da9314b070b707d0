import type { ReactNode } from "react";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { allItems } from "@/lib/questionnaire/definition";
import { isEmptyAnswer } from "@/lib/questionnaire/answers";
import { formatDateTime } from "@/lib/domain/wareki";
import { QUERY_STATUS_LABELS } from "@/lib/prefecture/review-flags";
import { outlierDirectionText, outlierPeerText } from "@/lib/summaries/texts";
import type { getSubmissionFlags } from "@/lib/data/review-flags";
import { CloseQueryButton, ItemQueryForm } from "./item-query-form";
import {
  ACK_LABEL,
  acknowledgementText,
  earlierAcknowledgement,
  earlierAcknowledgementText,
  findAcknowledgement,
} from "@/lib/prefecture/review-flag-acks";
import { FlagAckControl } from "./flag-ack-control";

type TFlags = Awaited<ReturnType<typeof getSubmissionFlags>>;

const labelsOf = (definition: TQuestionnaireDefinition) =>
  new Map(allItems(definition).map((item) => [item.key, item.label]));

/**
 * The mark under a flagged answer in the report view: the direction and the peers' distribution,
 * and 確認済み（問題なし） once the officer accepted it.
 */
export function outlierMarks(flags: TFlags, kindLabel: string): Record<string, ReactNode> {
  const marks: Record<string, ReactNode> = {};
  for (const flag of flags.outliers) {
    marks[flag.itemKey] = (
      <span
        className={`mt-1 block rounded px-2 py-1 text-xs ring-1 ${flag.acknowledged ? "bg-gray-50 text-gray-800 ring-gray-300" : "bg-amber-50 text-amber-900 ring-amber-300"}`}
        data-testid={`outlier-mark-${flag.itemKey}`}
      >
        <strong>外れ値（{outlierDirectionText(flag.direction)}）</strong> {outlierPeerText(flag, kindLabel)}
        {flag.revision !== flags.revision && `（第${flag.revision}版で検出・再計算待ち）`}
        {flag.acknowledged && `・${ACK_LABEL}`}
      </span>
    );
  }
  return marks;
}

/** An outlier's 確認済み（問題なし） control (none while the flag awaits the new revision's run). */
function OutlierAck({
  submissionId,
  flags,
  flag,
  label,
}: Readonly<{ submissionId: string; flags: TFlags; flag: TFlags["outliers"][number]; label: string }>) {
  if (flag.revision !== flags.revision)
    return (
      <span className="block text-xs text-gray-700">
        第{flag.revision}版で検出・第{flags.revision}版の再計算待ち（再計算の後で確認済みにできます）
      </span>
    );
  const ack = findAcknowledgement(flags.acknowledgements, "outlier", flag.itemKey, flag.revision);
  const earlier = ack ? null : earlierAcknowledgement(flags.acknowledgements, "outlier", flag.itemKey, flag.revision);
  return (
    <>
      {earlier && <span className="block text-xs text-amber-900">{earlierAcknowledgementText(earlier)}</span>}
      <FlagAckControl
        submissionId={submissionId}
        kind="outlier"
        itemKey={flag.itemKey}
        itemLabel={label}
        revision={flag.revision}
        acknowledged={ack ? acknowledgementText(ack) : null}
      />
    </>
  );
}

/** 確認の目印: the report's outliers and its 照会, with the form to ask a new one. */
export function ReviewFlagsPanel({
  submissionId,
  definition,
  answers,
  flags,
  kindLabel,
  canAsk,
  respondentCanCorrect = true,
  mailConfigured = false,
}: Readonly<{
  submissionId: string;
  definition: TQuestionnaireDefinition;
  answers: TAnswers;
  flags: TFlags;
  kindLabel: string;
  canAsk: boolean;
  /** Whether the respondent's input window is open (else only a reopening lets it correct). */
  respondentCanCorrect?: boolean;
  /** Whether asking also mails the respondent (a mail server is configured). */
  mailConfigured?: boolean;
}>) {
  const labels = labelsOf(definition);
  const label = (key: string) => labels.get(key) ?? key;
  const answered = allItems(definition).filter((item) => item.type !== "group" && !isEmptyAnswer(answers[item.key]));
  return (
    <div className="space-y-5" data-testid="review-flags">
      <section>
        <h3 className="mb-2 font-semibold text-gray-900">外れ値（同じ種別の医療機関との比較）</h3>
        {flags.outliers.length === 0 ? (
          <p className="text-sm text-gray-600">外れ値の目印はありません。</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="outlier-list">
            {flags.outliers.map((flag) => (
              <li key={flag.itemKey}>
                <span className="font-medium">{label(flag.itemKey)}</span>：{flag.value.toLocaleString("ja-JP")}（
                {outlierDirectionText(flag.direction)}）
                <span className="block text-xs text-gray-700">{outlierPeerText(flag, kindLabel)}</span>
                <OutlierAck submissionId={submissionId} flags={flags} flag={flag} label={label(flag.itemKey)} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-1 text-xs text-gray-600">
          外れ値は都道府県の確認用の目印です。回答者には表示されません。中央値と中央絶対偏差（MAD）による頑健な判定です。
          値を確かめて問題がなければ「{ACK_LABEL}
          」にすると、この版ではその項目を目印として数えません（一覧の絞り込み・並び順・一括確認）。報告が修正されると、新しい版で改めて判定されます。
        </p>
      </section>
      <section>
        <h3 className="mb-2 font-semibold text-gray-900">照会</h3>
        {flags.queries.length === 0 ? (
          <p className="text-sm text-gray-600">照会はありません。</p>
        ) : (
          <ol className="space-y-3 text-sm" data-testid="query-list">
            {flags.queries.map((q) => (
              <li key={q.id} className="rounded border border-gray-200 p-3" data-testid="query-item">
                <p className="font-medium">
                  <span data-testid="query-status">{QUERY_STATUS_LABELS[q.status]}</span>：
                  {q.itemKeys.map(label).join("、")}
                </p>
                <p className="whitespace-pre-line text-gray-800">{q.message}</p>
                <p className="text-xs text-gray-600">
                  {formatDateTime(q.askedAt)} 照会（第{q.askedRevision}版）
                </p>
                {q.answer && (
                  <div className="mt-2 border-l-4 border-teal-600 pl-2">
                    <p className="whitespace-pre-line" data-testid="query-answer">
                      {q.answer}
                    </p>
                    <p className="text-xs text-gray-600">
                      {q.answeredAt && formatDateTime(q.answeredAt)} 回答
                      {q.answeredRevision !== null && q.answeredRevision !== q.askedRevision
                        ? `（第${q.answeredRevision}版に修正済み）`
                        : ""}
                    </p>
                  </div>
                )}
                {q.status === "CLOSED" ? (
                  <p className="mt-1 text-xs text-gray-600">
                    {q.closedAt && formatDateTime(q.closedAt)} 完了{q.closeNote ? `：${q.closeNote}` : ""}
                  </p>
                ) : (
                  <CloseQueryButton queryId={q.id} answered={q.status === "ANSWERED"} />
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      {canAsk && (
        <section>
          <h3 className="mb-2 font-semibold text-gray-900">項目について照会する</h3>
          <ItemQueryForm
            submissionId={submissionId}
            flagged={flags.outliers.map((f) => ({ key: f.itemKey, label: label(f.itemKey) }))}
            items={answered.map((item) => ({ key: item.key, label: item.label }))}
            respondentCanCorrect={respondentCanCorrect}
            mailConfigured={mailConfigured}
          />
        </section>
      )}
    </div>
  );
}
