import "server-only";
import {} from "@/lib/domain/suspension";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import {} from "@/lib/errors";
import {} from "./questionnaires";
import { cycleRespondentsWhere, type TCycle } from "./cycles";
import { zoneScope } from "./scope";
import { INSTITUTION_KIND_LABELS } from "@/lib/domain/labels";
import type {} from "@/lib/questionnaire/snapshot";
import {} from "@/lib/questionnaire/diff";
import {} from "@/lib/questionnaire/copy";
import {
  NOT_YET_SUBMITTED,
  RESPONDENT_DEFAULT_SORT,
  type TRespondentFilter,
  type TRespondentSortKey,
  type TSort,
} from "@/lib/prefecture/filters";
import { respondentComparator, type TOrderableRespondent } from "@/lib/prefecture/respondent-order";
import { type TResponseStatus } from "@/lib/aggregation/status";
import type { TExportRespondent } from "@/lib/prefecture/exports";
import { parseOptionalDerived, parseStoredAnswers } from "./json-columns";
import { softWarningCounts } from "./soft-warning-where";
import { openWarningCounts, type TSoftWarningCounts } from "@/lib/prefecture/soft-warning-filter";
import { flagCountsOf, flagWhere } from "./review-flags";
import { NO_FLAGS, totalFlags, type TReviewFlagCounts, type TReviewFlagFilter } from "@/lib/prefecture/review-flags";

// 体制の有無の確認: the cycle's respondents (those who have not started included), their progress
// per zone and municipality, and one report opened for review with its derived status, its
// revisions and what changed since last year. Everything is scoped by the viewer.

export const PAGE_SIZE = 50;

/** What narrows the list (the filter without its page and order). */
type TRespondentWhereFilter = Omit<TRespondentFilter, "page" | "status" | "sort" | "dir">;

type TRespondentWhere = { institution: Prisma.InstitutionWhereInput } | { hub: Prisma.HubWhereInput };

/** Municipality codes of a zone the viewer may see (any scheme); [] when it is not theirs. */
async function zoneMunicipalities(viewer: TViewer, zoneId: string): Promise<string[]> {
  const zone = await db.zone.findFirst({
    where: { AND: [zoneScope(viewer), { id: zoneId }] },
    select: { municipalities: { select: { municipalityCode: true } } },
  });
  return zone?.municipalities.map((m) => m.municipalityCode) ?? [];
}

function statusWhere(cycleId: string, status: TResponseStatus | TResponseStatus[] | undefined) {
  if (!status) return {};
  const statuses = Array.isArray(status) ? status : [status];
  const submitted = statuses.filter((s): s is Exclude<TResponseStatus, "NOT_STARTED"> => s !== "NOT_STARTED");
  const or: object[] = [];
  if (statuses.includes("NOT_STARTED")) or.push({ submissions: { none: { cycleId } } });
  if (submitted.length > 0) or.push({ submissions: { some: { cycleId, status: { in: submitted } } } });
  return { OR: or };
}

/** The respondents of a cycle matching a filter, as a where clause on Institution or Hub. */
export async function respondentsWhere(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind">,
  filter: TRespondentWhereFilter & { status?: TResponseStatus | TResponseStatus[] },
): Promise<TRespondentWhere> {
  const base = cycleRespondentsWhere(viewer, cycle);
  const zoneCodes = filter.zone ? await zoneMunicipalities(viewer, filter.zone) : null;
  const status = statusWhere(cycle.id, filter.status);
  const flagged = filter.flag ? { submissions: { some: { cycleId: cycle.id, ...flagWhere(filter.flag) } } } : {};
  if ("institution" in base) {
    return {
      institution: {
        AND: [
          base.institution,
          filter.municipality ? { municipalityCode: filter.municipality } : {},
          zoneCodes ? { municipalityCode: { in: zoneCodes } } : {},
          filter.kind ? { kind: filter.kind } : {},
          filter.q
            ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { code: { startsWith: filter.q } }] }
            : {},
          status,
          flagged,
        ],
      },
    };
  }
  return {
    hub: {
      AND: [
        base.hub,
        filter.municipality ? { zone: { municipalities: { some: { municipalityCode: filter.municipality } } } } : {},
        zoneCodes
          ? {
              OR: [
                { zoneId: filter.zone },
                { zone: { municipalities: { some: { municipalityCode: { in: zoneCodes } } } } },
              ],
            }
          : {},
        filter.q ? { name: { contains: filter.q, mode: "insensitive" } } : {},
        status,
        flagged,
      ],
    },
  };
}

const submissionSelect = {
  id: true,
  status: true,
  revision: true,
  isAmending: true,
  submittedAt: true,
  reviewedAt: true,
  reopenedUntil: true,
  updatedAt: true,
  softWarnings: true,
} as const satisfies Prisma.SubmissionSelect;

