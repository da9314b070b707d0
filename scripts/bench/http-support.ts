// Shared pieces of the HTTP benchmarks: the database in its own process, the built app under
// the server (scripts/server.mjs), signing in like a browser, and reading latency percentiles.
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { randomBytes } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { findFreePort } from "../lib/embedded-db";
import { run, serverMemoryEnv, start } from "../lib/processes";

export type TProcessHandle = { url: string; stop: () => Promise<void>; pid?: number; secret?: string };

/**
 * Resident memory (MB) of a process and each of its descendants, by pid (Linux /proc): the server
 * and its PDF renderer processes.
 */
export function processTreeRss(rootPid: number): Map<number, { name: string; mb: number }> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (pid > 1 && inTree(parents.get(pid) ?? 0));
  const result = new Map<number, { name: string; mb: number }>();
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const name = /Name:\s+(.+)/.exec(status)?.[1] ?? "?";
      result.set(pid, { name, mb: rss });
    } catch {
      // gone
    }
  }
  return result;
}

/**
 * The embedded database in a child process, so the load generator never shares its event loop.
 * `dataDir`: a file-backed database kept between runs (default: in memory).
 */
export function startDatabaseProcess({ dataDir }: { dataDir?: string } = {}): Promise<TProcessHandle> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_PROFILE_DIR
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [];
    const data = dataDir ? ["--data", dataDir] : [];
    const child = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/db-server.ts", ...data], {
      stdio: ["ignore", "pipe", "inherit"],
      // The same memory bounds as the app's processes (two malloc arenas, a heap limit).
      env: { ...process.env, ...serverMemoryEnv() },
    });
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /READY (\S+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1]!, pid: child.pid, stop: () => stopChild(child) });
    });
    child.on("exit", (code) => reject(new Error(`database process exited with ${code}`)));
  });
}

/**
 * Builds the app into `distDir` when asked (or when no build is there) and starts one server on a
 * free port with a fresh NEXTAUTH_SECRET. `distDir`: benchmarks running side by side each use
 * their own.
 */
export async function startApp(
  databaseUrl: string,
  { build, distDir = ".next-bench" }: { build: boolean; distDir?: string },
): Promise<TProcessHandle> {
  await buildApp(distDir, build);
  const secret = randomBytes(32).toString("base64url");
  const instance = await startServerInstance(databaseUrl, { distDir, port: await findFreePort(), secret });
  return { url: instance.url, pid: instance.child.pid, secret, stop: instance.stop };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}

// node:http with keep-alive rather than fetch: a load generator shares the 2 cores with the app and
// the database, and fetch (undici's web streams) cost it 0.7–1.5 ms of CPU per call against 0.3–0.4.
// No cap on sockets: each call is a user of its own, so an overload reaches the server (and its
// admission control) instead of waiting in the load generator.
const keepAlive = new http.Agent({ keepAlive: true });

/**
 * A JSON request as the form sends it (same origin, the session cookie when given); resolves with
 * status 0 and the error as body when the connection fails.
 */
