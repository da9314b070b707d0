import { describe, expect, it } from "vitest";
import { currentTotp, matchTotp, newRecoveryCodes, newTotpSecret, normalizeCode, totpUri } from "./totp";
import { deriveKey, open, seal } from "./secret-box";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const t0 = new Date("2027-01-15T00:00:00Z");
const plus = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("TOTP", () => {
  it("accepts the current code and one step of drift either way, not more", () => {
    expect(matchTotp(secret, currentTotp(secret, t0), null, t0)).toBe(Math.floor(t0.getTime() / 30_000));
    expect(matchTotp(secret, currentTotp(secret, plus(-30)), null, t0)).not.toBeNull();
    expect(matchTotp(secret, currentTotp(secret, plus(30)), null, t0)).not.toBeNull();
    expect(matchTotp(secret, currentTotp(secret, plus(-90)), null, t0)).toBeNull();
  });

  it("refuses a code of a step already used (no replay within the window)", () => {
    const step = matchTotp(secret, currentTotp(secret, t0), null, t0)!;
    expect(matchTotp(secret, currentTotp(secret, t0), step, plus(10))).toBeNull();
    expect(matchTotp(secret, currentTotp(secret, plus(30)), step, plus(30))).toBe(step + 1);
  });

  it("reads codes typed with spaces or full-width digits", () => {
    const code = currentTotp(secret, t0);
    const wide = `${code.slice(0, 3)} ${code.slice(3)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(matchTotp(secret, wide, null, t0)).not.toBeNull();
    expect(matchTotp(secret, "12345", null, t0)).toBeNull();
    expect(matchTotp(secret, "abcdef", null, t0)).toBeNull();
  });

  it("makes secrets and an otpauth URI an authenticator app reads", () => {
    const fresh = newTotpSecret();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(fresh, "pref@example.jp")).toMatch(/^otpauth:\/\/totp\/Renkei:pref%40example\.jp\?secret=[A-Z2-7]+/);
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(normalizeCode("ＡＢＣＤＥ－ｆｇｈｊｋ")).toBe("abcdefghjk");
  });
});

describe("secret box", () => {
  const key = deriveKey("a-session-secret-of-enough-length");
  it("opens what it sealed for the same owner only, with the same key only", () => {
    const sealed = seal(key, secret, "user-1");
    expect(sealed).not.toContain(secret);
    expect(open(key, sealed, "user-1")).toBe(secret);
    expect(open(key, sealed, "user-2")).toBeNull();
    expect(open(deriveKey("another-secret-of-enough-length"), sealed, "user-1")).toBeNull();
    expect(open(key, "v1.x.y", "user-1")).toBeNull();
  });
});
