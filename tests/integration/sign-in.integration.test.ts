import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { authenticateWithPassword } from "@/lib/auth/sign-in";
import { THROTTLE_RULES } from "@/lib/auth/throttle-policy";

const PASSWORD = "correct-horse-battery";
const t0 = new Date("2026-01-10T09:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const ATTACKER = "198.51.100.66";
const OFFICE = "203.0.113.10";

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await db.municipality.create({ data: { code: "182079", prefectureCode: "18", name: "鯖江市" } });
  const clinic = await db.institution.create({
    data: {
      code: "1810000001",
      name: "鯖江クリニック",
      kind: "CLINIC",
      prefectureCode: "18",
      municipalityCode: "182079",
    },
  });
  await db.user.createMany({
    data: [
      { email: "officer@example.jp", name: "担当", role: "PREFECTURE", prefectureCode: "18", passwordHash },
      {
        email: "retired@example.jp",
        name: "退職",
        role: "PREFECTURE",
        prefectureCode: "18",
        passwordHash,
        isActive: false,
      },
      { email: "target@example.jp", name: "標的", role: "PREFECTURE", prefectureCode: "18", passwordHash },
      { email: "clinic@example.jp", name: "医院", role: "INSTITUTION", institutionId: clinic.id, passwordHash },
    ],
  });
  for (let i = 0; i < 30; i++) {
    await db.user.create({
      data: { email: `spray${i}@example.jp`, name: `散布${i}`, role: "PREFECTURE", prefectureCode: "18", passwordHash },
    });
  }
});

describe("authenticateWithPassword", () => {
  it("accepts the right password, whatever the e-mail's case or width", async () => {
    const result = await authenticateWithPassword("ＯＦＦＩＣＥＲ@example.jp", PASSWORD, at(0), OFFICE);
    expect(result).toMatchObject({ ok: true, user: { email: "officer@example.jp", role: "prefecture" } });
  });

  it.each([
    ["a wrong password", "officer@example.jp", "nope"],
    ["an unknown account", "nobody@example.jp", PASSWORD],
    ["a deactivated account", "retired@example.jp", PASSWORD],
  ])("refuses %s with the same answer", async (_name, email, password) => {
    expect(await authenticateWithPassword(email, password, at(1), OFFICE)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("throttling (finding 4): growing delays per account, address and pair — never a lock", () => {
  it("slows the guesser down with doubling waits, refused tries not counted", async () => {
    const outcomes = [];
    for (let i = 0; i < 6; i++)
      outcomes.push(await authenticateWithPassword("target@example.jp", "wrong", at(100 + i * 60), ATTACKER));
    // pair: 3 free, then 1 s, 2 s, 4 s
    expect(outcomes.map((o) => (o.ok ? "ok" : o.reason === "throttled" ? o.retryAfterSeconds : o.reason))).toEqual([
      "invalid",
      "invalid",
      "invalid",
      1,
      2,
      4,
    ]);
    const refused = await authenticateWithPassword("target@example.jp", "wrong", at(100 + 5 * 60 + 1), ATTACKER);
    expect(refused).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 3 });
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `pair:${ATTACKER}|target@example.jp` } });
    expect(row.failures).toBe(6);
  });

  it("lets the holder in from another address within the account's 30-second cap, and clears the account", async () => {
    for (let i = 0; i < 20; i++)
      await authenticateWithPassword("target@example.jp", "wrong", at(1_000 + i * 40), ATTACKER);
    const last = 1_000 + 19 * 40;
    const accountRow = await db.signInThrottle.findUniqueOrThrow({ where: { key: "account:target@example.jp" } });
    expect(accountRow.nextAttemptAt.getTime() - at(last).getTime()).toBeLessThanOrEqual(
      THROTTLE_RULES.account.capSeconds * 1000,
    );
    expect(await authenticateWithPassword("target@example.jp", PASSWORD, at(last + 31), OFFICE)).toMatchObject({
      ok: true,
    });
    expect(await db.signInThrottle.findUnique({ where: { key: "account:target@example.jp" } })).toBeNull();
    // …while the attacker's own pair stays slowed.
    expect(await authenticateWithPassword("target@example.jp", PASSWORD, at(last + 31), ATTACKER)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });

  it("slows one address spraying guesses over many accounts", async () => {
    const spray = "192.0.2.77";
    const results = [];
    for (let i = 0; i < 14; i++)
      results.push(await authenticateWithPassword(`spray${i}@example.jp`, "wrong", at(5_000 + i * 20), spray));
    expect(results.slice(0, 10).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.slice(10).map((r) => (!r.ok && r.reason === "throttled" ? r.retryAfterSeconds : null))).toEqual([
      1, 2, 4, 8,
    ]);
    // Another client signs in to a sprayed account at once.
    expect(await authenticateWithPassword("spray3@example.jp", PASSWORD, at(5_000 + 14 * 20), OFFICE)).toMatchObject({
      ok: true,
    });
  });
});

describe("audit of sign-in failures (finding 9)", () => {
  it("audits sign-ins, failures and throttling", async () => {
    const actions = (await db.auditEvent.findMany({ select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.login", "auth.login_failed", "auth.throttled"]));
  });

  it("files an institution user's failures under the institution's prefecture", async () => {
    await authenticateWithPassword("clinic@example.jp", "wrong", at(9_000), OFFICE);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.login_failed", actorEmail: "clinic@example.jp" },
    });
    expect(event.prefectureCode).toBe("18");
  });
});