export function requestJson(
  url: string,
  method: string,
  body: unknown,
  cookie = "",
): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  const headers = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    origin: new URL(url).origin,
    ...(cookie ? { cookie } : {}),
  };
  return new Promise((resolve) => {
    const request = http.request(url, { method, agent: keepAlive, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on("error", (error) => resolve({ status: 0, body: String(error) }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed as the call went out (its idle timeout): the call
      // never reached the app, so it is sent again on a new socket, as browsers do (Node's docs).
      if (request.reusedSocket && error.code === "ECONNRESET") resolve(requestJson(url, method, body, cookie));
      else resolve({ status: 0, body: String(error) });
    });
    request.end(payload);
  });
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie header. */
export async function signInForCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // Same-origin, as a browser sends it: cross-site posts to next-auth are refused (proxy.ts).
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookie,
      origin: new URL(baseUrl).origin,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = (response.headers.getSetCookie() ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email} (HTTP ${response.status})`);
  return session;
}

/**
 * An officer's or administrator's session past the second factor. They must pass TOTP after the
 * password (docs/decisions/0015), a step made for a browser form (a server action); benchmarks
 * measure what comes after it, so the password step runs for real (signInForCookie) and the
 * cookie is then rewritten as the app rewrites it when the code is accepted
 * (lib/auth/session-token.ts rewriteSessionClaims), with the app's secret.
 */
export async function officerCookie(app: TProcessHandle, email: string, password: string): Promise<string> {
  if (!app.secret) throw new Error("the app's secret is unknown (started by startApp?)");
  const pending = await signInForCookie(app.url, email, password);
  const [name, value] = [pending.slice(0, pending.indexOf("=")), pending.slice(pending.indexOf("=") + 1)];
  const claims = await decode({ token: value, secret: app.secret });
  if (!claims) throw new Error(`could not read the session of ${email}`);
  const token = await encode({ token: { ...claims, mfa: "totp", mfaPending: null }, secret: app.secret });
  return `${name}=${token}`;
}

/** Exact percentiles of recorded response times (autocannon itself reports p90/p97.5, not p95). */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

export function formatLatencyLine(
  label: string,
  stats: ReturnType<typeof percentiles>,
  throughput: number,
  failures: number,
): string {
  const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
  return `${label.padEnd(34)} p50 ${ms(stats.p50)}  p95 ${ms(stats.p95)}  p99 ${ms(stats.p99)}  max ${ms(stats.max)}  ${throughput.toFixed(0).padStart(5)} req/s  n=${stats.n}  failed=${failures}`;
}

/** Runs autocannon and records every response time (its typings hide the emitter when awaited). */
export function runLoad(
  options: autocannon.Options,
  times?: number[],
  statuses?: Map<number, number>,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (_client, status, _bytes, time) => {
      times?.push(time);
      statuses?.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

export type TInstance = { url: string; port: number; child: ChildProcess; stop: () => Promise<void> };

/**
 * One server (scripts/server.mjs) of an already built app on a given port, with the environment
 * shared by the instances of a benchmark (the same NEXTAUTH_SECRET, so a session works on every
 * instance). BENCH_APP_NODE_OPTIONS replaces the app's node options (e.g. another heap limit);
 * BENCH_PROFILE_DIR=<dir> writes a CPU profile of the app process when it stops.
 */
export async function startServerInstance(
  databaseUrl: string,
  { distDir, port, secret, env = {} }: { distDir: string; port: number; secret: string; env?: Record<string, string> },
): Promise<TInstance> {
  const url = `http://localhost:${port}`;
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = start(
    "server",
    ["--port", String(port)],
    {
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      RENKEI_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: url,
      // The memory bounds `npm run demo` and the deployment example use (as startApp).
      ...serverMemoryEnv(),
      ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}),
      ...env,
    },
    profile,
  );
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/login`)).ok) return { url, port, child, stop: () => stopChild(child) };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("app did not start");
}

/** Builds the app into `distDir` (skipped when a build is there and `rebuild` is false). */
export async function buildApp(distDir: string, rebuild: boolean): Promise<void> {
  if (rebuild || !existsSync(path.join(distDir, "BUILD_ID")))
    await run(
      "next",
      ["build"],
      { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", RENKEI_DIST_DIR: distDir },
      { quiet: true },
    );
}

/** A process and its descendants (Linux /proc), e.g. the server and its PDF renderers. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return out;
}

/** Resident set size of a process in MB (0 when it is gone). */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in ms (0 when it is gone). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The CPU used so far by each of `pids` (ms), to measure an interval with `cpuSinceMs`. */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, cpuMs(pid)]));
}

/**
 * CPU (ms) used since `before` by the processes `pids` alive now: one started meanwhile counts
 * whole, one that ended meanwhile drops out (its last interval is lost) — a total taken the other
 * way went negative when a connection or a killed instance ended.
 */
export function cpuSinceMs(before: Map<number, number>, pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    const now = cpuMs(pid);
    if (now > 0) total += now - (before.get(pid) ?? 0);
  }
  return total;
}

/** The pids of every PostgreSQL server process on this machine (by command name). */
export function postgresPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/comm`, "utf8").trim().startsWith("postgres");
      } catch {
        return false;
      }
    })
    .map(Number);
}
