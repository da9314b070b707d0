import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * A use case's input, parsed with its schema. A failure is a 400 「入力内容を確認してください。」 with
 * the messages per top-level field (`_form` for the input as a whole), which forms show by their
 * fields.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
  throw new AppError("INVALID_INPUT", "入力内容を確認してください。", fieldErrors);
}
