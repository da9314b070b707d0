import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { notFoundError } from "@/lib/errors";
import { prefectureName } from "@/lib/domain/prefectures";

// Prefecture officer accounts as the national administrator manages them (issue 13, part 2).
// Only the administrator reads them here; a prefecture's own officers are not its to manage.

const officerSelect = {
  id: true,
  email: true,
  name: true,
  prefectureCode: true,
  isActive: true,
  passwordHash: true,
  totpEnabledAt: true,
  lastLoginAt: true,
  createdAt: true,
  passwordTokens: {
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { createdAt: true, expiresAt: true, usedAt: true, revokedAt: true, delivery: true },
  },
} as const satisfies Prisma.UserSelect;

type TOfficerRow = Prisma.UserGetPayload<{ select: typeof officerSelect }>;

export type TOfficer = Omit<TOfficerRow, "passwordHash" | "passwordTokens"> & {
  prefectureName: string;
  hasPassword: boolean;
  latestLink: TOfficerRow["passwordTokens"][number] | null;
  /** The only active officer of the prefecture: deactivating leaves it without one. */
  lastActiveOfPrefecture: boolean;
};

/** Every prefecture officer, by prefecture then e-mail, with how many are active per prefecture. */
export async function listOfficerAccounts(viewer: TViewer, filter: { prefectureCode?: string } = {}) {
  assertRole(viewer, "admin");
  const rows = await db.user.findMany({
    where: { role: "PREFECTURE", ...(filter.prefectureCode ? { prefectureCode: filter.prefectureCode } : {}) },
    select: officerSelect,
    orderBy: [{ prefectureCode: "asc" }, { email: "asc" }],
  });
  const active = await activeOfficersPerPrefecture();
  return rows.map(({ passwordHash, passwordTokens, ...rest }): TOfficer => ({
    ...rest,
    prefectureName: rest.prefectureCode ? prefectureName(rest.prefectureCode) : "—",
    hasPassword: passwordHash !== null,
    latestLink: passwordTokens[0] ?? null,
    lastActiveOfPrefecture: rest.isActive && (active.get(rest.prefectureCode ?? "") ?? 0) <= 1,
  }));
}

/** Active officer accounts per prefecture code. */
export async function activeOfficersPerPrefecture(client: Pick<typeof db, "user"> = db): Promise<Map<string, number>> {
  const groups = await client.user.groupBy({
    by: ["prefectureCode"],
    where: { role: "PREFECTURE", isActive: true },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.prefectureCode ?? "", g._count._all]));
}

/** One officer account, or a Japanese 404 (another role's account is not an officer). */
export async function findOfficer(viewer: TViewer, userId: string) {
  assertRole(viewer, "admin");
  const user = await db.user.findFirst({
    where: { id: userId, role: "PREFECTURE" },
    select: { id: true, email: true, name: true, role: true, prefectureCode: true, isActive: true, passwordHash: true },
  });
  if (!user || !user.prefectureCode) throw notFoundError("都道府県の担当者のアカウント");
  return { ...user, prefectureCode: user.prefectureCode };
}
