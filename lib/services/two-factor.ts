import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { AppError, notFoundError } from "@/lib/errors";
import { auditRow, type TAuditActor } from "@/lib/services/audit";
import { managedUserWhere } from "@/lib/data/accounts";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { roleFromDb } from "@/lib/auth/roles";
import { secondFactorRequired, type TSecondFactorMethod } from "@/lib/auth/second-factor-policy";
import { open, seal } from "@/lib/auth/secret-box";
import { mfaBoxKey } from "@/lib/auth/mfa-key";
import {
  looksLikeRecoveryCode,
  looksLikeTotp,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeCode,
  totpUri,
} from "@/lib/auth/totp";
import { checkAttempt, clearAttempts, countAttempt } from "@/lib/auth/throttle-store";
import { waitLabel } from "@/lib/auth/messages";
import type { TViewer } from "@/lib/auth/viewer-types";
import type { TMailTransport } from "./mailer";
import { notifyHolder } from "./security-notice";

// Second factor (TOTP with recovery codes; docs/decisions/0015-two-factor.md). Required for
// prefecture officers and the national administrator, offered to everyone else. The secret is
// sealed at rest, recovery codes are stored as argon2id hashes and work once, a TOTP code is
// refused for a time step already used, and wrong codes are throttled per account.

export const sealTotpSecret = (secret: string, userId: string) => seal(mfaBoxKey(), secret, `totp:${userId}`);
const openTotpSecret = (sealed: string, userId: string) => open(mfaBoxKey(), sealed, `totp:${userId}`);

const WRONG_CODE =
  "確認コードが正しくありません。認証アプリに表示されている6桁の数字（または回復コード）を入力してください。";
const wrongCode = () => new AppError("INVALID_INPUT", WRONG_CODE, { code: [WRONG_CODE] });

async function assertNotThrottled(userId: string, now: Date) {
  const check = await checkAttempt("second_factor", userId, now);
  if (!check.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `確認コードの誤りが続いたため、次の入力まで少しお待ちいただいています。${waitLabel(check.retryAfterSeconds)}後にもう一度お試しください。`,
    );
  }
}

/** The clock and the mail transport, both replaceable in tests. */
type TCodeOptions = { now?: Date; transport?: TMailTransport | null };

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  prefectureCode: true,
  totpSecret: true,
  totpEnabledAt: true,
  totpLastStep: true,
  sessionVersion: true,
  institution: { select: { prefectureCode: true } },
  hub: { select: { prefectureCode: true } },
} as const;

async function loadUser(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: userSelect });
  if (!user) throw notFoundError("アカウント");
  const prefectureCode = user.prefectureCode ?? user.institution?.prefectureCode ?? user.hub?.prefectureCode ?? null;
  const actor: TAuditActor = { userId: user.id, email: user.email, role: roleFromDb(user.role) };
  return { ...user, prefectureCode, actor };
}
type TUser = Awaited<ReturnType<typeof loadUser>>;

const holderOf = (u: TUser) => ({ id: u.id, email: u.email, name: u.name, prefectureCode: u.prefectureCode });

// ---- Enrolment ----------------------------------------------------------------------------------

export type TEnrolment = { secret: string; sealed: string; uri: string; qrSvgDataUrl: string };

/**
 * A fresh secret to show (QR code and text). Nothing is stored yet: the secret travels sealed
 * for this user in the form and is saved only when a first code proves the app has it.
 */
