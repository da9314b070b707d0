// The prefecture's three lists (submissions, roster, accounts) on a real database: each sorts by
// each of its columns in both directions, pages without overlap or gaps (a stable tie-breaker
// under many equal values), and never shows another prefecture's rows whatever the sort or
// filter. The world has more than one page (PAGE_SIZE 50) of 福井 institutions so paging is real.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findCycle, type TCycle } from "@/lib/data/cycles";
import { listRespondents } from "@/lib/data/review";
import { listRoster } from "@/lib/data/roster";
import { listAccounts } from "@/lib/data/accounts";
import { buildInstitutionCode } from "@/lib/domain/codes";
import {
  ACCOUNT_SORT_KEYS,
  RESPONDENT_SORT_KEYS,
  ROSTER_SORT_KEYS,
  SORT_DIRECTIONS,
  type TSortDir,
  ZAccountFilter,
  ZRespondentFilter,
  ZRosterFilter,
} from "@/lib/prefecture/filters";
// The rank itself is unit-tested (respondent-order.test.ts) with literal expected orders.
import { STATUS_RANK, effectiveDeadline, owesReport } from "@/lib/prefecture/respondent-order";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;
let fukuiCycle: TCycle;
let ishikawaInstitutionIds: Set<string>;
let ishikawaEmails: Set<string>;
const EXTRA = 64;
const DAY = 86_400_000;

beforeAll(async () => {
  world = await buildWorld();
  const municipalities = ["182010", "182079", "182095", "182028"];
  // 64 more 福井 institutions: equal kinds, municipalities and nulls in every column, so only the
  // tie-breaker decides between many rows; and names whose order no collation disputes.
  await db.institution.createMany({
    data: Array.from({ length: EXTRA }, (_, i) => ({
      code: buildInstitutionCode("18", String(900_000 + i)),
      name: `一覧テスト診療所 ${String(i).padStart(3, "0")}`,
      kind: i % 5 === 0 ? ("HOSPITAL" as const) : ("CLINIC" as const),
      beds: i % 5 === 0 ? 20 + (i % 3) * 10 : null,
      prefectureCode: "18",
      municipalityCode: municipalities[i % 4]!,
      phone: i % 3 === 0 ? null : `0776-00-${String(1000 + (i % 7)).padStart(4, "0")}`,
      contactEmail: i % 4 === 0 ? null : `list${String(i % 9).padStart(2, "0")}@example.jp`,
      isActive: i % 11 !== 0,
    })),
  });
  await db.institution.createMany({
    data: Array.from({ length: 6 }, (_, i) => ({
      code: buildInstitutionCode("17", String(900_000 + i)),
      name: `一覧テスト診療所 石川 ${i}`,
      kind: "CLINIC" as const,
      prefectureCode: "17",
      municipalityCode: "172014",
    })),
  });
  fukuiCycle = await findCycle(world.viewers.fukuiPrefecture, world.cycles.fukuiClinicCycle.id);
  const extra = await db.institution.findMany({
    where: { name: { startsWith: "一覧テスト診療所 0" } },
    orderBy: { code: "asc" },
    select: { id: true },
  });
  // Reports in every state, one reopened past the deadline, so the deadline order has something to do.
  const statuses: ("DRAFT" | "RETURNED" | "SUBMITTED" | "CONFIRMED")[] = [
    "DRAFT",
    "RETURNED",
    "SUBMITTED",
    "CONFIRMED",
  ];
  await db.submission.createMany({
    data: extra.slice(0, 20).map((inst, i) => ({
      cycleId: fukuiCycle.id,
      questionnaireVersionId: fukuiCycle.questionnaireVersionId,
      prefectureCode: "18",
      institutionId: inst.id,
      status: statuses[i % 4]!,
      revision: i % 4 === 0 ? 0 : 1,
      submittedAt: i % 4 === 0 ? null : new Date(Date.now() - (i + 1) * 3600_000),
      reopenedUntil: i === 1 ? new Date(fukuiCycle.closesAt.getTime() + 5 * DAY) : null,
    })),
  });
  // Accounts: pending, inactive and signed-in ones, and 石川's own.
  await db.user.createMany({
    data: extra.slice(0, 12).map((inst, i) => ({
      email: `list-account-${String(i).padStart(2, "0")}@example.jp`,
      name: `一覧テスト ${i}`,
      role: "INSTITUTION" as const,
      institutionId: inst.id,
      passwordHash: i % 3 === 0 ? null : "x",
      isActive: i % 4 !== 1,
      lastLoginAt: i % 2 === 0 ? null : new Date(Date.now() - i * DAY),
    })),
  });
  // Set-password links in each state (an older link first, so only the latest counts).
  const linked = await db.user.findMany({
    where: { email: { startsWith: "list-account-" } },
    orderBy: { email: "asc" },
    select: { id: true },
  });
  const now = Date.now();
  await db.passwordToken.createMany({
    data: linked.slice(0, 8).flatMap((u, i) => [
      { userId: u.id, tokenHash: `list-old-${i}`, expiresAt: new Date(now + DAY), createdAt: new Date(now - 9 * DAY) },
      {
        userId: u.id,
        tokenHash: `list-new-${i}`,
        createdAt: new Date(now - DAY),
        expiresAt: new Date(now + (i % 4 === 1 ? -1 : 7) * DAY),
        usedAt: i % 4 === 2 ? new Date(now - DAY / 2) : null,
        revokedAt: i % 4 === 3 ? new Date(now - DAY / 2) : null,
      },
    ]),
  });
  const ishikawa = await db.institution.findMany({ where: { prefectureCode: "17" }, select: { id: true } });
  ishikawaInstitutionIds = new Set(ishikawa.map((i) => i.id));
  await db.user.create({
    data: { email: "list-ishikawa@example.jp", name: "石川", role: "INSTITUTION", institutionId: ishikawa[0]!.id },
  });
  ishikawaEmails = new Set(
    (await db.user.findMany({ where: { institution: { prefectureCode: "17" } }, select: { email: true } })).map(
      (u) => u.email,
    ),
  );
});

