import { apiRoute } from "@/lib/http/api";
import { askItemQuery } from "@/lib/services/item-queries";

/** POST { itemKeys, message }: 照会 about one or a few items of a submitted report → { id }. */
export const POST = apiRoute<{ submissionId: string }>(({ viewer, params, body }) =>
  askItemQuery(viewer, params.submissionId, body),
);
