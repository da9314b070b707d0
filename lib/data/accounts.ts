import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { notFoundError } from "@/lib/errors";
import { assertRole } from "@/lib/auth/viewer-guards";
import { normalizeEmail } from "@/lib/auth/messages";
import { parseEmail } from "@/lib/import/values";
import type { TAccountFilter, TAccountSortKey, TSort } from "@/lib/prefecture/filters";
import { hubScope, institutionScope, userScope } from "./scope";

// Respondent accounts as the prefecture manages them: institutions' and hubs' accounts (and the
// council members of its zones). Prefecture officers and administrators are managed nationally.

export const MANAGED_ROLES = ["INSTITUTION", "HUB", "COUNCIL"] as const;

export const ACCOUNT_PAGE_SIZE = 50;

/** Accounts the viewer may manage: in its scope and of a managed role. */
export function managedUserWhere(viewer: TViewer): Prisma.UserWhereInput {
  return { AND: [userScope(viewer), { role: { in: [...MANAGED_ROLES] } }] };
}

const accountSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  passwordHash: true,
  totpEnabledAt: true,
  lastLoginAt: true,
  createdAt: true,
  institution: { select: { id: true, code: true, name: true } },
  hub: { select: { id: true, name: true } },
  passwordTokens: {
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { createdAt: true, expiresAt: true, usedAt: true, revokedAt: true, delivery: true },
  },
  // A council member's zones, named in the 所属 column (0022).
  zones: { select: { zone: { select: { name: true } } }, orderBy: { zone: { name: "asc" } } },
} as const satisfies Prisma.UserSelect;

type TAccountRow = Prisma.UserGetPayload<{ select: typeof accountSelect }>;

export type TAccount = Omit<TAccountRow, "passwordHash" | "passwordTokens" | "totpEnabledAt"> & {
  hasPassword: boolean;
  hasTwoFactor: boolean;
  latestLink: TAccountRow["passwordTokens"][number] | null;
};

const toAccount = ({ passwordHash, passwordTokens, totpEnabledAt, ...rest }: TAccountRow): TAccount => ({
  ...rest,
  hasPassword: passwordHash !== null,
  hasTwoFactor: totpEnabledAt !== null,
  latestLink: passwordTokens[0] ?? null,
});

/** 利用中 → パスワード未設定 → 無効, as the 状態 column reads. */
const accountStateRank = (a: { isActive: boolean; passwordHash: string | null }) =>
  !a.isActive ? 2 : a.passwordHash === null ? 1 : 0;

type TLinkFacts = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

/**
 * The latest set-password link, those needing a new one first: 未発行 → 期限切れ → 無効（再発行済み
 * など）→ 有効 → 使用済み. The page words each state (linkState in app/prefecture/accounts).
 */
export function linkRank(link: TLinkFacts | null, now: Date): number {
  if (!link) return 0;
  if (link.usedAt) return 4;
  if (link.revokedAt) return 2;
  if (link.expiresAt <= now) return 1;
  return 3;
}

/**
 * SQL order of an account column, then the e-mail (unique) as the stable tie-breaker. 所属 is the
 * role, then the institution's or hub's name, then the person's. 状態 and the link are ranks of
 * several columns (one of them "is the hash set", the other on the latest token), ordered in
 * memory by accountIdsByRank.
 */
function accountOrder({
  key,
  dir,
}: TSort<Exclude<TAccountSortKey, "state" | "link">>): Prisma.UserOrderByWithRelationInput[] {
  const tie: Prisma.UserOrderByWithRelationInput[] = [{ email: "asc" }];
  switch (key) {
    case "email":
      return [{ email: dir }];
    case "lastLogin":
      return [{ lastLoginAt: { sort: dir, nulls: "last" } }, ...tie];
    case "affiliation":
      return [{ role: dir }, { institution: { name: dir } }, { hub: { name: dir } }, { name: dir }, ...tie];
  }
}

async function accountIdsByRank(
  where: Prisma.UserWhereInput,
  { key, dir }: TSort<"state" | "link">,
): Promise<string[]> {
  const rows = await db.user.findMany({
    where,
    select: {
      id: true,
      email: true,
      isActive: true,
      passwordHash: true,
      passwordTokens: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true, usedAt: true, revokedAt: true },
      },
    },
  });
  const now = new Date();
  const rank = (r: (typeof rows)[number]) =>
    key === "state" ? accountStateRank(r) : linkRank(r.passwordTokens[0] ?? null, now);
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((r) => ({ id: r.id, email: r.email, rank: rank(r) }))
    .sort((a, b) => sign * (a.rank - b.rank) || (a.email < b.email ? -1 : 1))
    .map((r) => r.id);
}