type TSubmissionSummary = Prisma.SubmissionGetPayload<{ select: typeof submissionSelect }>;

export type TRespondentRow = {
  respondentId: string;
  respondentType: "institution" | "hub";
  code: string | null;
  name: string;
  kindLabel: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  zoneName: string | null;
  phone: string | null;
  contactEmail: string | null;
  isActive: boolean;
  status: TResponseStatus;
  submission: Omit<TSubmissionSummary, "softWarnings"> | null;
  /** Soft-rule warnings of the latest revision (null: none stored); listRespondents makes the parts the open ones. */
  warningCounts: TSoftWarningCounts | null;
  /** Review flags of the report (issue 16); all zero without a report. */
  flags: TReviewFlagCounts;
};

const statusOf = (submission: TSubmissionSummary | null): TResponseStatus => submission?.status ?? "NOT_STARTED";

/** The row's submission without the stored JSON, and the warning counts read from it. */
function withWarningCounts(submission: TSubmissionSummary | null) {
  if (!submission) return { submission: null, warningCounts: null };
  const { softWarnings, ...rest } = submission;
  return { submission: rest, warningCounts: softWarningCounts(softWarnings) };
}

/** The default order: municipality and code (clinics), zone and name (hubs). */
const DEFAULT_SORT: TSort<TRespondentSortKey> = { key: RESPONDENT_DEFAULT_SORT, dir: "asc" };

/**
 * SQL order for the columns stored on the respondent itself, each with a stable tie-breaker
 * (ascending whatever the direction). The columns that live on the Submission are ordered in
 * memory (sortedRespondentIds); a clinic-only column on a hub list falls back to the name.
 */
function institutionOrder({ key, dir }: TSort<TRespondentSortKey>): Prisma.InstitutionOrderByWithRelationInput[] {
  const tie: Prisma.InstitutionOrderByWithRelationInput[] = [
    { municipalityCode: "asc" },
    { code: "asc" },
    { id: "asc" },
  ];
  switch (key) {
    case "code":
      return [{ code: dir }, { id: "asc" }];
    case "name":
      return [{ name: dir }, ...tie];
    case "kind":
      return [{ kind: dir }, ...tie];
    default:
      return [{ municipalityCode: dir }, { code: "asc" }, { id: "asc" }];
  }
}

function hubOrder({ key, dir }: TSort<TRespondentSortKey>): Prisma.HubOrderByWithRelationInput[] {
  if (key === "area") return [{ zone: { name: dir } }, { name: "asc" }, { id: "asc" }];
  return [{ name: key === "name" ? dir : "asc" }, { id: "asc" }];
}

async function findRespondents(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind">,
  where: TRespondentWhere,
  page?: { skip: number; take: number },
  sort: TSort<TRespondentSortKey> = DEFAULT_SORT,
) {
  if ("institution" in where) {
    const [total, rows] = await Promise.all([
      db.institution.count({ where: where.institution }),
      db.institution.findMany({
        where: where.institution,
        select: {
          id: true,
          code: true,
          name: true,
          kind: true,
          phone: true,
          contactEmail: true,
          isActive: true,
          municipalityCode: true,
          municipality: { select: { name: true } },
          submissions: { where: { cycleId: cycle.id }, select: submissionSelect },
        },
        orderBy: institutionOrder(sort),
        ...page,
      }),
    ]);
    return {
      total,
      rows: rows.map((r): TRespondentRow => {
        const submission = r.submissions[0] ?? null;
        return {
          respondentId: r.id,
          respondentType: "institution",
          code: r.code,
          name: r.name,
          kindLabel: INSTITUTION_KIND_LABELS[r.kind],
          municipalityCode: r.municipalityCode,
          municipalityName: r.municipality.name,
          zoneName: null,
          phone: r.phone,
          contactEmail: r.contactEmail,
          isActive: r.isActive,
          status: statusOf(submission),
          ...withWarningCounts(submission),
          flags: NO_FLAGS,
        };
      }),
    };
  }
  const [total, rows] = await Promise.all([
    db.hub.count({ where: where.hub }),
    db.hub.findMany({
      where: where.hub,
      select: {
        id: true,
        name: true,
        contactEmail: true,
        isActive: true,
        zone: { select: { name: true } },
        submissions: { where: { cycleId: cycle.id }, select: submissionSelect },
      },
      orderBy: hubOrder(sort),
      ...page,
    }),
  ]);
  return {
    total,
    rows: rows.map((r): TRespondentRow => {
      const submission = r.submissions[0] ?? null;
      return {
        respondentId: r.id,
        respondentType: "hub",
        code: null,
        name: r.name,
        kindLabel: "拠点",
        municipalityCode: null,
        municipalityName: null,
        zoneName: r.zone.name,
        phone: null,
        contactEmail: r.contactEmail,
        isActive: r.isActive,
        status: statusOf(submission),
        ...withWarningCounts(submission),
        flags: NO_FLAGS,
      };
    }),
  };
}

