// Password hashing with argon2id (@node-rs/argon2: prebuilt binary from npm, no install script;
// docs/decisions/0002-auth-and-scoping.md).
import { hash, verify } from "@node-rs/argon2";

// The rules a new password must meet live with the strength check (pure, usable in forms).
export { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-strength";

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
