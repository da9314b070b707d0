import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { AppError } from "@/lib/errors";
import { parseSummaryParams } from "@/lib/summaries/params";
import { createPacketBatchJob } from "@/lib/services/document-jobs";

const ZBody = z.object({
  cycle: z.string().min(1).max(64),
  scheme: z.string().min(1).max(64),
  kind: z.enum(["all", "hospital", "clinic"]).optional(),
  confirmed: z.enum(["1", "0"]).optional(),
});

/**
 * POST { cycle, scheme, kind?, confirmed? } — queues the ZIP of every zone's council packet and
 * answers at once (202); an app instance runs it from the durable queue, and the browser polls
 * GET /api/v1/pdf/jobs/[jobId] for its progress.
 */
export const POST = apiRoute(async ({ viewer, body }) => {
  const parsed = ZBody.safeParse(body);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "報告サイクルと圏域の区分を指定してください。");
  const params = parseSummaryParams({
    cycle: parsed.data.cycle,
    scheme: parsed.data.scheme,
    kind: parsed.data.kind,
    confirmed: parsed.data.confirmed,
  });
  const result = await createPacketBatchJob(viewer, params);
  return Response.json(result, { status: 202 });
});
