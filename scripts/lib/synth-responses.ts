// Pure planning of the synthetic respondents' reports: who reported in each year and how far
// they got (not started / draft / submitted / returned / confirmed, amendments), how engaged they
// are (drifting between the two years), and the submission and revision rows with valid answers
// (prisma/seed/answers.ts generateAnswers) and the stored derived status, as the services would
// have written them.
import { compactAnswers, type TAnswers, type TPartner } from "@/lib/questionnaire/answers";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { generateAnswers, truncateToDraft, type TAnswerProfile } from "@/prisma/seed/answers";
import type { TRandom } from "@/prisma/seed/random";
import { clamp, normal } from "./synth-geo";

export type TOutcome = "NONE" | "DRAFT" | "SUBMITTED" | "RETURNED" | "CONFIRMED";

export type TReportPlan = {
  outcome: TOutcome;
  /** A 変更報告: two revisions, the second one current. */
  amended: boolean;
  /** Confirmed, and now being amended: the working copy differs from the latest revision. */
  amending: boolean;
  engagement: number;
};

/** The engagement of one institution in the previous year and its drift to the current one. */
export function institutionEngagement(random: TRandom, regional: number): { previous: number; current: number } {
  const previous = clamp(0.2 + 0.7 * random.next() + regional, 0.05, 1);
  const current = clamp(previous + 0.04 + 0.07 * normal(random), 0.05, 1);
  return { previous, current };
}

/**
 * The closed previous year: most reported and most reports were confirmed; the engaged reported
 * more often. `regional` shifts a prefecture or municipality up or down.
 */
export function planPreviousYear(random: TRandom, engagement: number, regional: number): TReportPlan {
  const reported = clamp(0.88 + 0.12 * (engagement - 0.5) + regional, 0.55, 0.98);
  if (!random.chance(reported)) {
    return { outcome: random.chance(0.4) ? "DRAFT" : "NONE", amended: false, amending: false, engagement };
  }
  const outcome = random.weighted<TOutcome>([
    ["CONFIRMED", 80],
    ["SUBMITTED", 13],
    ["RETURNED", 7],
  ]);
  return { outcome, amended: random.chance(0.04), amending: false, engagement };
}

/** The open current year, mid-window: a third not started, a quarter drafting, the rest in. */
export function planCurrentYear(random: TRandom, engagement: number, regional: number): TReportPlan {
  const submittedShare = clamp(0.42 + 0.35 * (engagement - 0.5) + 1.5 * regional, 0.12, 0.85);
  const roll = random.next();
  if (roll >= submittedShare) {
    const draftShare = 0.41;
    return { outcome: random.chance(draftShare) ? "DRAFT" : "NONE", amended: false, amending: false, engagement };
  }
  const outcome = random.weighted<TOutcome>([
    ["SUBMITTED", 62],
    ["CONFIRMED", 29],
    ["RETURNED", 9],
  ]);
  return {
    outcome,
    amended: outcome !== "RETURNED" && random.chance(0.03),
    amending: outcome === "CONFIRMED" && random.chance(0.02),
    engagement,
  };
}

/** Hubs: last year's self-assessments nearly all confirmed; this year's in progress. */
export function planHub(random: TRandom, year: "previous" | "current", engagement: number): TReportPlan {
  const outcome =
    year === "previous"
      ? random.weighted<TOutcome>([
          ["CONFIRMED", 85],
          ["SUBMITTED", 10],
          ["NONE", 5],
        ])
      : random.weighted<TOutcome>([
          ["SUBMITTED", 35],
          ["CONFIRMED", 15],
          ["DRAFT", 30],
          ["NONE", 20],
        ]);
  return { outcome, amended: false, amending: false, engagement };
}

export type TSubmissionRow = {
  id: string;
  cycleId: string;
  questionnaireVersionId: string;
  institutionId: string | null;
  hubId: string | null;
  prefectureCode: string;
  status: Exclude<TOutcome, "NONE">;
  /** JSON text (serialised once, shared with the revision). */
  answers: string;
  draftVersion: number;
  isAmending: boolean;
  revision: number;
  derived: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
};

export type TRevisionRow = {
  id: string;
  submissionId: string;
  revision: number;
  answers: string;
  derived: string;
  submittedAt: Date;
  channel: "WEB" | "PAPER";
  /** The second revision of a 変更報告 plan changes a confirmed report. */
  kind: "INITIAL" | "AMENDMENT";
};