/** Every page of a list, checking that pages neither overlap nor skip a row. */
async function allPages<T>(fetch: (page: number) => Promise<{ rows: T[]; pages: number; total: number }>) {
  const first = await fetch(1);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pages; page++) rows.push(...(await fetch(page)).rows);
  expect(rows).toHaveLength(first.total);
  return rows;
}

/** Adjacent values never go the wrong way (nulls last in both directions). */
function expectOrdered<V>(values: (V | null)[], dir: TSortDir, compare: (a: V, b: V) => number) {
  const firstNull = values.indexOf(null);
  if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
  const present = values.filter((v): v is V => v !== null);
  for (let i = 1; i < present.length; i++) {
    const step = compare(present[i - 1]!, present[i]!);
    if (dir === "asc") expect(step, `${String(present[i - 1])} → ${String(present[i])}`).toBeLessThanOrEqual(0);
    else expect(step, `${String(present[i - 1])} → ${String(present[i])}`).toBeGreaterThanOrEqual(0);
  }
}

const byNumber = (a: number, b: number) => a - b;
/** Strings are ordered by the database's collation: check only that descending mirrors ascending. */
const mirrored = <V>(asc: V[], desc: V[]) => expect(desc).toEqual([...asc].reverse());

describe("the submissions list", () => {
  const list = (sort: string, dir: TSortDir, extra: Record<string, string> = {}) =>
    allPages((page) =>
      listRespondents(
        world.viewers.fukuiPrefecture,
        fukuiCycle,
        ZRespondentFilter.parse({ sort, dir, page: String(page), ...extra }),
      ),
    );

  it.each(RESPONDENT_SORT_KEYS.flatMap((key) => SORT_DIRECTIONS.map((dir) => [key, dir] as const)))(
    "sorts by %s %s, every respondent once, none of 石川's",
    async (key, dir) => {
      const rows = await list(key, dir);
      const expected = (await list("area", "asc")).map((r) => r.respondentId).sort();
      expect(rows.map((r) => r.respondentId).sort()).toEqual(expected);
      expect(rows.length).toBeGreaterThan(50);
      expect(rows.some((r) => ishikawaInstitutionIds.has(r.respondentId))).toBe(false);
      const status = (r: (typeof rows)[number]) => STATUS_RANK[r.status];
      switch (key) {
        case "area":
          return expectOrdered(
            rows.map((r) => r.municipalityCode),
            dir,
            (a, b) => a!.localeCompare(b!),
          );
        case "code":
          return expectOrdered(
            rows.map((r) => r.code),
            dir,
            (a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0),
          );
        case "kind":
          return expectOrdered(
            rows.map((r) => (r.kindLabel === "病院" ? 0 : 1)),
            dir,
            byNumber,
          );
        case "name": {
          const other = await list(key, dir === "asc" ? "desc" : "asc");
          const names = rows.map((r) => r.name);
          if (dir === "asc")
            mirrored(
              names,
              other.map((r) => r.name),
            );
          const ours = names.filter((n) => n.startsWith("一覧テスト"));
          expect(ours).toEqual([...ours].sort((a, b) => (dir === "asc" ? 1 : -1) * (a < b ? -1 : 1)));
          return;
        }
        case "status":
          return expectOrdered(rows.map(status), dir, byNumber);
        case "updated":
          return expectOrdered(
            rows.map((r) => (r.submission?.submittedAt ?? r.submission?.updatedAt)?.getTime() ?? null),
            dir,
            byNumber,
          );
        case "deadline": {
          // Those who owe a report (by their own deadline) before those who have submitted.
          const rank = (r: (typeof rows)[number]) =>
            owesReport(r.status)
              ? effectiveDeadline(fukuiCycle.closesAt, r.submission?.reopenedUntil ?? null).getTime()
              : Number.MAX_SAFE_INTEGER - 10 + status(r);
          expectOrdered(rows.map(rank), dir, byNumber);
          const owes = rows.map((r) => owesReport(r.status));
          expect(owes[0]).toBe(dir === "asc");
          return;
        }
      }
    },
  );

  it("keeps to the filter whatever the order", async () => {
    for (const key of RESPONDENT_SORT_KEYS) {
      const rows = await list(key, "desc", { municipality: "182079", status: "NOT_STARTED" });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.municipalityCode === "182079" && r.status === "NOT_STARTED")).toBe(true);
    }
  });

  it("石川's officer sorting 福井's cycle gets nothing (the cycle is not theirs)", async () => {
    await expect(findCycle(world.viewers.ishikawaPrefecture, fukuiCycle.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Even handed 福井's cycle object, the scoped where shows only 石川's respondents: none here.
    for (const key of RESPONDENT_SORT_KEYS) {
      const rows = await listRespondents(
        world.viewers.ishikawaPrefecture,
        fukuiCycle,
        ZRespondentFilter.parse({ sort: key, dir: "desc" }),
      );
      expect(rows.rows.every((r) => ishikawaInstitutionIds.has(r.respondentId))).toBe(true);
    }
  });

  it("sorts the hubs' cycle too (clinic-only columns fall back to the name)", async () => {
    const hubCycle = await findCycle(world.viewers.fukuiPrefecture, world.cycles.fukuiHubCycle.id);
    for (const key of RESPONDENT_SORT_KEYS) {
      for (const dir of SORT_DIRECTIONS) {
        const { rows } = await listRespondents(
          world.viewers.fukuiPrefecture,
          hubCycle,
          ZRespondentFilter.parse({ sort: key, dir }),
        );
        expect(rows.map((r) => r.respondentId).sort()).toEqual(
          [world.hubs.tannanHub.id, world.hubs.fukuiHub.id].sort(),
        );
      }
    }
    const byStatus = await listRespondents(
      world.viewers.fukuiPrefecture,
      hubCycle,
      ZRespondentFilter.parse({ sort: "deadline" }),
    );
    // 福井拠点 has not started; 丹南拠点 has submitted.
    expect(byStatus.rows.map((r) => r.respondentId)).toEqual([world.hubs.fukuiHub.id, world.hubs.tannanHub.id]);
  });
});

