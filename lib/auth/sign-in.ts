import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/services/audit";
import { verifyPassword } from "./password";
import { checkSignInThrottle, clearSignInThrottle, pruneSignInThrottle, recordSignInFailure } from "./throttle-store";
import { normalizeEmail } from "./messages";
import { UNKNOWN_ADDRESS } from "./throttle-policy";
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
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks e-mail and password, with throttling by account, client address, both together and
 * globally (lib/auth/throttle-policy.ts). Unknown e-mails, inactive accounts and wrong passwords
 * give the same answer in the same time, so accounts cannot be enumerated; a throttled attempt
 * is answered before any password is checked.
 */
export async function authenticateWithPassword(
  rawEmail: string,
  password: string,
  now: Date = new Date(),
  address: string = UNKNOWN_ADDRESS,
): Promise<TSignInResult> {
  const email = normalizeEmail(rawEmail);
  const verdict = await checkSignInThrottle(email, address, now);
  if (!verdict.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    include: { institution: { select: { prefectureCode: true } }, hub: { select: { prefectureCode: true } } },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  const actor = user ? { userId: user.id, email: user.email, role: roleFromDb(user.role) } : null;
  // Institution and hub users have no prefecture of their own: their events belong to the
  // prefecture of their institution or hub, so that prefecture's audit log shows them.
  const prefectureCode = user
    ? (user.prefectureCode ?? user.institution?.prefectureCode ?? user.hub?.prefectureCode ?? null)
    : null;

  if (!user || !user.isActive || !passwordMatches) {
    const { retryAfterSeconds, failures } = await recordSignInFailure(email, address, now);
    // One failure in fifty also clears expired rows, so the table stays small without a cron job.
    if (failures.global % 50 === 0) await pruneSignInThrottle(now);
    await recordAudit(db, actor, {
      action: retryAfterSeconds > 0 ? "auth.throttled" : "auth.login_failed",
      entityType: "user",
      entityId: user?.id ?? email,
      prefectureCode,
      summary:
        retryAfterSeconds > 0
          ? `ログイン失敗（続いているため次の試行まで${retryAfterSeconds}秒待機、接続元 ${address}）`
          : `ログイン失敗（接続元 ${address}）`,
    });
    return retryAfterSeconds > 0
      ? { ok: false, reason: "throttled", retryAfterSeconds }
      : { ok: false, reason: "invalid" };
  }

  await clearSignInThrottle(email, address);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  const secondFactor = secondFactorStep(user);
  await recordAudit(db, actor, {
    action: "auth.login",
    entityType: "user",
    entityId: user.id,
    prefectureCode,
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
