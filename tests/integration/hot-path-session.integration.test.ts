// The autosave hot path without the ORM (docs/decisions/0012): verified session tokens are
// remembered in the process, the viewer is one raw statement, hot statements go straight to the
// pg pool. None of it may weaken the session: a deactivated account, a signed-out session or a
// changed scope is refused on the very next request with the same cookie, and a remembered token
// is still checked against its expiry.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { db, hotQuery, Prisma } from "@/lib/db";
import { getAuthSecret, reloadEnv } from "@/lib/env";
import { decodeSessionClaims } from "@/lib/auth/session-token";
import { viewerFromSessionToken } from "@/lib/auth/viewer";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { actAs, callRoute, requestStore } from "@/tests/support/route-harness";

vi.mock("next/headers", () => ({ cookies: () => requestStore.cookies(), headers: () => requestStore.headers() }));

const DRAFT_ROUTE = "app/api/v1/respondent/cycles/[cycleId]/draft/route.ts";
let world: TWorld;
let userId: string;

beforeAll(async () => {
  world = await buildWorld();
  const user = await db.user.create({
    data: {
      email: `hot-path-${Date.now()}@example.jp`,
      name: "敦賀 担当",
      role: "INSTITUTION",
      institutionId: world.institutions.tsurugaClinic.id,
    },
  });
  userId = user.id;
});

const save = (draftVersion: number) =>
  callRoute(DRAFT_ROUTE, "PUT", { cycleId: world.cycles.fukuiClinicCycle.id }, "", {
    draftVersion,
    answers: { f1_notice: draftVersion % 2 === 0 },
  });

describe("a remembered session token is refused at once", () => {
  it("when the account is deactivated, its sessions are revoked or its scope changes", async () => {
    await actAs(userId);
    expect(await save(0)).toBe(200);
    expect(await save(1)).toBe(200); // the same cookie, now from the verified-token cache

    await db.user.update({ where: { id: userId }, data: { isActive: false } });
    expect(await save(2)).toBe(401);
    await db.user.update({ where: { id: userId }, data: { isActive: true } });
    expect(await save(2)).toBe(200);

    // Sign-out elsewhere / password change: every token of the old version stops working.
    await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await save(3)).toBe(401);
    await actAs(userId); // a new sign-in
    expect(await save(3)).toBe(200);

    // Scope is read per request too: moved to an institution of another prefecture, the Fukui
    // cycle is no longer theirs.
    await db.user.update({ where: { id: userId }, data: { institutionId: world.institutions.kanazawaClinic.id } });
    expect(await save(4)).toBe(404);
    await db.user.update({ where: { id: userId }, data: { institutionId: world.institutions.tsurugaClinic.id } });
    expect(await save(4)).toBe(200);

    const stored = await db.submission.findFirstOrThrow({
      where: { cycleId: world.cycles.fukuiClinicCycle.id, institutionId: world.institutions.tsurugaClinic.id },
    });
    expect(stored.draftVersion).toBe(5);
  });

  it("when it has expired, though its claims were remembered", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    const signedInAt = Math.floor(Date.now() / 1000);
    const token = await encode({
      token: { sub: userId, role: "institution", sessionVersion: user.sessionVersion, signedInAt },
      secret: getAuthSecret(),
      maxAge: 60,
    });
    expect(await viewerFromSessionToken(token)).toMatchObject({ userId });
    expect(await viewerFromSessionToken(token)).toMatchObject({ userId }); // remembered
    const afterExpiry = new Date((signedInAt + 60 + 16) * 1000);
    expect(await decodeSessionClaims(token, afterExpiry)).toBeNull();
    expect(await viewerFromSessionToken(token, afterExpiry)).toBeNull();
  });

  it("when it was tampered with (a remembered token's neighbour is not trusted)", async () => {
    const cookie = (await actAs(userId))!;
    expect(await viewerFromSessionToken(cookie)).toMatchObject({ userId });
    const at = cookie.length - 10;
    const tampered = cookie.slice(0, at) + (cookie[at] === "A" ? "B" : "A") + cookie.slice(at + 1);
    expect(await viewerFromSessionToken(tampered)).toBeNull();
  });
});

describe("hotQuery", () => {
  it("returns what db.$queryRaw returns (bigint, UTC timestamps, jsonb, booleans, nulls)", async () => {
    const at = new Date("2026-12-05T23:30:15.123Z");
    const statement = Prisma.sql`
      SELECT count(*) AS "n", ${at}::timestamp(3) AS "at", '{"a":[1,"二"]}'::jsonb AS "doc", true AS "yes",
             NULL::text AS "nothing", 7::int AS "seven", s."updatedAt", s."answers"
      FROM "Submission" s WHERE s."id" = ${world.submissions.sabaeSubmission.id}
      GROUP BY s."updatedAt", s."answers"`;
    const [viaPrisma] = await db.$queryRaw<unknown[]>(statement);
    const [viaPool] = await hotQuery<Record<string, unknown>>(statement);
    expect(viaPool).toEqual(viaPrisma);
    expect(viaPool).toMatchObject({ n: 1n, at, yes: true, nothing: null, seven: 7, doc: { a: [1, "二"] } });
    expect(viaPool!.updatedAt).toEqual(world.submissions.sabaeSubmission.updatedAt);
  });

  // Prepared once per connection on PostgreSQL; never named on PGlite, whose single session behind
  // all the pool's connections would refuse a second connection's same name.
  it("prepares its statements on PostgreSQL only, and answers the same when run again", async () => {
    const preparedHere = Prisma.sql`
      SELECT count(*) AS "n" FROM pg_prepared_statements WHERE name LIKE 'renkei_hot_%' AND ${1}::int = 1`;
    const runs = await Promise.all(Array.from({ length: 12 }, () => hotQuery<{ n: bigint }>(preparedHere)));
    for (const [row] of runs) expect(row!.n > 0n).toBe(process.env.TEST_DB === "postgres");
    const context = Prisma.sql`SELECT "id", "answers" FROM "Submission" WHERE "id" = ${world.submissions.sabaeSubmission.id}`;
    const first = await hotQuery(context);
    for (let i = 0; i < 8; i++) expect(await hotQuery(context)).toEqual(first);
  });

  it("prepares nothing when RENKEI_DB_PREPARED_STATEMENTS=false (a pooler that cannot keep them)", async () => {
    process.env.RENKEI_DB_PREPARED_STATEMENTS = "false";
    reloadEnv();
    try {
      // A text of its own: a connection that prepared it by name would list it.
      const ownName = Prisma.sql`
        SELECT count(*) AS "n" FROM pg_prepared_statements WHERE statement LIKE '%unprepared-check%' AND ${2}::int = 2`;
      const runs = await Promise.all(Array.from({ length: 12 }, () => hotQuery<{ n: bigint }>(ownName)));
      for (const [row] of runs) expect(row!.n).toBe(0n);
    } finally {
      delete process.env.RENKEI_DB_PREPARED_STATEMENTS;
      reloadEnv();
    }
  });
});