export type TBuildInput = {
  id: string;
  cycle: { id: string; questionnaireVersionId: string; prefectureCode: string };
  definition: TQuestionnaireDefinition;
  respondent: { institutionId: string } | { hubId: string };
  kind: TAnswerProfile["kind"];
  fixed?: TAnswerProfile["fixed"];
  /** An institution's planned functions and shape (prisma/seed/function-plan.ts); none for hubs. */
  planned?: TAnswerProfile["planned"];
  plan: TReportPlan;
  partnerPool: readonly TPartner[];
  random: TRandom;
  /** When the first revision was submitted (reviews and amendments follow it). */
  submittedAt: Date;
  /** Nothing happens after this instant (the current cycle is still open). */
  latest: Date;
};

const DAY = 86_400_000;

const RETURN_COMMENTS = [
  "（イ）の在宅当番医制の参加頻度と時間外加算の算定回数が整合しないため、ご確認のうえ再提出してください。",
  "後方支援病床の連携先医療機関の記載が不足しています。追記のうえ再提出してください。",
  "在宅医療の提供体制の回答と訪問診療の算定回数が整合しません。ご確認ください。",
] as const;

/**
 * The rows the services would hold for one planned report: the working copy, and one revision
 * per submission (two for a 変更報告). Answers are generated for the definition and valid for
 * submission (generateAnswers checks them), then compacted as the submit service stores them.
 */
export function buildReport(input: TBuildInput): { submission: TSubmissionRow; revisions: TRevisionRow[] } | null {
  const { plan, random, definition } = input;
  if (plan.outcome === "NONE") return null;
  const notAfter = (ms: number) => new Date(Math.min(ms, input.latest.getTime()));
  const generate = (engagement: number, label: string): TAnswers =>
    compactAnswers(
      generateAnswers(definition, {
        random: random.fork(label),
        profile: {
          kind: input.kind,
          engagement: clamp(engagement, 0.02, 1),
          fixed: input.fixed,
          planned: input.planned,
        },
        partnerPool: input.partnerPool,
      }),
    );
  const base = {
    id: input.id,
    cycleId: input.cycle.id,
    questionnaireVersionId: input.cycle.questionnaireVersionId,
    institutionId: "institutionId" in input.respondent ? input.respondent.institutionId : null,
    hubId: "hubId" in input.respondent ? input.respondent.hubId : null,
    prefectureCode: input.cycle.prefectureCode,
  };
  const full = generate(plan.engagement, "answers");
  if (plan.outcome === "DRAFT") {
    const draft = truncateToDraft(definition, full, random.fork("draft"));
    return {
      submission: {
        ...base,
        status: "DRAFT",
        answers: JSON.stringify(draft),
        draftVersion: random.int(1, 12),
        isAmending: false,
        revision: 0,
        derived: null,
        submittedAt: null,
        reviewedAt: null,
        reviewComment: null,
      },
      revisions: [],
    };
  }

  const channel = random.chance(0.03) ? "PAPER" : "WEB";
  const revisions: TRevisionRow[] = [];
  const addRevision = (answers: TAnswers, at: Date) => {
    const revision = revisions.length + 1;
    const row: TRevisionRow = {
      id: `${input.id}r${revision}`,
      submissionId: input.id,
      revision,
      answers: JSON.stringify(answers),
      derived: JSON.stringify(computeStoredDerived(definition, answers)),
      submittedAt: at,
      channel,
      kind: revision === 1 ? "INITIAL" : "AMENDMENT",
    };
    revisions.push(row);
    return row;
  };
  // A 変更報告's first revision was a little less complete than the one that replaced it.
  const firstAt = notAfter(input.submittedAt.getTime());
  if (plan.amended) addRevision(generate(plan.engagement - 0.15, "first"), firstAt);
  const finalAt = plan.amended ? notAfter(firstAt.getTime() + random.int(3, 20) * DAY) : firstAt;
  const latest = addRevision(full, finalAt);
  const reviewed = plan.outcome === "CONFIRMED" || plan.outcome === "RETURNED";
  // Under amendment the working copy holds the respondent's new, not yet submitted answers.
  const working = plan.amending ? JSON.stringify(generate(plan.engagement + 0.1, "amending")) : latest.answers;
  return {
    submission: {
      ...base,
      status: plan.outcome,
      answers: working,
      draftVersion: revisions.length + random.int(0, 6),
      isAmending: plan.amending,
      revision: latest.revision,
      derived: latest.derived,
      submittedAt: latest.submittedAt,
      reviewedAt: reviewed ? notAfter(finalAt.getTime() + random.int(2, 15) * DAY) : null,
      reviewComment: plan.outcome === "RETURNED" ? random.pick(RETURN_COMMENTS) : null,
    },
    revisions,
  };
}