/**
 * Every matching respondent's id in the order of a Submission column (status, dates, deadline).
 * Two flat reads (respondents, and their submissions of this cycle) under the same scoped where,
 * joined and sorted in memory: a prefecture has thousands of respondents, not millions, and the
 * page's full rows are read afterwards by id.
 */
async function sortedRespondentIds(
  cycle: Pick<TCycle, "id" | "closesAt">,
  where: TRespondentWhere,
  sort: TSort<"status" | "deadline" | "updated" | "flags">,
): Promise<string[]> {
  const submissionSelect = { id: true, status: true, submittedAt: true, updatedAt: true, reopenedUntil: true } as const;
  const [people, submissions] =
    "institution" in where
      ? await Promise.all([
          db.institution
            .findMany({ where: where.institution, select: { id: true, code: true, municipalityCode: true } })
            .then((rows) => rows.map((r) => ({ id: r.id, tie: [r.municipalityCode, r.code] }))),
          db.submission
            .findMany({
              where: { cycleId: cycle.id, institution: where.institution },
              select: { institutionId: true, ...submissionSelect },
            })
            .then((rows) => rows.map(({ institutionId, ...s }) => ({ ...s, owner: institutionId }))),
        ])
      : await Promise.all([
          db.hub
            .findMany({ where: where.hub, select: { id: true, name: true } })
            .then((rows) => rows.map((r) => ({ id: r.id, tie: [r.name] }))),
          db.submission
            .findMany({ where: { cycleId: cycle.id, hub: where.hub }, select: { hubId: true, ...submissionSelect } })
            .then((rows) => rows.map(({ hubId, ...s }) => ({ ...s, owner: hubId }))),
        ]);
  const byOwner = new Map(submissions.map((s) => [s.owner, s]));
  const flags = sort.key === "flags" ? await flagCountsOf(submissions.map((s) => s.id)) : null;
  const rows = people.map((p): TOrderableRespondent => {
    const s = byOwner.get(p.id);
    return {
      id: p.id,
      tie: p.tie,
      status: s?.status ?? "NOT_STARTED",
      submittedAt: s?.submittedAt ?? null,
      updatedAt: s?.updatedAt ?? null,
      reopenedUntil: s?.reopenedUntil ?? null,
      flags: s && flags ? totalFlags(flags.get(s.id)) : 0,
    };
  });
  return rows.sort(respondentComparator(sort.key, sort.dir, cycle.closesAt)).map((r) => r.id);
}

const inMemorySort = (sort: TSort<TRespondentSortKey>): sort is TSort<"status" | "deadline" | "updated" | "flags"> =>
  sort.key === "status" || sort.key === "deadline" || sort.key === "updated" || sort.key === "flags";

/** One page of the cycle's respondents, in the filter's order (市区町村・コード by default). */
export async function listRespondents(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind" | "closesAt">,
  filter: TRespondentFilter,
) {
  const where = await respondentsWhere(viewer, cycle, filter);
  const sort = { key: filter.sort, dir: filter.dir };
  const skip = (filter.page - 1) * PAGE_SIZE;
  let result: Awaited<ReturnType<typeof findRespondents>>;
  if (inMemorySort(sort)) {
    const ids = await sortedRespondentIds(cycle, where, sort);
    const pageIds = ids.slice(skip, skip + PAGE_SIZE);
    // The page's rows, read under the same scoped where, then put back in the sorted order.
    const pageWhere: TRespondentWhere =
      "institution" in where
        ? { institution: { AND: [where.institution, { id: { in: pageIds } }] } }
        : { hub: { AND: [where.hub, { id: { in: pageIds } }] } };
    const found = await findRespondents(viewer, cycle, pageWhere);
    const position = new Map(pageIds.map((id, i) => [id, i]));
    result = {
      total: ids.length,
      rows: found.rows.sort((a, b) => position.get(a.respondentId)! - position.get(b.respondentId)!),
    };
  } else {
    result = await findRespondents(viewer, cycle, where, { skip, take: PAGE_SIZE }, sort);
  }
  const flags = await flagCountsOf(result.rows.flatMap((r) => (r.submission ? [r.submission.id] : [])));
  const rows = result.rows.map((r) => {
    const own = (r.submission && flags.get(r.submission.id)) || NO_FLAGS;
    // The badge's open counts are the flags' (acknowledged 前年比大 apart), as the 目印 filter sees them.
    return { ...r, flags: own, warningCounts: openWarningCounts(r.warningCounts, own) };
  });
  return {
    ...result,
    rows,
    page: filter.page,
    pageSize: PAGE_SIZE,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
  };
}

