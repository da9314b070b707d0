// Password hashing with argon2id (@node-rs/argon2: prebuilt binary from npm, no install script;
// docs/decisions/0002-auth-and-scoping.md).
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 10;

// OWASP's argon2id baseline (19 MiB, 2 iterations): ~40 ms here, slow enough for attackers,
// fast enough for a sign-in.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A real hash to verify against when the account does not exist, so a wrong e-mail costs the
// same time as a wrong password and does not reveal which accounts exist.
const DUMMY_HASH_PROMISE = hash("renkei-timing-equaliser", OPTIONS);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    if (!passwordHash) {
      await verify(await DUMMY_HASH_PROMISE, password);
      return false;
    }
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Japanese message for a password that is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `パスワードは${MIN_PASSWORD_LENGTH}文字以上で入力してください。`;
  }
  if (password.length > 200) return "パスワードは200文字以内で入力してください。";
  if (email && password.toLowerCase() === email.toLowerCase()) {
    return "メールアドレスと同じパスワードは使用できません。";
  }
  return null;
}
