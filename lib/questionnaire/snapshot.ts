// What is stored with each submitted revision (Submission.derived, SubmissionRevision.derived):
// the derived function status — and for self-assessments the scores — computed at submission
// time, so reviewers, dashboards and PDFs read the one result the respondent saw.
import type { TQuestionnaireDefinition } from "./definition";
import type { TAnswers } from "./answers";
import { deriveStatus, type TDerivedStatus } from "./derive";
import { computeHubScores, scoreGroups, type THubScores } from "./score";

export type TStoredDerived = TDerivedStatus & { scores?: THubScores };

export function computeStoredDerived(def: TQuestionnaireDefinition, answers: TAnswers): TStoredDerived {
  const derived: TStoredDerived = deriveStatus(def, answers);
  if (scoreGroups(def).length > 0) derived.scores = computeHubScores(def, answers);
  return derived;
}
