// Time-based one-time passwords (RFC 6238) with otplib, and recovery codes. Pure apart from
// randomness: the database side (replay, throttling, storage) is in lib/services/two-factor.ts.
import { randomInt } from "node:crypto";
import { generateSecret, generateSync, generateURI, verifySync } from "otplib";

export const TOTP_ISSUER = "Renkei";
/** One step of clock drift either way (30 s), as most authenticator apps need. */
const TOLERANCE_SECONDS = 30;

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, email: string) => generateURI({ issuer: TOTP_ISSUER, label: email, secret });

export const currentTotp = (secret: string, now: Date = new Date()) =>
  generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });

/** Digits only, as typed (spaces and full-width digits from a Japanese IME are accepted). */
export const normalizeCode = (code: string) => code.normalize("NFKC").replace(/[\s-]/g, "").toLowerCase();

export const looksLikeTotp = (code: string) => /^\d{6}$/.test(normalizeCode(code));

/**
 * The time step the code belongs to, or null. A code of a step at or before `afterStep` (the last
 * one accepted) is refused, so a code cannot be used twice within its window.
 */
export function matchTotp(
  secret: string,
  code: string,
  afterStep: number | null,
  now: Date = new Date(),
): number | null {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = verifySync({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes of the form xxxxx-xxxxx (about 49 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const part = () => Array.from({ length: 5 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
  return Array.from({ length: count }, () => `${part()}-${part()}`);
}

export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{10}$/.test(normalizeCode(code));
