// The only reader of process.env in app code: every setting is validated here once, with a
// Japanese message naming what is missing.
import { z } from "zod";
import { resolveDatabaseUrl } from "./database-url";
import type { TAdmissionLimits } from "./http/admission";

/** Session tokens are encrypted with a key derived from this secret; 32 characters ≈ 190 bits of base64. */
export const MIN_AUTH_SECRET_LENGTH = 32;

const MISSING_SECRET_MESSAGE = `NEXTAUTH_SECRET が設定されていません。\`npm run demo\` は自動で設定します。本番環境では ${MIN_AUTH_SECRET_LENGTH} 文字以上の乱数を設定してください（例: openssl rand -base64 32）。`;

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1),
  NEXTAUTH_SECRET: z
    .string()
    .min(MIN_AUTH_SECRET_LENGTH, { error: `NEXTAUTH_SECRET は ${MIN_AUTH_SECRET_LENGTH} 文字以上にしてください。` })
    .optional(),
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
  /**
   * Admission control of the JSON routes, per process (lib/http/admission.ts, docs/decisions/0012).
   * 4 at work: measured against 16, 8, 2 and 1 on 2 cores (docs/decisions/0012). Fewer requests
   * interleaved cost less CPU each than 8 or 16; 2 helped PostgreSQL in some runs but cut the
   * embedded default's saves from 244/s to 160/s.
   */
  RENKEI_MAX_REQUESTS_IN_FLIGHT: z.coerce.number().int().positive().default(4),
  RENKEI_MAX_REQUESTS_WAITING: z.coerce.number().int().nonnegative().default(400),
  RENKEI_REQUEST_WAIT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * The hot statements prepared once per connection on PostgreSQL (lib/db.ts `hotQuery`). `false`
   * for a pooler that cannot keep prepared statements per client (PgBouncer before 1.21).
   */
  RENKEI_DB_PREPARED_STATEMENTS: z.enum(["true", "false"]).default("true"),
});

export type TEnv = z.infer<typeof ZEnv> & { usesEmbeddedDefault: boolean; admission: TAdmissionLimits };

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again at next use (tests that start a mail server, then set SMTP_PORT). */
export function reloadEnv(): void {
  cached = undefined;
}

/**
 * Validates the settings; throws a Japanese message naming what is wrong. Production needs a
 * session secret: instrumentation.ts calls this at server start, so a server without one stops
 * at once instead of failing on every sign-in.
 */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const raw = { ...source, DATABASE_URL: resolveDatabaseUrl(source) };
  const parsed = ZEnv.safeParse(raw);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((i) => (i.path[0] === "NEXTAUTH_SECRET" ? i.message : i.path.join(".")));
    throw new Error(`環境変数の設定が正しくありません: ${messages.join(", ")}`);
  }
  // `next build` runs in production mode but signs nothing; the running server must have one.
  const building = source.NEXT_PHASE === "phase-production-build";
  if (parsed.data.NODE_ENV === "production" && !parsed.data.NEXTAUTH_SECRET && !building) {
    throw new Error(MISSING_SECRET_MESSAGE);
  }
  return {
    ...parsed.data,
    usesEmbeddedDefault: !source.DATABASE_URL?.trim(),
    admission: {
      maxInFlight: parsed.data.RENKEI_MAX_REQUESTS_IN_FLIGHT,
      maxWaiting: parsed.data.RENKEI_MAX_REQUESTS_WAITING,
      maxWaitMs: parsed.data.RENKEI_REQUEST_WAIT_MS,
    },
  };
}

/** The secret that signs session tokens. Production refuses to start without one. */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error(MISSING_SECRET_MESSAGE);
  return "renkei-development-only-secret-do-not-use";
}

export function getPublicBaseUrl(): string {
  const env = getEnv();
  return env.RENKEI_PUBLIC_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000";
}
