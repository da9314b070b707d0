// Child processes for the scripts: the Prisma CLI, Next and the server entry, with output passed
// through and a clear error when they fail.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const BIN = {
  prisma: path.join(process.cwd(), "node_modules", "prisma", "build", "index.js"),
  next: path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next"),
  // The production server (in place of `next start`): Next plus the routes answered before its router.
  server: path.join(process.cwd(), "scripts", "server.mjs"),
};

export function run(
  command: keyof typeof BIN,
  args: string[],
  env: Record<string, string | undefined> = {},
  { quiet = false }: { quiet?: boolean } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN[command], ...args], {
      env: { ...process.env, ...env },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${output}`)),
    );
  });
}

export function start(
  command: keyof typeof BIN,
  args: string[],
  env: Record<string, string | undefined> = {},
  nodeArgs: string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, BIN[command], ...args], {
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
}

/** Applies every migration in prisma/migrations (the only way a database is initialised). */
export function migrateDeploy(databaseUrl: string, quiet = true): Promise<void> {
  return run("prisma", ["migrate", "deploy"], { DATABASE_URL: databaseUrl }, { quiet });
}

/**
 * Memory bounds for a server process (scripts/server.mjs; issue 18: ≤ 512 MB per process;
 * measured with scripts/bench/pdf.ts, docs/decisions/0013): a main-thread heap limit, so V8 collects before the
 * process grows, and two malloc arenas instead of one per thread (the PDF worker threads'
 * allocations otherwise stay spread over arenas glibc never returns). An operator's own
 * NODE_OPTIONS wins.
 */
export function serverMemoryEnv(): Record<string, string> {
  return {
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
    NODE_OPTIONS: process.env.NODE_OPTIONS ?? "--max-old-space-size=256",
  };
}
