import "server-only";
import { cookies } from "next/headers";
import { decode, encode, type JWT } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS, epochSeconds, isWithinAbsoluteLifetime } from "./session-policy";

// The session cookie next-auth sets (with the __Secure- prefix on https), possibly split into
// .0, .1, … chunks when large. Reading it directly avoids running next-auth's whole session
// handler on every request (the autosave path is hot).
const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

type TCookieReader = {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
};

async function readSessionCookie(): Promise<{ name: string; value: string } | null> {
  return sessionCookieOf(await cookies());
}

/** The session cookie among a request's cookies: next/headers' store, or a Cookie header parsed. */
export function sessionCookieOf(store: TCookieReader): { name: string; value: string } | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = store.get(name)?.value;
    if (whole) return { name, value: whole };
    const chunks = store
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length > 0) return { name, value: chunks.map((c) => c.value).join("") };
  }
  return null;
}

/**
 * A session token's claims, verified (encryption and expiry) by next-auth's own decoder, or null
 * when the token is invalid, expired, or older than the absolute session lifetime (counted from
 * the password step, docs/decisions/0014). Revocation (sessionVersion) is the caller's check,
 * against the database.
 */
export async function decodeSessionClaims(token: string, now = new Date()): Promise<JWT | null> {
  const secret = getAuthSecret();
  let claims: JWT | null | undefined = verifiedClaims(token, secret);
  if (claims === undefined) {
    claims = await decode({ token, secret }).catch(() => null);
    if (claims) rememberVerified(token, secret, claims);
  }
  return claims && notExpired(claims, now) && isWithinAbsoluteLifetime(claims.signedInAt, now) ? claims : null;
}

// Decrypting a session token (next-auth: an HKDF key derivation, then AES-GCM) on every autosave
// cost more CPU than the write itself. A token is an authenticated ciphertext, so the same string
// always decrypts to the same claims: the claims of tokens already verified are remembered,
// keyed by the whole token string (and the secret), and only the time checks run again. Nothing
// about the account is cached here — revocation, deactivation and scope are read from the
// database on every request (lib/auth/viewer.ts). Bounded: oldest entries leave first.
const VERIFIED_TOKENS_MAX = 10_000;
const verifiedTokens = new Map<string, { secret: string; claims: JWT }>();

function verifiedClaims(token: string, secret: string): JWT | undefined {
  const entry = verifiedTokens.get(token);
  return entry && entry.secret === secret ? entry.claims : undefined;
}

function rememberVerified(token: string, secret: string, claims: JWT) {
  if (verifiedTokens.size >= VERIFIED_TOKENS_MAX) {
    const oldest = verifiedTokens.keys().next().value;
    if (oldest !== undefined) verifiedTokens.delete(oldest);
  }
  verifiedTokens.set(token, { secret, claims: Object.freeze({ ...claims }) });
}

/** The expiry check next-auth's decoder makes (jose, with its 15 s clock tolerance). */
function notExpired(claims: JWT, now: Date): boolean {
  const exp = (claims as { exp?: unknown }).exp;
  return typeof exp === "number" && exp > epochSeconds(now) - 15;
}

/** The current request's session claims (see decodeSessionClaims). */
export async function readSessionClaims(now = new Date()): Promise<JWT | null> {
  const cookie = await readSessionCookie();
  return cookie ? decodeSessionClaims(cookie.value, now) : null;
}

/**
 * Rewrites the session cookie with changed claims (the second factor passed, a new session
 * version after enrolling). Only from server actions and route handlers, where cookies can be
 * set. Keeps the cookie's name and so its https prefix; the sign-in time is kept as it was.
 */
export async function rewriteSessionClaims(changes: Partial<JWT>): Promise<void> {
  const cookie = await readSessionCookie();
  const claims = cookie ? await decodeSessionClaims(cookie.value) : null;
  if (!cookie || !claims) throw new Error("no session to rewrite");
  const { exp: _exp, iat: _iat, jti: _jti, ...rest } = claims as JWT & { exp?: number; iat?: number; jti?: string };
  const token = await encode({
    token: { ...rest, ...changes },
    secret: getAuthSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const store = await cookies();
  for (const c of store.getAll()) if (c.name.startsWith(`${cookie.name}.`)) store.delete(c.name);
  store.set(cookie.name, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookie.name.startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