export async function prepareEnrolment(user: { userId: string; email: string }): Promise<TEnrolment> {
  const secret = newTotpSecret();
  const uri = totpUri(secret, user.email);
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return {
    secret,
    sealed: sealTotpSecret(secret, user.userId),
    uri,
    qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/** Confirms an enrolment with a first code: stores the secret, makes recovery codes, ends other sessions. */
export async function confirmEnrolment(
  userId: string,
  input: { sealed: string; code: string },
  options: TCodeOptions = {},
): Promise<{ recoveryCodes: string[]; sessionVersion: number }> {
  const now = options.now ?? new Date();
  const user = await loadUser(userId);
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "2段階認証はすでに設定されています。");
  await assertNotThrottled(userId, now);
  const secret = openTotpSecret(input.sealed, userId);
  if (!secret)
    throw new AppError("INVALID_INPUT", "設定の有効期限が切れました。画面を読み込み直して、もう一度設定してください。");
  const step = matchTotp(secret, input.code, null, now);
  if (step === null) {
    await countAttempt("second_factor", userId, now);
    throw wrongCode();
  }
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map((c) => hashPassword(normalizeCode(c))));
  const sessionVersion = await db.$transaction(async (tx) => {
    // Only if still not enrolled (two tabs confirming at once enrol once).
    const claimed = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpSecret: input.sealed, totpEnabledAt: now, totpLastStep: step, sessionVersion: { increment: 1 } },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "2段階認証はすでに設定されています。");
    await replaceRecoveryCodes(tx, userId, hashes);
    await tx.auditEvent.create({
      data: auditRow(user.actor, {
        action: "account.two_factor_enabled",
        entityType: "user",
        entityId: userId,
        prefectureCode: user.prefectureCode,
        summary: "2段階認証（認証アプリ）を設定",
      }),
    });
    return (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } }))
      .sessionVersion;
  });
  await clearAttempts("second_factor", userId);
  await notifyHolder(holderOf(user), "two_factor_enabled", { at: now, transport: options.transport });
  return { recoveryCodes, sessionVersion };
}

async function replaceRecoveryCodes(
  tx: Pick<typeof db, "recoveryCode">,
  userId: string,
  hashes: string[],
): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
}

// ---- Checking a code ----------------------------------------------------------------------------

/** Accepts a TOTP code of a step after the last one used, or an unused recovery code (once). */
async function acceptCode(user: TUser, code: string, now: Date): Promise<TSecondFactorMethod | null> {
  if (!user.totpEnabledAt || !user.totpSecret) return null;
  const secret = openTotpSecret(user.totpSecret, user.id);
  if (!secret) {
    throw new AppError(
      "CONFLICT",
      "2段階認証の設定を読み取れません。都道府県の担当者（都道府県の方は全国管理者）にリセットを依頼してください。",
    );
  }
  if (looksLikeTotp(code)) {
    const step = matchTotp(secret, code, user.totpLastStep, now);
    if (step === null) return null;
    // The step is claimed in the update's condition, so two requests with one code accept one.
    const claimed = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1 ? "totp" : null;
  }
  if (looksLikeRecoveryCode(code)) {
    const unused = await db.recoveryCode.findMany({ where: { userId: user.id, usedAt: null } });
    for (const candidate of unused) {
      if (!(await verifyPassword(candidate.codeHash, normalizeCode(code)))) continue;
      const claimed = await db.recoveryCode.updateMany({
        where: { id: candidate.id, usedAt: null },
        data: { usedAt: now },
      });
      return claimed.count === 1 ? "recovery" : null;
    }
  }
  return null;
}

/** Checks a code, throttled; a wrong code is counted and audited. */
async function checkCode(user: TUser, code: string, now: Date, purpose: string): Promise<TSecondFactorMethod> {
  await assertNotThrottled(user.id, now);
  const method = await acceptCode(user, code, now);
  if (!method) {
    const waitSeconds = await countAttempt("second_factor", user.id, now);
    await db.auditEvent.create({
      data: auditRow(user.actor, {
        action: waitSeconds > 0 ? "auth.second_factor_throttled" : "auth.second_factor_failed",
        entityType: "user",
        entityId: user.id,
        prefectureCode: user.prefectureCode,
        summary:
          waitSeconds > 0
            ? `確認コードの誤り（${purpose}、続いているため次の入力まで${waitSeconds}秒待機）`
            : `確認コードの誤り（${purpose}）`,
      }),
    });
    throw wrongCode();
  }
  await clearAttempts("second_factor", user.id);
  return method;
}

/** The second step of a sign-in. Returns how the person proved it (recorded in the session). */
export async function verifySecondFactor(
  userId: string,
  code: string,
  options: TCodeOptions = {},
): Promise<TSecondFactorMethod> {
  const now = options.now ?? new Date();
  const user = await loadUser(userId);
  const method = await checkCode(user, code, now, "ログイン");
  const remaining =
    method === "recovery" ? await db.recoveryCode.count({ where: { userId, usedAt: null } }) : undefined;
  await db.auditEvent.create({
    data: auditRow(user.actor, {
      action: "auth.second_factor",
      entityType: "user",
      entityId: userId,
      prefectureCode: user.prefectureCode,
      summary: method === "totp" ? "2段階認証（認証アプリ）" : `2段階認証（回復コードを使用、残り${remaining ?? 0}個）`,
    }),
  });
  if (method === "recovery")
    await notifyHolder(holderOf(user), "recovery_code_used", { at: now, transport: options.transport });
  return method;
}

