// The second factor on a real database: enrolment, codes that work once (TOTP per time step,
// recovery codes), throttling, resets by the higher role only, and the holder told by mail
// (a real SMTP server started by the test).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateWithPassword } from "@/lib/auth/sign-in";
import { currentTotp } from "@/lib/auth/totp";
import {
  confirmEnrolment,
  disableSecondFactor,
  prepareEnrolment,
  regenerateRecoveryCodes,
  resetSecondFactor,
  verifySecondFactor,
} from "@/lib/services/two-factor";
import { buildWorld, WORLD_PASSWORD, type TWorld } from "@/tests/factories/world";
import { startTestSmtp, type TTestSmtp } from "@/tests/support/smtp";

let world: TWorld;
let smtp: TTestSmtp;
/** The officer's enrolment, made in one test and used by the next. */
let officerEnrolment: { secret: string; recoveryCodes: string[] };
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
const t0 = new Date("2027-01-15T00:00:10Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

beforeAll(async () => {
  world = await buildWorld();
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

async function enrol(user: { id: string; email: string }, now = t0) {
  const enrolment = await prepareEnrolment({ userId: user.id, email: user.email });
  const result = await confirmEnrolment(
    user.id,
    { sealed: enrolment.sealed, code: currentTotp(enrolment.secret, now) },
    { now, transport: smtp.transport },
  );
  return { ...enrolment, ...result };
}

describe("second factor", () => {
  it("is required after the password for officers and administrators, not for others until they enrol", async () => {
    const officer = await authenticateWithPassword(world.users.fukuiPrefecture.email, WORLD_PASSWORD);
    const admin = await authenticateWithPassword(world.users.admin.email, WORLD_PASSWORD);
    const clinic = await authenticateWithPassword(world.users.sabaeClinic.email, WORLD_PASSWORD);
    expect(officer.ok && officer.user.secondFactor).toBe("enrol");
    expect(admin.ok && admin.user.secondFactor).toBe("enrol");
    expect(clinic.ok && clinic.user.secondFactor).toBe(null);
  });

  it("enrols with a first code, stores the secret sealed and the recovery codes hashed, ends other sessions", async () => {
    const officer = world.users.fukuiPrefecture;
    const enrolment = await prepareEnrolment({ userId: officer.id, email: officer.email });
    expect(enrolment.qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrSvgDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");
    // Nothing is stored before the first code; a wrong code stores nothing.
    expect((await db.user.findUniqueOrThrow({ where: { id: officer.id } })).totpSecret).toBeNull();
    expect(
      await errorOf(confirmEnrolment(officer.id, { sealed: enrolment.sealed, code: "000000" }, { now: t0 })),
    ).toMatchObject({ code: "INVALID_INPUT" });
    // A sealed secret made for another account does not open for this one.
    const other = await prepareEnrolment({ userId: world.users.admin.id, email: world.users.admin.email });
    expect(
      await errorOf(
        confirmEnrolment(officer.id, { sealed: other.sealed, code: currentTotp(other.secret, t0) }, { now: t0 }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });

    const result = await confirmEnrolment(
      officer.id,
      { sealed: enrolment.sealed, code: currentTotp(enrolment.secret, t0) },
      { now: t0, transport: smtp.transport },
    );
    expect(result.recoveryCodes).toHaveLength(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: officer.id } });
    expect(stored.totpSecret).not.toContain(enrolment.secret);
    expect(stored.sessionVersion).toBe(officer.sessionVersion + 1);
    expect(result.sessionVersion).toBe(stored.sessionVersion);
    const hashes = await db.recoveryCode.findMany({ where: { userId: officer.id } });
    expect(hashes).toHaveLength(10);
    expect(hashes.every((h) => h.codeHash.startsWith("$argon2id$"))).toBe(true);
    const signIn = await authenticateWithPassword(officer.email, WORLD_PASSWORD);
    expect(signIn.ok && signIn.user.secondFactor).toBe("verify");

    const [notice] = await smtp.waitFor(officer.email);
    expect(notice!.text).toContain("2段階認証（認証アプリ）が設定されました。");
    officerEnrolment = { secret: enrolment.secret, recoveryCodes: result.recoveryCodes };
  });

  it("accepts a TOTP code once per time step, and a recovery code once", async () => {
    const officer = world.users.fukuiPrefecture;
    const { secret, recoveryCodes } = officerEnrolment;
    // The enrolment used step t0; the same code is refused, the next step's code works once.
    expect(await errorOf(verifySecondFactor(officer.id, currentTotp(secret, t0), { now: at(5) }))).toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await verifySecondFactor(officer.id, currentTotp(secret, at(30)), { now: at(31) })).toBe("totp");
    expect(await errorOf(verifySecondFactor(officer.id, currentTotp(secret, at(30)), { now: at(35) }))).toMatchObject({
      code: "INVALID_INPUT",
    });

    const code = recoveryCodes[0]!;
    expect(await verifySecondFactor(officer.id, code.toUpperCase(), { now: at(40), transport: smtp.transport })).toBe(
      "recovery",
    );
    expect(await errorOf(verifySecondFactor(officer.id, code, { now: at(41) }))).toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await db.recoveryCode.count({ where: { userId: officer.id, usedAt: null } })).toBe(9);
    const mails = await smtp.waitFor(officer.email, 2);
    expect(mails[1]!.text).toContain("回復コードを使ってログインしました。");
    const actions = (await db.auditEvent.findMany({ where: { entityId: officer.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["auth.second_factor", "auth.second_factor_failed"]));
  });

  it("slows code entry after five wrong codes in a row (per account), with a Japanese message", async () => {
    const admin = world.users.admin;
    const { secret } = await enrol(admin);
    const wrong = async () => errorOf(verifySecondFactor(admin.id, "123456", { now: at(60) }));
    for (let i = 0; i < 4; i++) expect(await wrong()).toMatchObject({ code: "INVALID_INPUT" });
    expect(await wrong()).toMatchObject({ code: "INVALID_INPUT" });
    // Even the right code waits (the fifth wrong one set a wait), and is not checked meanwhile.
    expect(await errorOf(verifySecondFactor(admin.id, currentTotp(secret, at(60)), { now: at(60) }))).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("1秒後にもう一度お試しください"),
    });
    expect(await db.signInThrottle.findUnique({ where: { key: `2fa:${admin.id}` } })).toMatchObject({
      scope: "second_factor",
      failures: 5,
    });
    const actions = (await db.auditEvent.findMany({ where: { entityId: admin.id } })).map((e) => e.action);
    expect(actions).toContain("auth.second_factor_throttled");
    // After the wait the right code signs in and the count is forgotten.
    expect(await verifySecondFactor(admin.id, currentTotp(secret, at(16 * 60)), { now: at(16 * 60) })).toBe("totp");
    expect(await db.signInThrottle.findUnique({ where: { key: `2fa:${admin.id}` } })).toBeNull();
  });

  it("can be reset by the higher role only, ending the holder's sessions, audited, the holder told", async () => {
    const officer = world.users.fukuiPrefecture;
    const clinic = world.users.sabaeClinic;
    await enrol(clinic);
    // Not by another prefecture, a peer, or a lower role.
    for (const key of ["ishikawaPrefecture", "tannanCouncil", "sabaeClinic"] as const) {
      expect(await errorOf(resetSecondFactor(world.viewers[key], clinic.id))).toMatchObject({
        code: key === "ishikawaPrefecture" ? "NOT_FOUND" : "FORBIDDEN",
      });
    }
    expect(await errorOf(resetSecondFactor(world.viewers.ishikawaPrefecture, officer.id))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await errorOf(resetSecondFactor(world.viewers.admin, clinic.id))).toMatchObject({ code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: clinic.id } })).totpEnabledAt).not.toBeNull();

    const before = await db.user.findUniqueOrThrow({ where: { id: clinic.id } });
    await resetSecondFactor(world.viewers.fukuiPrefecture, clinic.id, { transport: smtp.transport });
    const after = await db.user.findUniqueOrThrow({ where: { id: clinic.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: before.sessionVersion + 1 });
    expect(await db.recoveryCode.count({ where: { userId: clinic.id } })).toBe(0);
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { action: "account.two_factor_reset", entityId: clinic.id } }),
    ).toMatchObject({ actorId: officer.id, prefectureCode: "18" });
    const mails = await smtp.waitFor(clinic.email, 2);
    expect(mails.at(-1)!.text).toContain("2段階認証が管理者によってリセットされました。");
    expect(mails.at(-1)!.text).toContain(`操作した人: ${officer.email}`);

    await resetSecondFactor(world.viewers.admin, officer.id, { transport: smtp.transport });
    const signIn = await authenticateWithPassword(officer.email, WORLD_PASSWORD);
    expect(signIn.ok && signIn.user.secondFactor).toBe("enrol");
  });

  it("may be turned off by a respondent (with a code), never by an officer; recovery codes can be renewed", async () => {
    const hub = world.users.tannanHub;
    const { secret, recoveryCodes } = await enrol(hub);
    const fresh = await regenerateRecoveryCodes(world.viewers.tannanHub, currentTotp(secret, at(30)), { now: at(31) });
    expect(fresh).toHaveLength(10);
    expect(await errorOf(verifySecondFactor(hub.id, recoveryCodes[1]!, { now: at(40) }))).toMatchObject({
      code: "INVALID_INPUT",
    });
    await disableSecondFactor(world.viewers.tannanHub, fresh[0]!, { now: at(50) });
    expect((await db.user.findUniqueOrThrow({ where: { id: hub.id } })).totpEnabledAt).toBeNull();
    expect(await errorOf(disableSecondFactor(world.viewers.fukuiPrefecture, "123456"))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
