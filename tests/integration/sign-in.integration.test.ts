import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { authenticateWithPassword } from "@/lib/auth/sign-in";

const PASSWORD = "correct-horse-battery";
const t0 = new Date("2026-01-10T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
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
    ],
  });
});

describe("authenticateWithPassword", () => {
  it("accepts the right password, whatever the e-mail's case or width", async () => {
    const result = await authenticateWithPassword("ＯＦＦＩＣＥＲ@example.jp", PASSWORD, at(0));
    expect(result).toMatchObject({ ok: true, user: { email: "officer@example.jp", role: "prefecture" } });
  });

  it.each([
    ["a wrong password", "officer@example.jp", "nope"],
    ["an unknown account", "nobody@example.jp", PASSWORD],
    ["a deactivated account", "retired@example.jp", PASSWORD],
  ])("refuses %s with the same answer", async (_name, email, password) => {
    expect(await authenticateWithPassword(email, password, at(1))).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after five failures, even for the right password, then lets it in again", async () => {
    for (let i = 0; i < 4; i++) {
      expect(await authenticateWithPassword("target@example.jp", "wrong", at(i))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await authenticateWithPassword("target@example.jp", "wrong", at(4))).toEqual({
      ok: false,
      reason: "locked",
      retryAfterMinutes: 15,
    });
    expect(await authenticateWithPassword("target@example.jp", PASSWORD, at(10))).toEqual({
      ok: false,
      reason: "locked",
      retryAfterMinutes: 9,
    });
    expect(await authenticateWithPassword("target@example.jp", PASSWORD, at(20))).toMatchObject({ ok: true });
    expect(await db.loginThrottle.findUnique({ where: { email: "target@example.jp" } })).toBeNull();
  });

  it("audits sign-ins, failures and locks", async () => {
    const actions = (await db.auditEvent.findMany({ select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.login", "auth.login_failed", "auth.locked"]));
  });
});
