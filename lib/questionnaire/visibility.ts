import type { TItem, TQuestionnaireDefinition, TSection } from "./definition";
import type { TAnswers } from "./answers";
import { evaluateCondition, type TFunctionFlags } from "./conditions";

export type TVisibility = {
  sections: Set<string>;
  items: Set<string>;
};

/** Which sections and items are shown for these answers (a hidden section hides its items). */
export function computeVisibility(
  def: Pick<TQuestionnaireDefinition, "sections">,
  answers: TAnswers,
  functions: TFunctionFlags | undefined,
): TVisibility {
  const sections = new Set<string>();
  const items = new Set<string>();
  for (const section of def.sections) {
    if (!isShown(section, answers, functions)) continue;
    sections.add(section.key);
    for (const item of section.items) {
      if (isShown(item, answers, functions)) items.add(item.key);
    }
  }
  return { sections, items };
}

function isShown(node: TSection | TItem, answers: TAnswers, functions: TFunctionFlags | undefined) {
  return !node.visibleWhen || evaluateCondition(node.visibleWhen, answers, functions);
}

/** Keeps only answers to visible items: what is submitted is what the respondent could see. */
export function stripHiddenAnswers(answers: TAnswers, visibility: TVisibility): TAnswers {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => visibility.items.has(key)));
}
