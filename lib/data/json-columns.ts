import "server-only";
import { z } from "zod";
import { CLINIC_COUNTERS_FORMAT, INSTITUTION_KINDS, RESPONSE_STATUSES, type TClinicCounters } from "@/lib/aggregation";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { PROVISION_MODES } from "@/lib/questionnaire/definition";
import type { TStoredDerived } from "@/lib/questionnaire/snapshot";
import {
  EXPLANATION_MAX_LENGTH,
  SOFT_RULE_IMPORTANCES,
  SOFT_RULE_KINDS,
  type TExplanations,
  type TStoredSoftWarnings,
} from "@/lib/questionnaire/soft-rules";

// The JSON columns, parsed at the read boundary as prisma/schema.prisma promises: answers,
// the derived status stored with a revision, and the dashboard counters. A row that does not have
// the shape the code relies on stops here with an error naming the column and the path, instead
// of turning into a wrong figure three layers later. Readers in lib/data and lib/services use these.

const count = z.number().int().nonnegative();
const counts = z.record(z.string(), count);

const ZScalar = z.union([z.string(), z.number(), z.boolean()]);
const ZAnswerValue = z.union([
  ZScalar,
  z.null(),
  z.array(z.string()),
  z.array(z.object({ code: z.string().optional(), name: z.string() })),
  z.array(z.record(z.string(), z.union([ZScalar, z.null()]))),
]);
const ZAnswers = z.record(z.string(), ZAnswerValue);

const ZFunctionStatus = z.object({
  has: z.boolean(),
  intent: z.boolean(),
  mode: z.enum(PROVISION_MODES).nullable(),
  blockedByRequirement: z.boolean(),
  unmetStarred: z.array(z.string()),
  metItems: z.array(z.string()),
});
const ZShares = { n: count, partial: count };
const ZScoreCounts = z.object({
  required: z.object({ ...ZShares, met: count }),
  desirable: z.object({ ...ZShares, adopted: count }),
});
const ZStoredDerived = z.object({
  functions: z.record(z.string(), ZFunctionStatus),
  scores: z
    .object({ groups: z.array(ZScoreCounts.extend({ key: z.string(), label: z.string() })), total: ZScoreCounts })
    .optional(),
});

const ZFunctionTally = z.object({
  reported: count,
  has: count,
  self: count,
  partner: count,
  both: count,
  unknownMode: count,
  intent: count,
  blocked: count,
  primaryHas: count,
  primarySelf: count,
  primaryPartner: count,
  primaryBoth: count,
  primaryUnknownMode: count,
});
const ZItemStates = { notAsked: count, notApplicable: count, missing: count };
const ZClinicTally = z.object({
  respondents: count,
  n: count,
  functions: z.record(z.string(), ZFunctionTally),
  areas: z.object({
    ...ZItemStates,
    answered: count,
    anyOffered: count,
    noneSelected: count,
    unknownCode: count,
    offered: counts,
    offeredWithPrimary: counts,
  }),
  choices: z.record(
    z.string(),
    z.object({ ...ZItemStates, unknown: count, has: count, intent: count, byCode: counts }),
  ),
  counts: z.record(
    z.string(),
    z.object({ ...ZItemStates, unknown: count, zero: count, positive: count, sum: z.number().nonnegative() }),
  ),
});
const ZClinicCounters = z.object({
  format: z.literal(CLINIC_COUNTERS_FORMAT),
  cells: z.partialRecord(z.enum(INSTITUTION_KINDS), z.partialRecord(z.enum(RESPONSE_STATUSES), ZClinicTally)),
});

const ZStoredSoftWarnings = z.object({
  ruleSetKey: z.string(),
  warnings: z.array(
    z.object({
      ruleId: z.string(),
      kind: z.enum(SOFT_RULE_KINDS),
      importance: z.enum(SOFT_RULE_IMPORTANCES),
      items: z.array(z.string()),
      message: z.string(),
      explanationRequired: z.boolean(),
      explanation: z.string().max(EXPLANATION_MAX_LENGTH).nullable(),
    }),
  ),
});
const ZWarningExplanations = z.record(z.string(), z.string().max(EXPLANATION_MAX_LENGTH));

function parseColumn<T>(schema: z.ZodType, value: unknown, column: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as T;
  // A stored row of the wrong shape is a bug, not the user's input: it is logged and the user
  // sees the generic システムエラー (lib/errors.ts).
  const issue = parsed.error.issues[0];
  throw new Error(
    `JSON column "${column}" has an unexpected shape at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
  );
}

/** Submission.answers / SubmissionRevision.answers. */
export const parseStoredAnswers = (value: unknown): TAnswers => parseColumn(ZAnswers, value, "answers");

/** Submission.derived / SubmissionRevision.derived (null before the first submission). */
export const parseStoredDerived = (value: unknown): TStoredDerived => parseColumn(ZStoredDerived, value, "derived");

/** The derived status, or null before the first submission. */
export const parseOptionalDerived = (value: unknown): TStoredDerived | null =>
  value === null || value === undefined ? null : parseStoredDerived(value);

/** ClinicCounterCell.counters / ClinicCounterTotal.counters (rows of the current format only). */
export const parseClinicCounters = (value: unknown): TClinicCounters => parseColumn(ZClinicCounters, value, "counters");

/**
 * ClinicCounterChange.before / .after: one respondent's contribution, written only by the counted
 * statement from countClinicReport (lib/services/counters.ts). A read adds every pending change of
 * its cycle — hundreds during a rush — and the full schema costs ≈ 280 µs per change against
 * ≈ 20 µs for JSON itself, so only the envelope is checked here; the rows they are folded into
 * are validated in full whenever they are read.
 */
export function parseLoggedCounters(value: unknown): TClinicCounters {
  const counters = value as Partial<TClinicCounters> | null;
  if (counters?.format !== CLINIC_COUNTERS_FORMAT || typeof counters.cells !== "object" || counters.cells === null)
    throw new Error(`JSON column "ClinicCounterChange" has an unexpected shape (format ${String(counters?.format)})`);
  return counters as TClinicCounters;
}

/** SubmissionRevision.softWarnings / Submission.softWarnings (null: no rule set applied). */
export const parseSoftWarnings = (value: unknown): TStoredSoftWarnings | null =>
  value === null || value === undefined ? null : parseColumn(ZStoredSoftWarnings, value, "softWarnings");

/** Submission.warningExplanations: the working copy's explanations (rule id → text). */
export const parseWarningExplanations = (value: unknown): TExplanations =>
  value === null || value === undefined ? {} : parseColumn(ZWarningExplanations, value, "warningExplanations");

// --- publication ---
const ZPublicFunction = z.object({
  has: z.boolean(),
  intent: z.boolean(),
  mode: z.enum(PROVISION_MODES).nullable(),
});
const ZPublicDetail = z.object({
  functions: z.object({
    f1: ZPublicFunction,
    f2i: ZPublicFunction,
    f2ro: ZPublicFunction,
    f2ha: ZPublicFunction,
    f2ni: ZPublicFunction,
  }),
  areaLabels: z.array(z.string()),
  answers: z.array(z.object({ section: z.string(), item: z.string(), label: z.string(), answer: z.string() })),
  counts: z.record(z.string(), z.number()),
});

/** PublishedInstitution.detail (lib/aggregation/public-row.ts TPublicDetail). */
export const parsePublicDetail = (value: unknown): import("@/lib/aggregation/public-row").TPublicDetail =>
  parseColumn(ZPublicDetail, value, "detail");
