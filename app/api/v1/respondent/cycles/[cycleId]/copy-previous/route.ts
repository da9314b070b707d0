import { apiRoute } from "@/lib/http/api";
import { copyPreviousAnswers } from "@/lib/services/respondent-reports";

/** 前年度の回答を引用: { draftVersion, answers } → merged answers (saved by the form's autosave). */
export const POST = apiRoute<{ cycleId: string }>(({ viewer, params, body }) =>
  copyPreviousAnswers(viewer, params.cycleId, body),
);