// ---- Settings -----------------------------------------------------------------------------------

export async function secondFactorStatus(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, totpEnabledAt: true } });
  if (!user) throw notFoundError("アカウント");
  const remaining = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return {
    enabledAt: user.totpEnabledAt,
    required: secondFactorRequired(roleFromDb(user.role)),
    recoveryCodesLeft: remaining,
  };
}

/** New recovery codes (the old ones stop working), after a current code. */
export async function regenerateRecoveryCodes(
  viewer: TViewer,
  code: string,
  options: TCodeOptions = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const user = await loadUser(requireUserId(viewer));
  await checkCode(user, code, now, "回復コードの再作成");
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map((c) => hashPassword(normalizeCode(c))));
  await db.$transaction(async (tx) => {
    await replaceRecoveryCodes(tx, user.id, hashes);
    await tx.auditEvent.create({
      data: auditRow(user.actor, {
        action: "account.recovery_codes_regenerated",
        entityType: "user",
        entityId: user.id,
        prefectureCode: user.prefectureCode,
        summary: "2段階認証の回復コードを作り直した",
      }),
    });
  });
  await notifyHolder(holderOf(user), "recovery_codes_regenerated", { at: now, transport: options.transport });
  return recoveryCodes;
}

/** Turns the second factor off, after a current code; not for the roles that require it. */
export async function disableSecondFactor(viewer: TViewer, code: string, options: TCodeOptions = {}): Promise<void> {
  if (secondFactorRequired(viewer.role)) {
    throw new AppError("FORBIDDEN", "都道府県・全国管理者のアカウントでは2段階認証を解除できません。");
  }
  const now = options.now ?? new Date();
  const user = await loadUser(requireUserId(viewer));
  await checkCode(user, code, now, "2段階認証の解除");
  // The holder's own session goes on (they just proved a code); a reset by someone else ends them.
  await clearSecondFactor(user, user.actor, "account.two_factor_disabled", "2段階認証を解除", false);
  await notifyHolder(holderOf(user), "two_factor_disabled", { at: now, transport: options.transport });
}

/**
 * A higher role resets someone's second factor (lost phone and codes): a prefecture officer for
 * the respondents and council members it manages, the national administrator for prefecture
 * officers. Ends the holder's sessions; they enrol again at their next sign-in. Audited; the
 * holder is told by mail.
 */
export async function resetSecondFactor(
  viewer: TViewer,
  targetUserId: string,
  options: { transport?: TMailTransport | null } = {},
): Promise<void> {
  if (viewer.role !== "prefecture" && viewer.role !== "admin")
    throw new AppError("FORBIDDEN", "この操作を行う権限がありません。");
  const target = await db.user.findFirst({
    where: {
      AND: [{ id: targetUserId }, viewer.role === "prefecture" ? managedUserWhere(viewer) : { role: "PREFECTURE" }],
    },
    select: { id: true },
  });
  if (!target) throw notFoundError("アカウント");
  const user = await loadUser(target.id);
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", "このアカウントは2段階認証を設定していません。");
  const actor: TAuditActor = { userId: viewer.userId, email: viewer.email, role: viewer.role };
  await clearSecondFactor(user, actor, "account.two_factor_reset", `${user.email} の2段階認証をリセット`);
  await notifyHolder(holderOf(user), "two_factor_reset", { byWhom: viewer.email, transport: options.transport });
}

async function clearSecondFactor(user: TUser, actor: TAuditActor, action: string, summary: string, endSessions = true) {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        ...(endSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.auditEvent.create({
      data: auditRow(actor, {
        action,
        entityType: "user",
        entityId: user.id,
        prefectureCode: user.prefectureCode,
        summary,
        before: { twoFactor: true },
        after: { twoFactor: false },
      }),
    });
  });
}

function requireUserId(viewer: TViewer): string {
  if (!viewer.userId) throw new AppError("FORBIDDEN", "この操作を行う権限がありません。");
  return viewer.userId;
}
