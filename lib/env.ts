// The only reader of process.env in app code: every setting is validated here once, with a
// Japanese message naming what is missing.
import { z } from "zod";
import { resolveDatabaseUrl } from "./database-url";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Public base URL used in e-mails and one-time links (defaults to NEXTAUTH_URL). */
  RENKEI_PUBLIC_URL: z.url().optional(),
  /** Key for the second-factor secrets at rest; derived from NEXTAUTH_SECRET when not set (0015). */
  RENKEI_MFA_KEY: z.string().min(32).optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  SMTP_SECURE: z.enum(["true", "false"]).optional(),
});

export type TEnv = z.infer<typeof ZEnv> & { usesEmbeddedDefault: boolean };

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (cached) return cached;
  const raw = { ...process.env, DATABASE_URL: resolveDatabaseUrl(process.env) };
  const parsed = ZEnv.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`環境変数の設定が正しくありません: ${fields}`);
  }
  cached = { ...parsed.data, usesEmbeddedDefault: !process.env.DATABASE_URL?.trim() };
  return cached;
}

/** The secret that signs session tokens. Production refuses to start without one. */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET が設定されていません。`npm run demo` は自動で設定します。本番環境では 32 文字以上の乱数を設定してください。",
    );
  }
  return "renkei-development-only-secret-do-not-use";
}

export function getPublicBaseUrl(): string {
  const env = getEnv();
  return env.RENKEI_PUBLIC_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000";
}
