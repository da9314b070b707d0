import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { verifyPassword } from "./password";
import { checkThrottle, registerFailure } from "./throttle-policy";
import { normalizeEmail } from "./messages";
import { roleFromDb, type TRole } from "./roles";
import { secondFactorStep, type TSecondFactorStep } from "./second-factor-policy";

export type TAuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  sessionVersion: number;
  secondFactor: TSecondFactorStep | null;
};

export type TSignInResult =
  | { ok: true; user: TAuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * Checks e-mail and password, with throttling per account. Unknown e-mails, inactive accounts and
 * wrong passwords give the same answer in the same time, so accounts cannot be enumerated.
 */
export async function authenticateWithPassword(
  rawEmail: string,
  password: string,
  now: Date = new Date(),
): Promise<TSignInResult> {
  const email = normalizeEmail(rawEmail);
  const throttle = await db.loginThrottle.findUnique({ where: { email } });
  const check = checkThrottle(throttle, now);
  if (check.locked) return { ok: false, reason: "locked", retryAfterMinutes: check.retryAfterMinutes };

  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  const actor = user ? { userId: user.id, email: user.email, role: roleFromDb(user.role) } : null;

  if (!user || !user.isActive || !passwordMatches) {
    const next = registerFailure(throttle, now);
    await db.loginThrottle.upsert({
      where: { email },
      create: { email, ...next },
      update: next,
    });
    await recordAudit(db, actor, {
      action: next.lockedUntil ? "auth.locked" : "auth.login_failed",
      entityType: "user",
      entityId: user?.id ?? email,
      prefectureCode: user?.prefectureCode ?? null,
      summary: next.lockedUntil ? `ログイン失敗が${next.failures}回続いたためログインを一時停止` : "ログイン失敗",
    });
    const after = checkThrottle(next, now);
    return after.locked
      ? { ok: false, reason: "locked", retryAfterMinutes: after.retryAfterMinutes }
      : { ok: false, reason: "invalid" };
  }

  await db.$transaction([
    db.loginThrottle.deleteMany({ where: { email } }),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
  ]);
  const secondFactor = secondFactorStep(user);
  await recordAudit(db, actor, {
    action: "auth.login",
    entityType: "user",
    entityId: user.id,
    prefectureCode: user.prefectureCode,
    summary: secondFactor ? "パスワードを確認（続けて2段階認証）" : "ログイン",
  });
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: roleFromDb(user.role),
      sessionVersion: user.sessionVersion,
      secondFactor,
    },
  };
}
