import type { ReactNode } from "react";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { evaluateAnswers } from "@/lib/questionnaire/derive";
import { allItems } from "@/lib/questionnaire/definition";
import { formatAnswer, itemHeading, STAR_LEGEND } from "@/lib/questionnaire/format";
import { GroupAnswerTable } from "./group-answer-table";
import { SOFT_RULE_IMPORTANCE_LABELS, type TStoredSoftWarning } from "@/lib/questionnaire/soft-rules";

/** The soft-rule warnings a submitted revision carried, under the item they were shown next to. */
function StoredWarnings({ warnings }: Readonly<{ warnings: TStoredSoftWarning[] }>) {
  return (
    <ul className="mt-1 space-y-1">
      {warnings.map((w) => (
        <li
          key={w.ruleId}
          className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950"
          data-testid={`stored-warning-${w.ruleId}`}
        >
          <span className="font-semibold">［{SOFT_RULE_IMPORTANCE_LABELS[w.importance]}］</span>
          {w.message}
          <span className="mt-0.5 block font-medium">
            説明: {w.explanation ?? (w.explanationRequired ? "（未記入）" : "（記入なし）")}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Every visible item with its answer, by section (receipts, reviews), with the warnings it carried. */
export function AnswersTable({
  definition,
  answers,
  fiscalYear,
  warnings = [],
  marks,
}: Readonly<{
  definition: TQuestionnaireDefinition;
  answers: TAnswers;
  fiscalYear?: number;
  warnings?: TStoredSoftWarning[];
  /** Shown under an item's answer (the officer's review flags, issue 16). */
  marks?: Readonly<Record<string, ReactNode>>;
}>) {
  const warningsOf = (key: string) => warnings.filter((w) => w.items[0] === key);
  const { visibility } = evaluateAnswers(definition, answers);
  return (
    <div className="space-y-6">
      {allItems(definition).some((item) => item.star) && <p className="text-sm text-gray-700">{STAR_LEGEND}</p>}
      {definition.sections
        .filter((section) => visibility.sections.has(section.key))
        .map((section) => (
          <section key={section.key} className="break-inside-avoid-page">
            <h3 className="mb-2 border-b border-gray-200 pb-1 font-semibold text-gray-900">{section.title}</h3>
            <table className="w-full text-sm">
              <tbody>
                {section.items
                  .filter((item) => visibility.items.has(item.key))
                  .map((item) => ({ item, heading: itemHeading(item, fiscalYear) }))
                  .map(({ item, heading }) =>
                    item.type === "group" ? (
                      // A table of its own: one column per field, under the item's label.
                      <tr key={item.key} className="border-b border-gray-100 align-top">
                        <td colSpan={2} className="py-1.5">
                          <p className="mb-1.5 text-gray-700">{heading.label}</p>
                          <GroupAnswerTable item={item} value={answers[item.key]} />
                        </td>
                      </tr>
                    ) : (
                      <tr key={item.key} className="border-b border-gray-100 align-top">
                        <th scope="row" className="w-1/2 py-1.5 pr-4 text-left font-normal text-gray-700">
                          {heading.label}
                          {heading.period && (
                            <span className="block text-xs text-gray-600" data-testid="period">
                              {heading.period}
                            </span>
                          )}
                        </th>
                        <td className="whitespace-pre-line py-1.5 text-gray-900">
                          {formatAnswer(item, answers[item.key])}
                          {warningsOf(item.key).length > 0 && <StoredWarnings warnings={warningsOf(item.key)} />}
                          {marks?.[item.key]}
                        </td>
                      </tr>
                    ),
                  )}
              </tbody>
            </table>
          </section>
        ))}
    </div>
  );
}
