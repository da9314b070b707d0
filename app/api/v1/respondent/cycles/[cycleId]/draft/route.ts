import { apiRoute } from "@/lib/http/api";
import { saveDraft } from "@/lib/services/respondent-reports";

/** Autosave of the working copy: { draftVersion, answers } → { draftVersion, savedAt }. */
export const PUT = apiRoute<{ cycleId: string }>(({ viewer, params, body }) => saveDraft(viewer, params.cycleId, body));
