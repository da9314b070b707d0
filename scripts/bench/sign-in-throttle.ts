// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/sign-in-throttle.ts [--postgres] [--rate 20]`
//
// How sign-in throttling (docs/decisions/0014-throttling-and-sessions.md) behaves under an
// online guessing attack: 1,000 wrong guesses spread round-robin over 100 real accounts, sent as
// fast as the attacker likes (--rate guesses per second, simulated clock so the run takes
// seconds, not hours), through the same authenticateWithPassword the sign-in route calls, on a
// fresh embedded database (or a throwaway PostgreSQL database with --postgres). Three attackers:
// one client address; 100 rotating addresses (one per account); 1,000 addresses (one per guess).
// After each attack, the holder of every attacked account signs in from the office's address:
// the bench prints how long they had to wait (simulated seconds until accepted).
import { parseArgs } from "node:util";
import { findFreePort, startEmbeddedDatabase } from "../lib/embedded-db";
import { migrateDeploy } from "../lib/processes";
import { createTestDatabase } from "../../tests/support/test-database";

const { values: args } = parseArgs({
  options: { postgres: { type: "boolean", default: false }, rate: { type: "string", default: "20" } },
});
const GUESSES = 1_000;
const ACCOUNTS = 100;
const RATE = Number(args.rate);
const PASSWORD = "bench correct horse 2027";

const database = args.postgres
  ? await createTestDatabase("postgres", "bench")
  : await startEmbeddedDatabase({ port: await findFreePort() });
process.env.DATABASE_URL = database.url;
if (!args.postgres) await migrateDeploy(database.url);

const { db } = await import("../../lib/db");
const { hashPassword } = await import("../../lib/auth/password");
const { authenticateWithPassword } = await import("../../lib/auth/sign-in");

const passwordHash = await hashPassword(PASSWORD);
await db.prefecture.upsert({ where: { code: "18" }, create: { code: "18", name: "福井県" }, update: {} });
const emails = Array.from({ length: ACCOUNTS }, (_, i) => `officer${String(i).padStart(3, "0")}@bench.example.jp`);
await db.user.createMany({
  data: emails.map((email, i) => ({
    email,
    name: `担当${i}`,
    role: "PREFECTURE" as const,
    prefectureCode: "18",
    passwordHash,
  })),
});

type TAttack = { name: string; address: (guess: number, account: number) => string };
const attacks: TAttack[] = [
  { name: "one address", address: () => "198.51.100.1" },
  { name: "100 addresses (one per account)", address: (_g, a) => `10.0.${Math.floor(a / 250)}.${a % 250}` },
  { name: "1,000 addresses (one per guess)", address: (g) => `10.1.${Math.floor(g / 250)}.${g % 250}` },
];

let clock = Date.parse("2027-01-15T09:00:00Z");
console.log(
  `sign-in throttling: ${GUESSES} guesses over ${ACCOUNTS} accounts at ${RATE}/s (${args.postgres ? "PostgreSQL" : "PGlite"})`,
);
for (const attack of attacks) {
  await db.signInThrottle.deleteMany({});
  await db.auditEvent.deleteMany({});
  const counts = { accepted: 0, answeredWait: 0 };
  const started = performance.now();
  for (let g = 0; g < GUESSES; g++) {
    const account = g % ACCOUNTS;
    clock += 1000 / RATE;
    const result = await authenticateWithPassword(
      emails[account]!,
      `guess-${g}`,
      new Date(clock),
      attack.address(g, account),
    );
    if (result.ok) counts.accepted++;
    else if (result.reason === "throttled") counts.answeredWait++;
  }
  const attackMs = performance.now() - started;
  // Every guess whose password was verified left one audit event (failed, or failed and now slowed).
  const checked = await db.auditEvent.count({ where: { action: { in: ["auth.login_failed", "auth.throttled"] } } });
  // Right after the attack, each holder tries once per second from the office until accepted.
  const waits: number[] = [];
  for (const email of emails) {
    let waited = 0;
    while (!(await authenticateWithPassword(email, PASSWORD, new Date(clock + waited * 1000), "203.0.113.10")).ok) {
      waited++;
      if (waited > 3600) break;
    }
    waits.push(waited);
  }
  waits.sort((a, b) => a - b);
  const median = waits[Math.floor(waits.length / 2)]!;
  console.log(
    `${attack.name.padEnd(34)} passwords checked ${String(checked).padStart(4)}, refused unchecked ${String(GUESSES - checked).padStart(4)}, ` +
      `answered "please wait" ${String(counts.answeredWait).padStart(4)}, accepted ${counts.accepted}; ` +
      `holder waits median ${median} s, max ${waits.at(-1)} s; attack ran ${(attackMs / 1000).toFixed(1)} s wall-clock`,
  );
  clock += 2 * 3600 * 1000; // the next attack starts after every window has passed
}
await db.$disconnect();
await database.stop();
