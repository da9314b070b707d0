// Answer values as stored (Submission.answers) and as the form holds them once parsed.

export type TPartner = { code?: string; name: string };
export type TScalarAnswer = string | number | boolean;
export type TGroupRow = Record<string, TScalarAnswer | null | undefined>;
export type TAnswerValue = TScalarAnswer | string[] | TPartner[] | TGroupRow[] | null | undefined;
export type TAnswers = Record<string, TAnswerValue>;

/** Unanswered: missing, null, blank text, or an empty list. Zero and false are answers. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Drops unanswered keys so stored answers only hold what the respondent actually gave. */
export function compactAnswers(answers: TAnswers): TAnswers {
  const out: TAnswers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (!isEmptyAnswer(value)) out[key] = value;
  }
  return out;
}
