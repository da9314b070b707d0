// The route inventory (issue 12): every page, route handler and server action under app/ is
// found on disk and must have its rows in tests/integration/route-matrix.ts; each row is then
// called in-process as every role, with ids of the role's own scope and of another scope, and
// must answer exactly as the matrix says. A new route without a row fails this test.
import { appendFileSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { actAs, callRoute, callRouteDirectly, renderPage, requestStore } from "@/tests/support/route-harness";
import { ACTORS, ROUTE_MATRIX, type TActor, type TOutcome, type TRow } from "./route-matrix";

vi.mock("next/headers", () => ({ cookies: () => requestStore.cookies(), headers: () => requestStore.headers() }));
// Route handlers and pages may ask Next to refresh cached pages; nothing is cached here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const METHOD_EXPORT = /export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

/**
 * Every entry point on disk: "page app/…/page.tsx", "GET app/…/route.ts", "action app/…:name".
 * Private folders (_shared) hold no pages or routes, but a server action there is still an entry
 * point anyone can POST to.
 */
export function inventory(): string[] {
  const entries: string[] = [];
  for (const file of walk("app")) {
    const rel = file.split(path.sep).join("/");
    const routed = !file.split(path.sep).some((s) => s.startsWith("_"));
    const source = readFileSync(file, "utf8");
    if (routed && /\/page\.tsx$/.test(rel)) entries.push(`page ${rel}`);
    if (routed && /\/route\.ts$/.test(rel))
      for (const m of source.matchAll(METHOD_EXPORT)) entries.push(`${m[1]} ${rel}`);
    if (/^\s*["']use server["']/.test(source)) {
      for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) entries.push(`action ${rel}:${m[1]}`);
    }
  }
  return entries.sort();
}

const rowKey = (row: TRow) => `${row.method ?? "page"} ${row.route}`;

describe("route inventory", () => {
  it("every page, route handler and server action has its row in the authorization matrix", () => {
    const inMatrix = new Set(ROUTE_MATRIX.map(rowKey));
    const missing = inventory().filter((entry) => !inMatrix.has(entry));
    expect(missing, "add these to tests/integration/route-matrix.ts").toEqual([]);
    const stale = [...inMatrix].filter((key) => !inventory().includes(key));
    expect(stale, "rows of routes that no longer exist").toEqual([]);
  });
});

let world: TWorld;
beforeAll(async () => {
  world = await buildWorld();
});

const USER_OF: Record<Exclude<TActor, "anonymous">, keyof TWorld["users"]> = {
  institution: "sabaeClinic",
  hub: "tannanHub",
  council: "tannanCouncil",
  prefecture: "fukuiPrefecture",
  admin: "admin",
};

type TBodyOf = (w: TWorld, scope: "own" | "foreign") => unknown;

async function outcome(row: TRow, actor: TActor, scope: "own" | "foreign"): Promise<TOutcome> {
  await actAs(actor === "anonymous" ? null : world.users[USER_OF[actor]].id);
  const params = (scope === "own" ? row.params : row.foreign)?.(world) ?? {};
  const query = row.query?.(world, scope) ?? "";
  if (!row.method) {
    const search = Object.fromEntries(new URLSearchParams(query));
    return renderPage(row.route, params, search);
  }
  const body = typeof row.body === "function" ? (row.body as TBodyOf)(world, scope) : row.body;
  const call = row.direct ? callRouteDirectly : callRoute;
  return call(row.route, row.method, params, query ? `?${query}` : "", body ?? {});
}

const executable = ROUTE_MATRIX.filter((row) => !row.skip);
const cells = executable.flatMap((row) =>
  ACTORS.flatMap((actor) =>
    (row.foreign ? (["own", "foreign"] as const) : (["own"] as const))
      .filter((scope) => row.expect[scope]?.[actor] !== undefined)
      .map((scope) => ({ row, actor, scope, expected: row.expect[scope]![actor]! })),
  ),
);

describe(`authorization matrix: ${ROUTE_MATRIX.length} rows, ${cells.length} cells`, () => {
  const name = (row: TRow) => (row.label ? `${rowKey(row)} [${row.label}]` : rowKey(row));
  it.each(cells.map((c) => [name(c.row), c.actor, c.scope, c.expected, c] as const))(
    "%s as %s (%s scope) → %s",
    async (key, actor, scope, expected, cell) => {
      const actual = await outcome(cell.row, actor, scope);
      // ROUTE_MATRIX_DISCOVER=file lists what every cell gets, to write a new row from.
      if (process.env.ROUTE_MATRIX_DISCOVER) {
        appendFileSync(process.env.ROUTE_MATRIX_DISCOVER, `${key}\t${actor}\t${scope}\t${expected}\t${actual}\n`);
      } else expect(actual).toBe(expected);
    },
  );
});
