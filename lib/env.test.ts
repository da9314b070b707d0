import { describe, expect, it } from "vitest";
import { MIN_AUTH_SECRET_LENGTH, parseEnv } from "./env";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/renkei" };

describe("parseEnv (finding 10: production without NEXTAUTH_SECRET)", () => {
  it("refuses to start in production without a secret, naming the variable and the length", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(
      /NEXTAUTH_SECRET が設定されていません.*32 文字以上/,
    );
  });

  it("takes the same length in validation as in the message", () => {
    expect(MIN_AUTH_SECRET_LENGTH).toBe(32);
    expect(() => parseEnv({ ...base, NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(31) })).toThrow(
      /NEXTAUTH_SECRET は 32 文字以上/,
    );
    expect(parseEnv({ ...base, NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) }).NEXTAUTH_SECRET).toHaveLength(
      32,
    );
  });

  it("lets `next build` (production mode, nothing signed) run without one", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("lets development run without a secret", () => {
    expect(parseEnv({ ...base, NODE_ENV: "development" }).NEXTAUTH_SECRET).toBeUndefined();
  });
});
