import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { readUploadedFile } from "@/lib/http/upload";
import { AppError } from "@/lib/errors";
import { createImportPreview } from "@/lib/services/import-jobs";
import { IMPORT_KINDS } from "@/lib/prefecture/import-preview";

const ZQuery = z.object({ kind: z.enum(IMPORT_KINDS), cycleId: z.string().min(1).optional() });

/**
 * POST /api/v1/prefecture/imports?kind=ROSTER[&cycleId=…] with the file as the raw body (its
 * name URI-encoded in x-file-name): checks the file and keeps it as a job to preview.
 */
export const POST = apiRoute(
  async ({ viewer, request }) => {
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("INVALID_INPUT", "取込の種類が正しくありません。");
    const file = await readUploadedFile(request);
    const { jobId, preview } = await createImportPreview(viewer, {
      kind: query.data.kind,
      file,
      cycleId: query.data.cycleId,
    });
    return { jobId, ok: preview.ok };
  },
  { rawBody: true },
);