export async function listAccounts(viewer: TViewer, filter: TAccountFilter) {
  const where: Prisma.UserWhereInput = {
    AND: [
      managedUserWhere(viewer),
      filter.role ? { role: filter.role } : {},
      filter.state === "active" ? { isActive: true, passwordHash: { not: null } } : {},
      filter.state === "inactive" ? { isActive: false } : {},
      filter.state === "pending" ? { isActive: true, passwordHash: null } : {},
      filter.q
        ? {
            OR: [
              { email: { contains: filter.q.toLowerCase() } },
              { name: { contains: filter.q, mode: "insensitive" } },
              { institution: { name: { contains: filter.q, mode: "insensitive" } } },
              { institution: { code: { startsWith: filter.q } } },
              { hub: { name: { contains: filter.q, mode: "insensitive" } } },
            ],
          }
        : {},
    ],
  };
  const skip = (filter.page - 1) * ACCOUNT_PAGE_SIZE;
  const sort = filter.sort;
  let total: number;
  let rows: TAccountRow[];
  if (sort === "state" || sort === "link") {
    const ids = await accountIdsByRank(where, { key: sort, dir: filter.dir });
    const pageIds = ids.slice(skip, skip + ACCOUNT_PAGE_SIZE);
    const position = new Map(pageIds.map((id, i) => [id, i]));
    total = ids.length;
    rows = (await db.user.findMany({ where: { AND: [where, { id: { in: pageIds } }] }, select: accountSelect })).sort(
      (a, b) => position.get(a.id)! - position.get(b.id)!,
    );
  } else {
    [total, rows] = await Promise.all([
      db.user.count({ where }),
      db.user.findMany({
        where,
        select: accountSelect,
        orderBy: accountOrder({ key: sort, dir: filter.dir }),
        skip,
        take: ACCOUNT_PAGE_SIZE,
      }),
    ]);
  }
  return {
    total,
    rows: rows.map(toAccount),
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / ACCOUNT_PAGE_SIZE)),
  };
}

export async function findAccount(viewer: TViewer, userId: string): Promise<TAccount> {
  const user = await db.user.findFirst({
    where: { AND: [managedUserWhere(viewer), { id: userId }] },
    select: accountSelect,
  });
  if (!user) throw notFoundError("アカウント");
  return toAccount(user);
}

/** Prefecture officers, for the national administrator (second-factor resets). */
export async function listOfficers(viewer: TViewer) {
  assertRole(viewer, "admin");
  return db.user.findMany({
    where: { role: "PREFECTURE" },
    select: {
      id: true,
      email: true,
      name: true,
      prefectureCode: true,
      isActive: true,
      totpEnabledAt: true,
      lastLoginAt: true,
    },
    orderBy: [{ prefectureCode: "asc" }, { email: "asc" }],
  });
}

export async function countAccounts(viewer: TViewer) {
  const [total, pending, inactive] = await Promise.all([
    db.user.count({ where: managedUserWhere(viewer) }),
    db.user.count({ where: { AND: [managedUserWhere(viewer), { isActive: true, passwordHash: null }] } }),
    db.user.count({ where: { AND: [managedUserWhere(viewer), { isActive: false }] } }),
  ]);
  return { total, pending, inactive };
}

// ---- Creating respondent accounts from the roster ----------------------------------------------

export type TAccountCandidate = {
  type: "institution" | "hub";
  respondentId: string;
  code: string | null;
  name: string;
  email: string;
};

export type TAccountPlan = {
  toCreate: TAccountCandidate[];
  /** Respondents that already have an account (skipped). */
  alreadyHave: number;
  /** Respondents without a 担当者メール, or with one that is not a valid address. */
  missingEmail: { type: "institution" | "hub"; code: string | null; name: string; email: string | null }[];
  /** The same address on several respondents: one account cannot serve two, so none is made. */
  duplicateEmails: { email: string; names: string[] }[];
  /** The address already belongs to another account (of any role). */
  emailTaken: { email: string; name: string }[];
};

