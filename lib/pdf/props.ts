// What each document is rendered from: plain, serialisable data (structured-clone safe, so it can
// cross into a worker thread). The council packet and the prefecture summary take the very
// dashboard bundles the screens show (lib/summaries/types.ts), so a figure in a packet is the
// figure on the dashboard; nothing is fetched or recounted while rendering.
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TAnswers } from "@/lib/questionnaire/answers";
import type { TStoredDerived } from "@/lib/questionnaire/snapshot";
import type { TPrefectureDashboard, TZoneDashboard } from "@/lib/summaries/types";
import type { TMailBlock } from "@/lib/mail/templates/blocks";
import type { TCouncilFollowUp } from "@/lib/summaries/council";
import type { TCouncilRecordDocumentInput } from "@/lib/summaries/council-record";

export type TZonePacketInput = {
  dashboard: TZoneDashboard;
  /** ISO instant the packet is dated (the cover's 和暦 date). */
  generatedAt: string;
  /** Last year's council decisions and their progress (null: no record last year). */
  councilFollowUp?: TCouncilFollowUp | null;
};

export type TPrefectureSummaryInput = {
  dashboard: TPrefectureDashboard;
  generatedAt: string;
};

export type TRespondentDocumentInput = {
  respondent: { role: "institution" | "hub"; name: string; code: string | null; place: string };
  cycle: { title: string; fiscalYear: number; prefectureName: string; isDemo: boolean };
  definition: TQuestionnaireDefinition;
  revision: {
    number: number;
    answers: TAnswers;
    derived: TStoredDerived;
    /** ISO instant. */
    submittedAt: string;
    channel: string;
    /** 初回提出 / 再提出 / 変更報告. */
    kind: RevisionKind;
  };
  /** 受付番号 of this revision. */
  receiptNumber: string;
  /** The submission's status now, e.g. 提出済 / 確認済 / 第3版で更新済み. */
  currentStatus: string;
  generatedAt: string;
};

/** Letters for post (cycle-mail): the blocks of each mail under its postal address. */
export type TMailLettersInput = {
  title: string;
  prefectureName: string;
  fiscalYear: number;
  dateLabel: string;
  isDemo: boolean;
  letters: { addressLines: string[]; subject: string; blocks: TMailBlock[] }[];
};

export type TDocumentRequest =
  | { kind: "zonePacket"; input: TZonePacketInput }
  | { kind: "prefectureSummary"; input: TPrefectureSummaryInput }
  | { kind: "clinicNotice"; input: TRespondentDocumentInput }
  | { kind: "submissionCopy"; input: TRespondentDocumentInput }
  | { kind: "mailLetters"; input: TMailLettersInput }
  | { kind: "councilRecord"; input: TCouncilRecordDocumentInput };

export type TDocumentKind = TDocumentRequest["kind"];