describe("the roster", () => {
  const list = (sort: string, dir: TSortDir, extra: Record<string, string> = {}) =>
    allPages((page) =>
      listRoster(
        world.viewers.fukuiPrefecture,
        ZRosterFilter.parse({ sort, dir, active: "all", page: String(page), ...extra }),
      ),
    );

  it.each(ROSTER_SORT_KEYS.flatMap((key) => SORT_DIRECTIONS.map((dir) => [key, dir] as const)))(
    "sorts by %s %s, every institution once, none of 石川's",
    async (key, dir) => {
      const rows = await list(key, dir);
      const facts = new Map(
        (
          await db.institution.findMany({
            where: { prefectureCode: "18" },
            select: { id: true, municipalityCode: true, _count: { select: { users: true } } },
          })
        ).map((i) => [i.id, i]),
      );
      expect(rows.map((r) => r.id).sort()).toEqual([...facts.keys()].sort());
      expect(rows.some((r) => ishikawaInstitutionIds.has(r.id))).toBe(false);
      const other = await list(key, dir === "asc" ? "desc" : "asc");
      switch (key) {
        case "municipality":
          return expectOrdered(
            rows.map((r) => Number(facts.get(r.id)!.municipalityCode)),
            dir,
            byNumber,
          );
        case "code":
          return expectOrdered(
            rows.map((r) => Number(r.code)),
            dir,
            byNumber,
          );
        case "kind":
          return expectOrdered(
            rows.map((r) => (r.kind === "HOSPITAL" ? 0 : 1)),
            dir,
            byNumber,
          );
        case "accounts":
          return expectOrdered(
            rows.map((r) => r._count.users),
            dir,
            byNumber,
          );
        case "state":
          // 有効 first when ascending.
          return expectOrdered(
            rows.map((r) => (r.isActive ? 0 : 1)),
            dir,
            byNumber,
          );
        case "name":
        case "phone":
        case "email": {
          const value = (r: (typeof rows)[number]) =>
            key === "name" ? r.name : key === "phone" ? r.phone : r.contactEmail;
          const values = rows.map(value);
          // Empty values last in both directions; the rest mirror the other direction.
          expectOrdered(values, dir, () => 0);
          if (dir === "asc")
            mirrored(
              values.filter((v) => v !== null),
              other.map(value).filter((v) => v !== null),
            );
          return;
        }
      }
    },
  );

  it("keeps to the filter whatever the order", async () => {
    for (const key of ROSTER_SORT_KEYS) {
      const rows = await list(key, "desc", { kind: "HOSPITAL", active: "active" });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.kind === "HOSPITAL" && r.isActive)).toBe(true);
    }
  });

  it("石川's officer sees only 石川's roster, whatever the sort", async () => {
    for (const key of ROSTER_SORT_KEYS) {
      const { rows } = await listRoster(
        world.viewers.ishikawaPrefecture,
        ZRosterFilter.parse({ sort: key, dir: "desc", active: "all" }),
      );
      expect(rows.length).toBe(ishikawaInstitutionIds.size);
      expect(rows.every((r) => ishikawaInstitutionIds.has(r.id))).toBe(true);
    }
  });
});

