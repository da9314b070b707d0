// Filters of the prefecture's lists, read from the URL (search params) with zod. Invalid values
// fall back to "no filter" rather than an error page: a URL is something people edit by hand.
// Pure, so pages, route handlers and client components share them.
import { z } from "zod";

export type TSearchParams = Record<string, string | string[] | undefined>;

/** The first value of each parameter, as zod expects a flat object. */
export function flattenParams(params: TSearchParams | URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) if (!(key in out)) out[key] = value;
    return out;
  }
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}

const optionalText = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize("NFKC").trim().slice(0, max))
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

export const RESPONDENT_STATUSES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "CONFIRMED"] as const;
export type TRespondentStatus = (typeof RESPONDENT_STATUSES)[number];

export const RESPONDENT_STATUS_LABELS: Record<TRespondentStatus, string> = {
  NOT_STARTED: "未着手",
  DRAFT: "下書き",
  SUBMITTED: "提出済",
  RETURNED: "差戻し",
  CONFIRMED: "確認済",
};

/** Statuses that still owe a report: the list for reminder calls. */
export const NOT_YET_SUBMITTED: readonly TRespondentStatus[] = ["NOT_STARTED", "DRAFT", "RETURNED"];

export const ZRespondentFilter = z.object({
  zone: optionalText(40),
  municipality: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  kind: z.enum(["HOSPITAL", "CLINIC"]).optional().catch(undefined),
  status: z.enum(RESPONDENT_STATUSES).optional().catch(undefined),
  q: optionalText(100),
  page,
});
export type TRespondentFilter = z.infer<typeof ZRespondentFilter>;

export const ZRosterFilter = z.object({
  zone: optionalText(40),
  municipality: z.string().regex(/^\d{6}$/).optional().catch(undefined),
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
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** Builds a URL keeping the current filters, with changes (undefined removes a parameter). */
export function withParams(path: string, current: Record<string, string | number | undefined>, changes: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== undefined && value !== "" && !(key === "page" && Number(value) === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
