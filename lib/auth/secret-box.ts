// Small secrets at rest (the TOTP seeds) sealed with AES-256-GCM. The key comes from
// RENKEI_MFA_KEY, or is derived from NEXTAUTH_SECRET with HKDF when that is not set, so a stolen
// database dump alone does not yield anyone's second factor. The associated data binds a sealed
// value to its owner: a value copied onto another account does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

export function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "renkei", "renkei-secret-box-v1", 32));
}

export function seal(key: Buffer, plaintext: string, owner: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(owner, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

/** The plaintext, or null when the value was not sealed with this key for this owner. */
export function open(key: Buffer, sealed: string, owner: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(owner, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
