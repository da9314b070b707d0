import { apiRoute } from "@/lib/http/api";
import { updateCouncilRecord } from "@/lib/services/council-records";

/** PUT { vision, meetings, status }: the record's meetings, 目指す姿 and status. */
export const PUT = apiRoute<{ recordId: string }>(async ({ viewer, params, body }) =>
  updateCouncilRecord(viewer, params.recordId, body),
);
