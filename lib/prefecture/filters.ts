// Filters of the prefecture's lists, read from the URL (search params) with zod. Invalid values
// fall back to "no filter" rather than an error page: a URL is something people edit by hand.
// Pure, so pages, route handlers and client components share them.
import { z } from "zod";
import { RESPONSE_STATUSES, type TResponseStatus } from "@/lib/aggregation/status";
import { LEGACY_WARNING_FILTER, REVIEW_FLAG_FILTERS } from "./review-flags";

const optionalText = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize("NFKC").trim().slice(0, max))
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

// ---- Sorting -----------------------------------------------------------------------------------
// `sort=<column>&dir=<asc|desc>` in the URL. Each list names the columns it can sort by; an
// unknown column or direction falls back to the list's default order (never an error page). The
// readers in lib/data add a stable tie-breaker, so pages never overlap or skip a row.

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type TSortDir = (typeof SORT_DIRECTIONS)[number];
export type TSort<K extends string = string> = { key: K; dir: TSortDir };

function sortFields<const K extends string>(keys: readonly [K, ...K[]], fallback: NoInfer<K>) {
  return {
    sort: z.enum(keys).catch(fallback).default(fallback),
    dir: z.enum(SORT_DIRECTIONS).catch("asc").default("asc"),
  };
}

/**
 * The sort parameters to put in a URL: none for the default order, so a plain link and the
 * default look the same (and a bookmark stays short).
 */
export function sortParams<K extends string>(
  filter: { sort: K; dir: TSortDir },
  fallback: K,
): { sort?: K; dir?: TSortDir } {
  return {
    sort: filter.sort === fallback ? undefined : filter.sort,
    dir: filter.dir === "asc" ? undefined : filter.dir,
  };
}

/**
 * Columns of the submissions list. `area` is the 市区町村 (clinics) or 圏域 (hubs); `deadline`
 * is 期限までの日数 — who still owes a report, the soonest (or most overdue) deadline first.
 */
export const RESPONDENT_SORT_KEYS = ["area", "code", "name", "kind", "status", "deadline", "updated", "flags"] as const;
export type TRespondentSortKey = (typeof RESPONDENT_SORT_KEYS)[number];
export const RESPONDENT_DEFAULT_SORT: TRespondentSortKey = "area";

export const ROSTER_SORT_KEYS = [
  "municipality",
  "code",
  "name",
  "kind",
  "phone",
  "email",
  "accounts",
  "state",
] as const;
export type TRosterSortKey = (typeof ROSTER_SORT_KEYS)[number];
export const ROSTER_DEFAULT_SORT: TRosterSortKey = "municipality";

export const ACCOUNT_SORT_KEYS = ["affiliation", "email", "state", "link", "lastLogin"] as const;
export type TAccountSortKey = (typeof ACCOUNT_SORT_KEYS)[number];
export const ACCOUNT_DEFAULT_SORT: TAccountSortKey = "affiliation";

/** Statuses that still owe a report: the list for reminder calls. */
export const NOT_YET_SUBMITTED: readonly TResponseStatus[] = ["NOT_STARTED", "DRAFT", "RETURNED"];

/** An old `?warning=` URL (ADR 0019's separate filter) becomes its flag, unless a flag is given. */
function withLegacyWarning(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const { warning, ...rest } = raw as Record<string, unknown>;
  const mapped =
    typeof warning === "string" && Object.hasOwn(LEGACY_WARNING_FILTER, warning)
      ? LEGACY_WARNING_FILTER[warning]
      : undefined;
  return mapped && rest.flag === undefined ? { ...rest, flag: mapped } : rest;
}

const ZRespondentFilterFields = z.object({
  zone: optionalText(40),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  kind: z.enum(["HOSPITAL", "CLINIC"]).optional().catch(undefined),
  status: z.enum(RESPONSE_STATUSES).optional().catch(undefined),
  /** Review flags (issue 16): reports with any flag, or with one kind. */
  flag: z.enum(REVIEW_FLAG_FILTERS).optional().catch(undefined),
  q: optionalText(100),
  page,
  ...sortFields(RESPONDENT_SORT_KEYS, RESPONDENT_DEFAULT_SORT),
});
export const ZRespondentFilter = z.preprocess(withLegacyWarning, ZRespondentFilterFields);
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
  ...sortFields(ROSTER_SORT_KEYS, ROSTER_DEFAULT_SORT),
});
export type TRosterFilter = z.infer<typeof ZRosterFilter>;

export const ZAccountFilter = z.object({
  role: z.enum(["INSTITUTION", "HUB", "COUNCIL"]).optional().catch(undefined),
  state: z.enum(["active", "inactive", "pending"]).optional().catch(undefined),
  q: optionalText(100),
  page,
  ...sortFields(ACCOUNT_SORT_KEYS, ACCOUNT_DEFAULT_SORT),
});
export type TAccountFilter = z.infer<typeof ZAccountFilter>;

export const ZAuditFilter = z.object({
  action: optionalText(60),
  entity: optionalText(40),
  entityId: optionalText(60),
  actor: optionalText(120),
  institution: optionalText(60),
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

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3600_000;
const startOfDayJst = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - JST_OFFSET_MS);

/** The URL's audit filter as the reader takes it: days in Japan time, "to" included. */
export function auditQuery(filter: TAuditFilter) {
  return {
    action: filter.action,
    entityType: filter.entity,
    entityId: filter.entityId,
    actorEmail: filter.actor,
    institution: filter.institution,
    from: filter.from ? startOfDayJst(filter.from) : undefined,
    to: filter.to ? new Date(startOfDayJst(filter.to).getTime() + DAY_MS) : undefined,
    before: filter.before ? BigInt(filter.before) : undefined,
  };
}

/** The filter without its page, for links that keep it (export, 「最新に戻る」). */
export const auditFilterParams = (filter: TAuditFilter) => ({
  action: filter.action,
  entity: filter.entity,
  entityId: filter.entityId,
  actor: filter.actor,
  institution: filter.institution,
  from: filter.from,
  to: filter.to,
});
