// What changed between two answer sets (two revisions, or this year and last year), item by
// item in definition order, for the amendment history and the prefecture's review.
import type { TQuestionnaireDefinition } from "./definition";
import { jsonEqual } from "@/lib/audit/diff";
import type { TAnswers } from "./answers";
import { formatAnswer } from "./format";

export type TAnswerChange = {
  sectionTitle: string;
  key: string;
  label: string;
  before: string;
  after: string;
};

export function diffAnswers(
  def: Pick<TQuestionnaireDefinition, "sections">,
  before: TAnswers,
  after: TAnswers,
): TAnswerChange[] {
  const changes: TAnswerChange[] = [];
  for (const section of def.sections) {
    for (const item of section.items) {
      const a = before[item.key] ?? null;
      const b = after[item.key] ?? null;
      if (jsonEqual(a, b)) continue;
      changes.push({
        sectionTitle: section.title,
        key: item.key,
        label: item.label,
        before: formatAnswer(item, a),
        after: formatAnswer(item, b),
      });
    }
  }
  return changes;
}
