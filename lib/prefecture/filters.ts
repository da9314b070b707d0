// Filters of the prefecture's lists, read from the URL (search params) with zod. Invalid values
// fall back to "no filter" rather than an error page: a URL is something people edit by hand.
// Pure, so pages, route handlers and client components share them.
import { z } from "zod";
import { RESPONSE_STATUSES, type TResponseStatus } from "@/lib/aggregation/status";

const optionalText = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize("NFKC").trim().slice(0, max))
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

/** Statuses that still owe a report: the list for reminder calls. */
export const NOT_YET_SUBMITTED: readonly TResponseStatus[] = ["NOT_STARTED", "DRAFT", "RETURNED"];

export const ZRespondentFilter = z.object({
  zone: optionalText(40),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  kind: z.enum(["HOSPITAL", "CLINIC"]).optional().catch(undefined),
  status: z.enum(RESPONSE_STATUSES).optional().catch(undefined),
  q: optionalText(100),
  page,
});
export type TRespondentFilter = z.infer<typeof ZRespondentFilter>;

export const ZRosterFilter = z.object({
  zone: optionalText(40),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  kind: z.enum(["HOSPITAL", "CLINIC"]).optional().catch(undefined),
  active: z.enum(["active", "inactive", "all"]).catch("active").default("active"),
  q: optionalText(100),
  page,
});
export type TRosterFilter = z.infer<typeof ZRosterFilter>;

export const ZAccountFilter = z.object({
  role: z.enum(["INSTITUTION", "HUB", "COUNCIL"]).optional().catch(undefined),
  state: z.enum(["active", "inactive", "pending"]).optional().catch(undefined),
  q: optionalText(100),
  page,
});
export type TAccountFilter = z.infer<typeof ZAccountFilter>;

export const ZAuditFilter = z.object({
  action: optionalText(60),
  entity: optionalText(40),
  entityId: optionalText(60),
  actor: optionalText(120),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;
