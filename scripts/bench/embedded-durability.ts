// `npx tsx scripts/bench/embedded-durability.ts [--commits 300] [--rounds 3]`
//
// What durable commits cost on the embedded database (issue 18, docs/decisions/0012): the real
// start path (scripts/lib/embedded-db.ts, a fresh data folder, pglite-socket, node-postgres)
// with RENKEI_EMBEDDED_DURABILITY=relaxed (PGlite's own: fsync off, a flush every second) and
// durable (the default: WAL with O_DSYNC, real fsync for checkpoints). Each round: `commits`
// autocommit inserts of a report-sized JSON (≈ 6 KB) one after another, then the same number from
// 8 connections at once (commits of a busy minute). Prints ms per commit, min / median of rounds.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { findFreePort, startEmbeddedDatabase } from "../lib/embedded-db";

const { values: args } = parseArgs({
  options: { commits: { type: "string", default: "300" }, rounds: { type: "string", default: "3" } },
});
const COMMITS = Number(args.commits);
const ROUNDS = Number(args.rounds);
const report = JSON.stringify(
  Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`item_${i}`, "回答".repeat(12)])),
);

async function round(mode: "relaxed" | "durable") {
  process.env.RENKEI_EMBEDDED_DURABILITY = mode;
  const dataDir = mkdtempSync(path.join(tmpdir(), `renkei-durability-${mode}-`));
  const database = await startEmbeddedDatabase({ port: await findFreePort(), dataDir });
  const pool = new pg.Pool({ connectionString: database.url, max: 8 });
  try {
    await pool.query(`create table bench (id serial primary key, answers jsonb not null)`);
    const insert = () => pool.query(`insert into bench (answers) values ($1::jsonb)`, [report]);
    let started = performance.now();
    for (let i = 0; i < COMMITS; i++) await insert();
    const sequential = (performance.now() - started) / COMMITS;
    started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next++ < COMMITS) await insert();
      }),
    );
    const concurrent = (performance.now() - started) / COMMITS;
    return { sequential, concurrent };
  } finally {
    await pool.end();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: Record<string, { sequential: number[]; concurrent: number[] }> = {};
for (let r = 0; r < ROUNDS; r++) {
  for (const mode of ["relaxed", "durable"] as const) {
    const { sequential, concurrent } = await round(mode);
    results[mode] ??= { sequential: [], concurrent: [] };
    results[mode].sequential.push(sequential);
    results[mode].concurrent.push(concurrent);
  }
}
const minMedian = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(2)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}`;
};
console.log(`ms per commit, min / median of ${ROUNDS} rounds × ${COMMITS} commits`);
for (const [mode, r] of Object.entries(results))
  console.log(`${mode.padEnd(8)} one at a time ${minMedian(r.sequential)}   8 connections ${minMedian(r.concurrent)}`);
process.exit(0);
