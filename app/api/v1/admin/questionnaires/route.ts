import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { AppError } from "@/lib/errors";
import { registerDefinition } from "@/lib/services/questionnaire-versions";

const ZUpload = z.object({ definition: z.unknown(), publish: z.boolean() });

/** Loads a definition file (JSON) as a draft version, or loads and publishes it. */
export const POST = apiRoute(
  async ({ viewer, body }) => {
    const parsed = ZUpload.safeParse(body);
    if (!parsed.success) throw new AppError("INVALID_INPUT", "定義ファイルを読み取れませんでした。");
    return registerDefinition(viewer, parsed.data.definition, { publish: parsed.data.publish });
  },
  { maxBodyBytes: 2 * 1024 * 1024 },
);
