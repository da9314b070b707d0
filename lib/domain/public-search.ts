// The query of the public search (/public/[prefCode]/search and /api/v1/public/.../institutions),
// parsed leniently: a value that does not fit is dropped, never an error page. Pure.
import { z } from "zod";

const FUNCTION_KEYS = ["f1", "f2i", "f2ro", "f2ha", "f2ni"] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

export const ZPublicSearch = z.object({
  q: text(100),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  zone: text(40),
  near: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "1" || v === "true"),
  fn: z.enum(FUNCTION_KEYS).optional().catch(undefined),
  area: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional()
    .catch(undefined),
  disease: text(100),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type TPublicSearchQuery = z.infer<typeof ZPublicSearch>;

export function parsePublicSearch(params: Record<string, string | undefined>): TPublicSearchQuery {
  return ZPublicSearch.parse(params);
}

/** Whether the visitor asked for anything (else the search page shows only the form). */
export const hasCriteria = (s: TPublicSearchQuery) =>
  Boolean(s.q || s.municipality || s.zone || s.fn || s.area || s.disease);