describe("the accounts list", () => {
  const list = (sort: string, dir: TSortDir, extra: Record<string, string> = {}) =>
    allPages((page) =>
      listAccounts(world.viewers.fukuiPrefecture, ZAccountFilter.parse({ sort, dir, page: String(page), ...extra })),
    );

  it.each(ACCOUNT_SORT_KEYS.flatMap((key) => SORT_DIRECTIONS.map((dir) => [key, dir] as const)))(
    "sorts by %s %s, every account once, none of 石川's",
    async (key, dir) => {
      const rows = await list(key, dir);
      const expected = (await list("affiliation", "asc")).map((r) => r.id).sort();
      expect(rows.map((r) => r.id).sort()).toEqual(expected);
      expect(rows.length).toBeGreaterThan(12);
      expect(rows.some((r) => ishikawaEmails.has(r.email))).toBe(false);
      expect(rows.every((r) => ["INSTITUTION", "HUB", "COUNCIL"].includes(r.role))).toBe(true);
      switch (key) {
        case "email":
          return mirrored(
            rows.map((r) => r.email),
            (await list(key, dir === "asc" ? "desc" : "asc")).map((r) => r.email),
          );
        case "affiliation": {
          const roles = ["INSTITUTION", "HUB", "PREFECTURE", "COUNCIL", "ADMIN"];
          return expectOrdered(
            rows.map((r) => roles.indexOf(r.role)),
            dir,
            byNumber,
          );
        }
        case "state":
          return expectOrdered(
            rows.map((r) => (!r.isActive ? 2 : r.hasPassword ? 0 : 1)),
            dir,
            byNumber,
          );
        case "link": {
          // 未発行 → 期限切れ → 無効 → 有効 → 使用済み, by the latest link only.
          const rank = (l: (typeof rows)[number]["latestLink"]) =>
            !l ? 0 : l.usedAt ? 4 : l.revokedAt ? 2 : l.expiresAt <= new Date() ? 1 : 3;
          const ranks = rows.map((r) => rank(r.latestLink));
          expect(new Set(ranks).size).toBe(5);
          return expectOrdered(ranks, dir, byNumber);
        }
        case "lastLogin":
          return expectOrdered(
            rows.map((r) => r.lastLoginAt?.getTime() ?? null),
            dir,
            byNumber,
          );
      }
    },
  );

  it("keeps to the filter whatever the order, and 石川's officer never sees 福井's accounts", async () => {
    for (const key of ACCOUNT_SORT_KEYS) {
      const pending = await list(key, "desc", { state: "pending" });
      expect(pending.length).toBeGreaterThan(0);
      expect(pending.every((r) => r.isActive && !r.hasPassword)).toBe(true);
      const { rows } = await listAccounts(
        world.viewers.ishikawaPrefecture,
        ZAccountFilter.parse({ sort: key, dir: "asc" }),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => ishikawaEmails.has(r.email))).toBe(true);
    }
  });
});