/** The 提出済 reports of the respondents matching a filter (what bulk confirmation would confirm). */
export function submittedOfWhere(cycleId: string, where: TRespondentWhere): Prisma.SubmissionWhereInput {
  return {
    cycleId,
    status: "SUBMITTED",
    ...("institution" in where ? { institution: where.institution } : { hub: where.hub }),
  };
}

/** What bulk confirmation confirms: the matching 提出済 reports without any review flag. */
export function unflaggedSubmittedOfWhere(cycleId: string, where: TRespondentWhere): Prisma.SubmissionWhereInput {
  return { AND: [submittedOfWhere(cycleId, where), { NOT: flagWhere("any") }] };
}

/** Matching 提出済 reports carrying a flag of this kind (what bulk confirmation leaves out). */
export function flaggedSubmittedOfWhere(
  cycleId: string,
  where: TRespondentWhere,
  kind: TReviewFlagFilter,
): Prisma.SubmissionWhereInput {
  return { AND: [submittedOfWhere(cycleId, where), flagWhere(kind)] };
}

export async function countMatchingSubmitted(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind">,
  filter: TRespondentWhereFilter & { status?: TResponseStatus },
): Promise<number> {
  return db.submission.count({ where: submittedOfWhere(cycle.id, await respondentsWhere(viewer, cycle, filter)) });
}

/** The matching 提出済 reports bulk confirmation would confirm, and those its flags keep out. */
export async function countBulkConfirmable(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind">,
  filter: TRespondentWhereFilter & { status?: TResponseStatus },
): Promise<{ confirmable: number; flagged: number }> {
  const where = await respondentsWhere(viewer, cycle, filter);
  const [confirmable, flagged] = await Promise.all([
    db.submission.count({ where: unflaggedSubmittedOfWhere(cycle.id, where) }),
    db.submission.count({ where: flaggedSubmittedOfWhere(cycle.id, where, "any") }),
  ]);
  return { confirmable, flagged };
}

/**
 * Those who still owe a report (未着手・下書き・差戻し), for reminder calls: every matching row,
 * no paging. A status filter narrows within those three.
 */
export async function listNotSubmitted(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind">,
  filter: TRespondentWhereFilter & { status?: TResponseStatus },
) {
  const statuses = filter.status ? NOT_YET_SUBMITTED.filter((s) => s === filter.status) : [...NOT_YET_SUBMITTED];
  if (statuses.length === 0) return [];
  const where = await respondentsWhere(viewer, cycle, { ...filter, status: statuses });
  return (await findRespondents(viewer, cycle, where)).rows;
}

/** Every respondent of the cycle with its latest submitted revision, for the submissions export. */
export async function listExportRespondents(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind">,
): Promise<TExportRespondent[]> {
  const where = cycleRespondentsWhere(viewer, cycle);
  const submissionFields = {
    where: { cycleId: cycle.id },
    select: {
      status: true,
      revision: true,
      revisions: {
        orderBy: { revision: "desc" },
        take: 1,
        select: { answers: true, derived: true, channel: true, submittedAt: true },
      },
    },
  } as const;
  type TSub = {
    status: TResponseStatus;
    revision: number;
    revisions: { answers: unknown; derived: unknown; channel: string; submittedAt: Date }[];
  };
  const shape = (
    base: Omit<TExportRespondent, "status" | "revision" | "channel" | "submittedAt" | "answers" | "derived">,
    sub: TSub | undefined,
  ): TExportRespondent => {
    const latest = sub?.revisions[0];
    return {
      ...base,
      status: sub?.status ?? "NOT_STARTED",
      revision: sub?.revision ?? 0,
      channel: latest?.channel ?? null,
      submittedAt: latest?.submittedAt ?? null,
      answers: parseStoredAnswers(latest?.answers ?? {}),
      derived: parseOptionalDerived(latest?.derived ?? null),
    };
  };
  if ("institution" in where) {
    const rows = await db.institution.findMany({
      where: where.institution,
      select: {
        code: true,
        name: true,
        municipalityCode: true,
        municipality: { select: { name: true } },
        submissions: submissionFields,
      },
      orderBy: { code: "asc" },
    });
    return rows.map((r) =>
      shape(
        { code: r.code, name: r.name, municipalityCode: r.municipalityCode, municipalityName: r.municipality.name },
        r.submissions[0],
      ),
    );
  }
  const rows = await db.hub.findMany({
    where: where.hub,
    select: { name: true, zone: { select: { name: true } }, submissions: submissionFields },
    orderBy: { name: "asc" },
  });
  return rows.map((r) =>
    shape({ code: null, name: r.name, municipalityCode: null, municipalityName: r.zone.name }, r.submissions[0]),
  );
}
