// Calls Renkei's pages and route handlers in-process, as a given person, and reports what the
// person would get: an HTTP status for route handlers; for pages "ok", "404", or where a redirect
// sends them ("login", "home", or "to <path>" for any other page). The session is a real next-auth token in a cookie, read through
// the app's own getViewer; only next/headers is replaced (by the test file's vi.mock) with this
// module's request store.
import path from "node:path";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { getAuthSecret } from "@/lib/env";
import { roleFromDb } from "@/lib/auth/roles";
import { secondFactorRequired } from "@/lib/auth/second-factor-policy";
import type { TApiRoute } from "@/lib/http/api";

export const ORIGIN = "http://renkei.test";

let currentCookies = new Map<string, string>();

/** What the mocked next/headers hands out. */
export const requestStore = {
  cookies: async () => ({
    get: (name: string) => (currentCookies.has(name) ? { name, value: currentCookies.get(name)! } : undefined),
    getAll: () => [...currentCookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => currentCookies.has(name),
  }),
  headers: async () => new Headers({ host: new URL(ORIGIN).host, origin: ORIGIN }),
};

/** Signs the next calls in as this user (null: anonymous). */
export async function actAs(userId: string | null): Promise<string | null> {
  currentCookies = new Map();
  if (!userId) return null;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const role = roleFromDb(user.role);
  const token = await encode({
    token: {
      sub: user.id,
      email: user.email,
      role,
      sessionVersion: user.sessionVersion,
      signedInAt: Math.floor(Date.now() / 1000),
      // A full session: officers and the administrator have passed their second factor.
      mfa: secondFactorRequired(role) ? "totp" : null,
      mfaPending: null,
    },
    secret: getAuthSecret(),
  });
  currentCookies.set("next-auth.session-token", token);
  return token;
}

export type TPageOutcome = "ok" | "404" | "login" | "home" | `to ${string}` | `error: ${string}`;

type TModule = Record<string, unknown>;
const load = (file: string): Promise<TModule> => import(path.join(process.cwd(), file));

function outcomeOfThrow(error: unknown, homeOf: (path: string) => boolean): TPageOutcome {
  const digest = (error as { digest?: string })?.digest ?? "";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
  if (digest.startsWith("NEXT_REDIRECT")) {
    const target = digest.split(";")[2] ?? "";
    if (target.startsWith("/login")) return "login";
    if (homeOf(target)) return "home";
    return `to ${target}`;
  }
  return `error: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * Renders the page file's layouts (outermost first, without the root layout) and the page itself
 * with the given params; reports the first redirect or not-found, or "ok".
 */
export async function renderPage(
  file: string,
  params: Record<string, string>,
  searchParams: Record<string, string> = {},
): Promise<TPageOutcome> {
  const segments = file.split("/").slice(1, -1); // app/<...>/page.tsx
  const layouts: string[] = [];
  for (let i = 1; i <= segments.length; i++) {
    const candidate = path.join("app", ...segments.slice(0, i), "layout.tsx");
    if (await import("node:fs").then((fs) => fs.existsSync(candidate))) layouts.push(candidate);
  }
  const homeOf = (target: string) => ["/institution", "/hub", "/prefecture", "/council", "/admin"].includes(target);
  try {
    for (const layout of layouts) {
      const Layout = (await load(layout)).default as (props: unknown) => unknown;
      await settle(await Layout({ children: null, params: Promise.resolve(params) }));
    }
    const Page = (await load(file)).default as (props: unknown) => unknown;
    await settle(await Page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) }));
    return "ok";
  } catch (error) {
    return outcomeOfThrow(error, homeOf);
  }
}

/**
 * Runs the async server components in a rendered tree (RoleShell's requireRole, data loaders
 * nested in a page), as React would on the server. Client and plain components are not called;
 * their children are walked.
 */
async function settle(node: unknown, depth = 0): Promise<void> {
  if (depth > 40 || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) await settle(child, depth + 1);
    return;
  }
  const element = node as { type?: unknown; props?: { children?: unknown } };
  if (typeof element.type === "function" && element.type.constructor.name === "AsyncFunction") {
    await settle(await (element.type as (props: unknown) => Promise<unknown>)(element.props), depth + 1);
    return;
  }
  if (element.props && "children" in element.props) await settle(element.props.children, depth + 1);
}

/** Calls a route handler's method; writes carry our Origin and an empty JSON object. */
export async function callRoute(
  file: string,
  method: string,
  params: Record<string, string>,
  query = "",
  body: unknown = {},
): Promise<number> {
  return (await callRouteResponse(file, method, params, query, body)).status;
}

/** As callRoute, but the whole response (headers and body, e.g. of a download). */
export async function callRouteResponse(
  file: string,
  method: string,
  params: Record<string, string>,
  query = "",
  body: unknown = {},
): Promise<Response> {
  const handler = (await load(file))[method] as (request: Request, context: unknown) => Promise<Response>;
  return handler(routeRequest(file, method, params, query, body), { params: Promise.resolve(params) });
}

/**
 * As callRoute, through the path the production server answers before Next's router
 * (lib/http/direct-routes.ts): the session travels in the request's Cookie header and the route's
 * `answerDirectly` reads it from there, outside next/headers.
 */
export async function callRouteDirectly(
  file: string,
  method: string,
  params: Record<string, string>,
  query = "",
  body: unknown = {},
): Promise<number> {
  const route = (await load(file))[method] as { answerDirectly?: TApiRoute<Record<string, string>>["answerDirectly"] };
  if (!route.answerDirectly) throw new Error(`${method} ${file} is not answered directly`);
  const cookie = [...currentCookies].map(([name, value]) => `${name}=${value}`).join("; ");
  return (await route.answerDirectly(routeRequest(file, method, params, query, body, { cookie }), params)).status;
}

/** A request to a route file's URL; writes carry our Origin and the body as JSON. */
function routeRequest(
  file: string,
  method: string,
  params: Record<string, string>,
  query: string,
  body: unknown,
  headers: Record<string, string> = {},
): Request {
  const write = method !== "GET" && method !== "HEAD";
  return new Request(`${ORIGIN}${routeUrl(file, params)}${query}`, {
    method,
    headers: write
      ? { origin: ORIGIN, host: new URL(ORIGIN).host, "content-type": "application/json", ...headers }
      : headers,
    body: write ? JSON.stringify(body) : undefined,
  });
}

function routeUrl(file: string, params: Record<string, string>): string {
  return (
    "/" +
    file
      .split("/")
      .slice(1, -1)
      .map((segment) => {
        const name = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];
        return name ? encodeURIComponent(params[name] ?? "x") : segment;
      })
      .join("/")
  );
}
