import "server-only";
import { db } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { notFoundError } from "@/lib/errors";
import { getDefinition } from "./questionnaires";
import { findPreviousCycle } from "./cycles";
import { submissionScope } from "./scope";
import { INSTITUTION_KIND_LABELS } from "@/lib/domain/labels";
import type { TStoredDerived } from "@/lib/questionnaire/snapshot";
import { diffAnswers } from "@/lib/questionnaire/diff";
import { mapPreviousAnswers } from "@/lib/questionnaire/copy";

import { parseOptionalDerived, parseSoftWarnings, parseStoredAnswers, parseStoredDerived } from "./json-columns";

// One report opened for review, with its derived status, revisions and changes since last year
// (split from review.ts), scoped by the viewer.

// ---- One report, read-only, for review ---------------------------------------------------------

/**
 * A report of the officer's prefecture, with what an officer's action on it (a review decision, a
 * query, an acknowledged flag) checks and records about it; another prefecture's or an unknown id is a 404.
 */
export async function findOfficerSubmission(officer: TViewerOf<"prefecture">, submissionId: string) {
  const submission = await db.submission.findFirst({
    where: { AND: [submissionScope(officer), { id: submissionId }] },
    select: {
      id: true,
      cycleId: true,
      prefectureCode: true,
      status: true,
      revision: true,
      reviewComment: true,
      questionnaireVersionId: true,
      institution: { select: { name: true } },
      hub: { select: { name: true } },
    },
  });
  if (!submission) throw notFoundError("報告");
  return { ...submission, name: submission.institution?.name ?? submission.hub?.name ?? "" };
}

export async function getReviewSubmission(viewer: TViewer, submissionId: string) {
  const submission = await db.submission.findFirst({
    where: { AND: [submissionScope(viewer), { id: submissionId }] },
    select: {
      id: true,
      status: true,
      revision: true,
      isAmending: true,
      answers: true,
      derived: true,
      submittedAt: true,
      reviewedAt: true,
      reviewComment: true,
      reopenedUntil: true,
      updatedAt: true,
      questionnaireVersionId: true,
      questionnaireVersion: { select: { label: true, versionKey: true } },
      cycle: { select: { id: true, kind: true, fiscalYear: true, status: true, closesAt: true, opensAt: true } },
      reviewedById: true,
      institution: {
        select: {
          id: true,
          code: true,
          name: true,
          kind: true,
          phone: true,
          contactEmail: true,
          municipality: { select: { name: true } },
        },
      },
      hub: { select: { id: true, name: true, contactEmail: true, zone: { select: { name: true } } } },
      revisions: {
        orderBy: { revision: "asc" },
        select: {
          revision: true,
          answers: true,
          derived: true,
          submittedAt: true,
          channel: true,
          submittedById: true,
          kind: true,
          softWarnings: true,
        },
      },
    },
  });
  if (!submission) throw notFoundError("報告");
  const definition = await getDefinition(submission.questionnaireVersionId);
  const revisions = submission.revisions.map((r) => ({
    ...r,
    answers: parseStoredAnswers(r.answers),
    derived: parseStoredDerived(r.derived),
    softWarnings: parseSoftWarnings(r.softWarnings),
  }));
  const latest = revisions.at(-1) ?? null;
  const answers = latest?.answers ?? parseStoredAnswers(submission.answers);
  const derived = parseOptionalDerived(submission.derived) ?? latest?.derived ?? null;

  const people = await db.user.findMany({
    where: {
      id: {
        in: [
          ...new Set(
            [...revisions.map((r) => r.submittedById), submission.reviewedById].filter((id): id is string =>
              Boolean(id),
            ),
          ),
        ],
      },
    },
    select: { id: true, email: true, name: true },
  });
  const personOf = (id: string | null) => (id ? (people.find((p) => p.id === id) ?? null) : null);

  // 前年度: the same respondent's latest submitted revision in the previous cycle of this questionnaire.
  const previousCycle = await findPreviousCycle(viewer, submission.cycle);
  let lastYear: {
    cycleTitle: string;
    revision: number;
    submittedAt: Date;
    changes: ReturnType<typeof diffAnswers>;
    /** Hub self-assessments: last year's scores, for the change per duty. */
    scores: TStoredDerived["scores"] | null;
  } | null = null;
  if (previousCycle && latest) {
    const previous = await db.submission.findFirst({
      where: {
        AND: [
          submissionScope(viewer),
          { cycleId: previousCycle.id, revision: { gt: 0 } },
          submission.institution ? { institutionId: submission.institution.id } : { hubId: submission.hub!.id },
        ],
      },
      select: {
        revisions: {
          orderBy: { revision: "desc" },
          take: 1,
          select: { revision: true, answers: true, derived: true, submittedAt: true },
        },
      },
    });
    const previousRevision = previous?.revisions[0];
    if (previousRevision) {
      const mapped = mapPreviousAnswers(
        definition,
        previousCycle.questionnaireVersion.versionKey,
        parseStoredAnswers(previousRevision.answers),
      );
      lastYear = {
        cycleTitle: previousCycle.title,
        revision: previousRevision.revision,
        submittedAt: previousRevision.submittedAt,
        changes: diffAnswers(definition, mapped, answers),
        scores: parseOptionalDerived(previousRevision.derived)?.scores ?? null,
      };
    }
  }

  return {
    submission: {
      id: submission.id,
      status: submission.status,
      revision: submission.revision,
      isAmending: submission.isAmending,
      submittedAt: submission.submittedAt,
      reviewedAt: submission.reviewedAt,
      reviewComment: submission.reviewComment,
      reopenedUntil: submission.reopenedUntil,
      updatedAt: submission.updatedAt,
      versionLabel: submission.questionnaireVersion.label,
      reviewedBy: personOf(submission.reviewedById),
    },
    cycle: submission.cycle,
    respondent: submission.institution
      ? {
          type: "institution" as const,
          id: submission.institution.id,
          code: submission.institution.code,
          name: submission.institution.name,
          kindLabel: INSTITUTION_KIND_LABELS[submission.institution.kind],
          place: submission.institution.municipality.name,
          phone: submission.institution.phone,
          contactEmail: submission.institution.contactEmail,
        }
      : {
          type: "hub" as const,
          id: submission.hub!.id,
          code: null,
          name: submission.hub!.name,
          kindLabel: "拠点",
          place: submission.hub!.zone.name,
          phone: null,
          contactEmail: submission.hub!.contactEmail,
        },
    definition,
    derived,
    answers,
    /** The soft-rule warnings the latest revision carried, with the respondent's explanations. */
    softWarnings: latest?.softWarnings ?? null,
    isDraftOnly: latest === null,
    revisions: revisions.map((r, i) => ({
      revision: r.revision,
      submittedAt: r.submittedAt,
      channel: r.channel,
      kind: r.kind,
      submittedBy: personOf(r.submittedById),
      changes: i === 0 ? null : diffAnswers(definition, revisions[i - 1]!.answers, r.answers),
    })),
    lastYear,
    previousCycleTitle: previousCycle?.title ?? null,
  };
}
