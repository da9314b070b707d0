// What is stored with each submitted revision (Submission.derived, SubmissionRevision.derived):
// the derived function status computed at submission time, so reviewers, dashboards and PDFs
// read one agreed result instead of re-deriving it differently.
import type { TQuestionnaireDefinition } from "./definition";
import type { TAnswers } from "./answers";
import { deriveStatus, type TDerivedStatus } from "./derive";

export type TStoredDerived = TDerivedStatus;

export function computeStoredDerived(def: TQuestionnaireDefinition, answers: TAnswers): TStoredDerived {
  return deriveStatus(def, answers);
}