/**
 * Who would get an account from the roster's 担当者メール (institutions) and the hubs' contact
 * e-mails: active respondents with no account yet, each with a valid address of its own.
 */
export async function planRespondentAccounts(
  viewer: TViewer,
  client: Prisma.TransactionClient = db,
): Promise<TAccountPlan> {
  const [institutions, hubs] = await Promise.all([
    client.institution.findMany({
      where: { AND: [institutionScope(viewer), { isActive: true }] },
      select: { id: true, code: true, name: true, contactEmail: true, _count: { select: { users: true } } },
      orderBy: { code: "asc" },
    }),
    client.hub.findMany({
      where: { AND: [hubScope(viewer), { isActive: true }] },
      select: { id: true, name: true, contactEmail: true, _count: { select: { users: true } } },
      orderBy: { name: "asc" },
    }),
  ]);
  const respondents = [
    ...institutions.map((i) => ({
      type: "institution" as const,
      respondentId: i.id,
      code: i.code,
      name: i.name,
      raw: i.contactEmail,
      hasAccount: i._count.users > 0,
    })),
    ...hubs.map((h) => ({
      type: "hub" as const,
      respondentId: h.id,
      code: null,
      name: h.name,
      raw: h.contactEmail,
      hasAccount: h._count.users > 0,
    })),
  ];
  const plan: TAccountPlan = { toCreate: [], alreadyHave: 0, missingEmail: [], duplicateEmails: [], emailTaken: [] };
  const candidates: TAccountCandidate[] = [];
  for (const r of respondents) {
    if (r.hasAccount) {
      plan.alreadyHave += 1;
      continue;
    }
    const parsed = r.raw ? parseEmail(r.raw) : null;
    if (!parsed?.ok) {
      plan.missingEmail.push({ type: r.type, code: r.code, name: r.name, email: r.raw });
      continue;
    }
    candidates.push({
      type: r.type,
      respondentId: r.respondentId,
      code: r.code,
      name: r.name,
      email: normalizeEmail(parsed.value),
    });
  }
  const byEmail = new Map<string, TAccountCandidate[]>();
  for (const c of candidates) byEmail.set(c.email, [...(byEmail.get(c.email) ?? []), c]);
  const taken = new Set(
    (await client.user.findMany({ where: { email: { in: [...byEmail.keys()] } }, select: { email: true } })).map(
      (u) => u.email,
    ),
  );
  for (const [email, group] of byEmail) {
    if (group.length > 1) plan.duplicateEmails.push({ email, names: group.map((g) => g.name) });
    else if (taken.has(email)) plan.emailTaken.push({ email, name: group[0]!.name });
    else plan.toCreate.push(group[0]!);
  }
  return plan;
}

// ---- One-time set-password links (public page) -------------------------------------------------

export type TLinkState =
  | { ok: true; email: string; name: string; expiresAt: Date }
  | { ok: false; reason: "unknown" | "expired" | "used" | "inactive" };

export const LINK_STATE_MESSAGES: Record<Exclude<TLinkState, { ok: true }>["reason"], string> = {
  unknown:
    "このリンクは無効です。URL が途中で切れていないか確認するか、都道府県の担当者に新しいリンクの発行を依頼してください。",
  expired: "このリンクは有効期限が切れています。都道府県の担当者に新しいリンクの発行を依頼してください。",
  used: "このリンクはすでに使われています。設定したパスワードでログインしてください。パスワードがわからない場合は、都道府県の担当者に新しいリンクの発行を依頼してください。",
  inactive: "このアカウントは現在使用できません。都道府県の担当者にお問い合わせください。",
};

/** What the set-password page shows for a token (looked up by its hash; the token is never stored). */
export async function inspectPasswordToken(tokenHash: string, now = new Date()): Promise<TLinkState> {
  const token = await db.passwordToken.findUnique({
    where: { tokenHash },
    select: {
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { email: true, name: true, isActive: true } },
    },
  });
  if (!token || token.revokedAt) return { ok: false, reason: "unknown" };
  if (token.usedAt) return { ok: false, reason: "used" };
  if (token.expiresAt <= now) return { ok: false, reason: "expired" };
  if (!token.user.isActive) return { ok: false, reason: "inactive" };
  return { ok: true, email: token.user.email, name: token.user.name, expiresAt: token.expiresAt };
}
