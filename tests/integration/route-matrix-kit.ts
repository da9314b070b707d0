// The vocabulary of the authorization matrix (tests/integration/route-matrix.ts): who the actors
// are, what a row and its cells hold, and the helpers that build the usual rows.
import type { TWorld } from "@/tests/factories/world";
import type { TPageOutcome } from "@/tests/support/route-harness";

export const ACTORS = ["anonymous", "institution", "hub", "council", "prefecture", "admin"] as const;
export type TActor = (typeof ACTORS)[number];
export type TOutcome = TPageOutcome | number;
export type TCells = Partial<Record<TActor, TOutcome>>;

export type TRow = {
  /** File under app/. */
  route: string;
  /** Route handler method; pages have none; server actions "action" plus the export name in route. */
  method?: string;
  params?: (w: TWorld) => Record<string, string>;
  /** Ids of another scope; the row then runs twice. */
  foreign?: (w: TWorld) => Record<string, string>;
  query?: (w: TWorld, scope: "own" | "foreign") => string;
  /**
   * JSON body of a write (default {}): a valid one makes the refusal come from authorization. A
   * function gets the world and the scope (ids of the world in the body).
   */
  body?: unknown;
  /** Which other scope `foreign` is, when a route has a second row for another one. */
  label?: string;
  expect: { own: TCells; foreign?: TCells };
  /**
   * Call the route as the production server answers it before Next's router
   * (lib/http/direct-routes.ts: the viewer from the Cookie header, not next/headers).
   */
  direct?: boolean;
  /** Not executed in-process, with the reason. */
  skip?: string;
};

export type TRole = Exclude<TActor, "anonymous">;
export const ROLES: TRole[] = ["institution", "hub", "council", "prefecture", "admin"];

/** A page of one role's area: only that role gets in; the rest are sent away. */
export function areaCells(area: TRole, own: TOutcome = "ok"): TCells {
  return Object.fromEntries([["anonymous", "login"], ...ROLES.map((r) => [r, r === area ? own : "home"])]);
}
export function areaPage(route: string, area: TRole, ids?: Pick<TRow, "params" | "foreign" | "query">): TRow {
  return {
    route,
    ...ids,
    expect: { own: areaCells(area), ...(ids?.foreign ? { foreign: areaCells(area, "404") } : {}) },
  };
}
/** A route handler: 401 without a session, `allowed` roles get `ok`, the others `refused`. */
export function apiCells(allowed: TRole[], ok: number, refused: number): TCells {
  return Object.fromEntries([["anonymous", 401], ...ROLES.map((r) => [r, allowed.includes(r) ? ok : refused])]);
}
export function api(
  method: string,
  route: string,
  allowed: TRole[],
  {
    ok = 200,
    refused = 403,
    foreign,
    national = false,
    ...ids
  }: Partial<Pick<TRow, "params" | "foreign" | "query" | "body">> & {
    ok?: number;
    refused?: number;
    /** The administrator's scope is national: another prefecture's ids are its own. */
    national?: boolean;
  } = {},
): TRow {
  const own = apiCells(allowed, ok, refused);
  const foreignCells = apiCells(allowed, 404, refused);
  if (national) foreignCells.admin = ok;
  return {
    route,
    method,
    ...ids,
    ...(foreign ? { foreign, expect: { own, foreign: foreignCells } } : { expect: { own } }),
  };
}
/** A write: the owner's own-scope cell is left to the service tests (it would change the world). */
export function write(method: string, route: string, owners: TRole[], options: Parameters<typeof api>[3] = {}): TRow {
  const row = api(method, route, owners, options);
  for (const owner of owners) delete row.expect.own[owner];
  return row;
}

/** Overrides some cells of a row. */
export function adjust(row: TRow, cells: { own?: TCells; foreign?: TCells }): TRow {
  return {
    ...row,
    expect: {
      own: { ...row.expect.own, ...cells.own },
      ...(row.expect.foreign ? { foreign: { ...row.expect.foreign, ...cells.foreign } } : {}),
    },
  };
}

/** A server action: not callable in-process (it needs Next's action request); where it is tested. */
export const action = (route: string, skip: string): TRow => ({ route, method: "action", expect: { own: {} }, skip });

export const clinicCycle = (w: TWorld) => ({ cycleId: w.cycles.fukuiClinicCycle.id });
export const foreignCycle = (w: TWorld) => ({ cycleId: w.cycles.ishikawaClinicCycle.id });
export const hubCycle = (w: TWorld) => ({ cycleId: w.cycles.fukuiHubCycle.id });
export const summaryQuery = (w: TWorld, scope: "own" | "foreign") =>
  `cycle=${scope === "own" ? w.cycles.fukuiClinicCycle.id : w.cycles.ishikawaClinicCycle.id}`;
export const missing = (name: string) => () => ({ [name]: "no-such-id" });
