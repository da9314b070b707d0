import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { AppError } from "@/lib/errors";
import { exportSetPasswordLinks, sendSetPasswordLinks } from "@/lib/services/accounts";

const ZBody = z.object({ target: z.unknown(), delivery: z.enum(["csv", "csv-sjis", "email"]) });

/**
 * POST { target: { scope: "pending" } | { scope: "users", userIds }, delivery }: issues one-time
 * set-password links — as a CSV file to hand over (csv / csv-sjis), or sent by e-mail (SMTP).
 */
export const POST = apiRoute(async ({ viewer, body }) => {
  const parsed = ZBody.safeParse(body);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "送信された内容の形式が正しくありません。");
  if (parsed.data.delivery === "email") return sendSetPasswordLinks(viewer, parsed.data.target);
  const { file, name } = await exportSetPasswordLinks(viewer, parsed.data.target, parsed.data.delivery);
  return fileResponse(file.bytes, name.fileName, file.contentType, name.asciiFileName);
});
