import Link from "next/link";
import type { TItemQueryView } from "@/lib/data/review-flags";
import { QUERY_STATUS_LABELS } from "@/lib/prefecture/review-flags";
import { formatDateTime } from "@/lib/domain/wareki";
import { queryCorrectionText, type TQueryCorrection } from "@/lib/domain/cycle-window";
import { Notice } from "@/components/ui/notice";
import { fieldId } from "@/components/questionnaire/field-shell";
import { QueryAnswerForm } from "./query-answer-form";

// 照会 from the prefecture as the respondent sees them (issue 16): on the home (a notice with a
// link to the form) and on the form page (each query with its items, linked to the item, and the
// answer form). A correction is made in the form itself (修正・変更報告), then submitted as usual.

const unresolved = (q: TItemQueryView) => q.status !== "CLOSED";

/** Home: the open and answered queries of one cycle, pointing to the form. */
export function QueryHomeNotice({ queries, formHref }: Readonly<{ queries: TItemQueryView[]; formHref: string }>) {
  const open = queries.filter(unresolved);
  if (open.length === 0) return null;
  return (
    <Notice tone="warning" title={`都道府県から照会が${open.length}件あります`} className="mt-4">
      <ul className="list-inside list-disc" data-testid="home-queries">
        {open.map((q) => (
          <li key={q.id} className="whitespace-pre-line">
            {q.message}（{QUERY_STATUS_LABELS[q.status]}）
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href={`${formHref}#queries`} className="text-teal-800 underline">
          入力画面で照会を確認し、回答する
        </Link>
      </p>
    </Notice>
  );
}

/**
 * Form page: every query of the cycle, open ones first, each with its items and the answer form.
 * `correction` is how the form lets the respondent correct the report now (queryCorrection): after
 * the deadline it offers no 修正 at all, so the panel asks for the correction in the answer.
 */
export function QueryPanel({
  queries,
  labelOf,
  correction,
}: Readonly<{ queries: TItemQueryView[]; labelOf: (key: string) => string; correction: TQueryCorrection }>) {
  if (queries.length === 0) return null;
  const ordered = [...queries.filter(unresolved), ...queries.filter((q) => !unresolved(q))];
  return (
    <section
      id="queries"
      aria-labelledby="queries-title"
      className="scroll-mt-24 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="queries-title" className="mb-2 text-base font-semibold">
        都道府県からの照会
      </h2>
      <p className="mb-3" data-testid="query-correction">
        照会に回答してください。{queryCorrectionText(correction)}
      </p>
      <ol className="space-y-3">
        {ordered.map((q) => (
          <li key={q.id} className="rounded border border-amber-200 bg-white p-3" data-testid="respondent-query">
            <p className="font-medium">
              <span data-testid="respondent-query-status">{QUERY_STATUS_LABELS[q.status]}</span>：
              {q.itemKeys.map((key, i) => (
                <span key={key}>
                  {i > 0 && "、"}
                  <a href={`#${fieldId(key)}`} className="text-teal-800 underline">
                    {labelOf(key)}
                  </a>
                </span>
              ))}
            </p>
            <p className="whitespace-pre-line text-gray-900">{q.message}</p>
            <p className="text-xs text-gray-600">{formatDateTime(q.askedAt)}</p>
            {q.answer && <p className="mt-1 whitespace-pre-line text-gray-800">あなたの回答：{q.answer}</p>}
            {q.status === "CLOSED" ? (
              <p className="mt-1 text-xs text-gray-600">
                都道府県が完了しました{q.closeNote ? `：${q.closeNote}` : ""}
              </p>
            ) : (
              <QueryAnswerForm queryId={q.id} previous={q.answer} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The notes shown next to each item in the form: the unresolved queries that name it. */
export function queryNotesByItem(queries: TItemQueryView[]): Record<string, string[]> {
  const notes: Record<string, string[]> = {};
  for (const q of queries.filter(unresolved)) for (const key of q.itemKeys) (notes[key] ??= []).push(q.message);
  return notes;
}
