// Japanese labels of the database enums, shared by pages, exports and PDFs. The status and kind
// labels are defined once in lib/aggregation (which must not depend on Prisma) and typed here
// against the database enums, so the compiler checks that the two lists agree.
import type {
  CycleStatus,
  HubOperatorType,
  InstitutionKind,
  QuestionnaireKind,
  RevisionKind,
  SubmissionStatus,
  ZoneSchemeKind,
} from "@/lib/generated/prisma/enums";
import { INSTITUTION_KIND_LABELS as KIND_LABELS } from "./institution-kinds";
import { RESPONSE_STATUS_LABELS } from "@/lib/aggregation/status";
import { fiscalYearLabel } from "./wareki";

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = KIND_LABELS;

export const HUB_OPERATOR_LABELS: Record<HubOperatorType, string> = {
  MEDICAL_PROVIDER: "病院・診療所・訪問看護事業所",
  MEDICAL_ASSOCIATION: "地域医師会",
  HEALTH_CENTER: "保健所",
  MUNICIPALITY: "市町村",
  COMMUNITY_SUPPORT_CENTER: "地域包括支援センター",
  CARE_COLLABORATION_OPERATOR: "在宅医療・介護連携推進事業の実施主体",
  CONSORTIUM: "複数の機関で連携して拠点の機能を担う",
};

export const QUESTIONNAIRE_KIND_LABELS: Record<QuestionnaireKind, string> = {
  CLINIC_REPORT: "かかりつけ医機能報告",
  HUB_SELF_ASSESSMENT: "在宅医療連携拠点 自己評価",
};

export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = {
  PREPARING: "準備中",
  OPEN: "受付中",
  CLOSED: "締切",
};

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = RESPONSE_STATUS_LABELS;

export const ZONE_SCHEME_KIND_LABELS: Record<ZoneSchemeKind, string> = {
  SECONDARY_MEDICAL_AREA: "二次医療圏",
  HOME_CARE_AREA: "在宅医療の圏域",
  HEALTH_CENTER_AREA: "保健所圏域",
  OTHER: "その他",
};

export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  INITIAL: "初回提出",
  RESUBMISSION: "再提出",
  AMENDMENT: "変更報告",
};

/**
 * What the report's next submission is: the first one; a 再提出 while the prefecture has not
 * accepted the report (差戻し, or a correction before the review); a 変更報告 once it is 確認済み.
 */
export function nextRevisionKind(submission: { status: SubmissionStatus; revision: number } | null): RevisionKind {
  if (!submission || submission.revision === 0) return "INITIAL";
  return submission.status === "CONFIRMED" ? "AMENDMENT" : "RESUBMISSION";
}

/** The submit button: 内容を確認して提出 / 再提出 / 変更報告を提出. */
export const SUBMIT_BUTTON_LABELS: Record<RevisionKind, string> = {
  INITIAL: "提出",
  RESUBMISSION: "再提出",
  AMENDMENT: "変更報告を提出",
};

/** 第2版（再提出）, 第3版（変更報告）, 第1版. */
export function revisionLabel(revision: number, kind: RevisionKind): string {
  return kind === "INITIAL" ? `第${revision}版` : `第${revision}版（${REVISION_KIND_LABELS[kind]}）`;
}

/** The respondent's own status line, e.g. 提出済（第2版） or 変更報告を作成中. */
export function respondentStatusLabel(
  submission: { status: SubmissionStatus; revision: number; isAmending: boolean } | null,
): string {
  if (!submission) return "未着手";
  if (submission.isAmending) {
    const what = nextRevisionKind(submission) === "AMENDMENT" ? "変更報告" : "修正（再提出）";
    return `${what}を作成中（第${submission.revision}版まで提出済）`;
  }
  switch (submission.status) {
    case "DRAFT":
      return "下書き（未提出）";
    case "SUBMITTED":
      return `提出済（第${submission.revision}版）`;
    case "CONFIRMED":
      return `確認済（第${submission.revision}版）`;
    case "RETURNED":
      return `差戻し（第${submission.revision}版・要修正）`;
  }
}

/** 令和7年度 かかりつけ医機能報告 */
export function cycleTitle(cycle: { fiscalYear: number; kind: QuestionnaireKind }): string {
  return `${fiscalYearLabel(cycle.fiscalYear)} ${QUESTIONNAIRE_KIND_LABELS[cycle.kind]}`;
}
