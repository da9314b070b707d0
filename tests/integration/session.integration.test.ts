// Finding 2: signing out ends the session on the server, and a session has an absolute lifetime
// however often it is renewed.
import { beforeAll, describe, expect, it } from "vitest";
import { encode, type JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { getAuthSecret } from "@/lib/env";
import { getAuthOptions, SESSION_ABSOLUTE_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { viewerFromSessionToken } from "@/lib/auth/viewer";

let userId: string;
const nowSeconds = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const user = await db.user.create({
    data: { email: "session@example.jp", name: "担当", role: "PREFECTURE", prefectureCode: "18" },
  });
  userId = user.id;
});

async function tokenFor(claims: Partial<JWT>): Promise<{ jwt: JWT; cookie: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const jwt: JWT = {
    sub: user.id,
    email: user.email,
    role: "prefecture",
    sessionVersion: user.sessionVersion,
    signedInAt: nowSeconds(),
    mfa: "totp",
    mfaPending: null,
    ...claims,
  };
  return { jwt, cookie: await encode({ token: jwt, secret: getAuthSecret() }) };
}

/** next-auth's renewal path (/api/auth/session): the jwt callback without a user. */
async function renew(token: JWT) {
  const jwt = getAuthOptions().callbacks!.jwt!;
  return jwt({ token, account: null, user: undefined as never, trigger: undefined });
}

describe("sign-out", () => {
  it("ends the session on the server: the old cookie no longer reads anything, nor renews", async () => {
    const { jwt, cookie } = await tokenFor({});
    expect(await viewerFromSessionToken(cookie)).toMatchObject({ userId, role: "prefecture" });
    await expect(renew(jwt)).resolves.toMatchObject({ sub: userId });

    await getAuthOptions().events!.signOut!({ token: jwt, session: undefined as never });

    expect(await viewerFromSessionToken(cookie)).toBeNull();
    await expect(renew(jwt)).rejects.toThrow();
    const audit = await db.auditEvent.findFirst({ where: { action: "auth.logout", entityId: userId } });
    expect(audit?.prefectureCode).toBe("18");
  });
});

describe("absolute session lifetime", () => {
  it("records the sign-in time in the token at sign-in", async () => {
    const jwt = getAuthOptions().callbacks!.jwt!;
    const user = {
      id: userId,
      email: "session@example.jp",
      name: "担当",
      role: "prefecture" as const,
      sessionVersion: 0,
      secondFactor: "verify" as const,
    };
    const token = await jwt({ token: { sub: userId }, user, account: null });
    expect(token.signedInAt).toBeGreaterThanOrEqual(nowSeconds() - 5);
    // The password step alone: the session waits for the second factor.
    expect(token).toMatchObject({ mfa: null, mfaPending: "verify" });
  });

  it("refuses a token signed in longer ago than the limit, even when renewed a minute ago", async () => {
    const old = await tokenFor({ signedInAt: nowSeconds() - SESSION_ABSOLUTE_MAX_AGE_SECONDS - 60 });
    expect(await viewerFromSessionToken(old.cookie)).toBeNull();
    await expect(renew(old.jwt)).rejects.toThrow();

    const recent = await tokenFor({ signedInAt: nowSeconds() - SESSION_ABSOLUTE_MAX_AGE_SECONDS + 600 });
    expect(await viewerFromSessionToken(recent.cookie)).toMatchObject({ userId });
  });

  it("refuses a token without a sign-in time (issued before the rule)", async () => {
    const { cookie } = await tokenFor({ signedInAt: undefined });
    expect(await viewerFromSessionToken(cookie)).toBeNull();
  });
});

describe("second factor in the session (ADR 0015)", () => {
  it("reads nobody from a session still waiting for its second factor, or an officer's without one", async () => {
    expect(await viewerFromSessionToken((await tokenFor({ mfa: null, mfaPending: "verify" })).cookie)).toBeNull();
    expect(await viewerFromSessionToken((await tokenFor({ mfa: null, mfaPending: null })).cookie)).toBeNull();
  });

  it("keeps the absolute lifetime for a session that passed its second factor later", async () => {
    // The sign-in time is the password step's; passing the code does not restart the clock.
    const { cookie } = await tokenFor({ signedInAt: nowSeconds() - SESSION_ABSOLUTE_MAX_AGE_SECONDS - 60 });
    expect(await viewerFromSessionToken(cookie)).toBeNull();
  });

  it("renews a pending session only while it is current, keeping it pending", async () => {
    const { jwt } = await tokenFor({ mfa: null, mfaPending: "enrol" });
    await expect(renew(jwt)).resolves.toMatchObject({ mfaPending: "enrol", mfa: null });
  });
});
