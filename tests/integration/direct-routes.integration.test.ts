// The autosave and submit answered before Next's router (lib/http/direct-routes.ts,
// scripts/server.mjs), over real HTTP against the real database: the same answers as the route
// handlers Next calls — success, every refusal, the same headers — and nothing else is taken from
// Next.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { answerDirectly, registerDirectRoutes } from "@/lib/http/direct-routes";
import { FUNCTION1_MET } from "@/tests/factories/questionnaire";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { actAs, callRouteResponse, requestStore } from "@/tests/support/route-harness";

vi.mock("next/headers", () => ({ cookies: () => requestStore.cookies(), headers: () => requestStore.headers() }));

const DRAFT_ROUTE = "app/api/v1/respondent/cycles/[cycleId]/draft/route.ts";
let world: TWorld;
let cookie: string;
let server: Server;
let origin: string;
let cycleId: string;

beforeAll(async () => {
  world = await buildWorld();
  const institution = await db.institution.create({
    data: {
      code: "1810777771",
      name: "直通クリニック",
      kind: "CLINIC",
      prefectureCode: "18",
      municipalityCode: "182079",
    },
  });
  const user = await db.user.create({
    data: { email: "direct@example.jp", name: "直通 担当", role: "INSTITUTION", institutionId: institution.id },
  });
  cookie = `next-auth.session-token=${await actAs(user.id)}`;
  cycleId = world.cycles.fukuiClinicCycle.id;
  server = createServer((request, response) => {
    if (!answerDirectly(request, response)) response.writeHead(418).end("left to Next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type TSend = { method?: string; path?: string; body?: string; headers?: Record<string, string> };

function send({ method = "PUT", path = `/api/v1/respondent/cycles/${cycleId}/draft`, body, headers = {} }: TSend) {
  return fetch(`${origin}${path}`, {
    method,
    headers: { origin, cookie, "content-type": "application/json", ...headers },
    body,
  });
}

const save = (draftVersion: number, answers: Record<string, unknown> = { f1_notice: true }) =>
  send({ body: JSON.stringify({ draftVersion, answers }) });

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("answered directly", () => {
  it("saves a draft and answers as the route does, with the JSON security headers", async () => {
    const response = await save(0);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ draftVersion: 1 });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const stored = await db.submission.findFirstOrThrow({
      where: { cycleId, institution: { code: "1810777771" } },
    });
    expect(stored).toMatchObject({ draftVersion: 1, answers: { f1_notice: true } });

    // The same request through the handler Next calls: the same status, body shape and headers.
    const viaNext = await callRouteResponse(DRAFT_ROUTE, "PUT", { cycleId }, "", {
      draftVersion: 1,
      answers: { f1_notice: true },
    });
    expect(viaNext.status).toBe(200);
    // HTTP/1.1's own headers (Node's server adds them, as under Next) aside.
    const transport = new Set(["connection", "content-length", "date", "keep-alive"]);
    const headerNames = (r: Response) => [...r.headers.keys()].filter((name) => !transport.has(name)).sort();
    expect(headerNames(response)).toEqual(headerNames(viaNext));
  });

  it("refuses what the route refuses, with its status and Japanese message", async () => {
    const noSession = await send({ body: "{}", headers: { cookie: "" } });
    expect([noSession.status, await errorCode(noSession)]).toEqual([401, "UNAUTHENTICATED"]);
    const foreign = await send({ body: "{}", headers: { origin: "https://evil.example" } });
    expect([foreign.status, await errorCode(foreign)]).toEqual([403, "FORBIDDEN"]);
    const plainText = await send({ body: "{}", headers: { "content-type": "text/plain" } });
    expect(plainText.status).toBe(415);
    const malformed = await send({ body: "{draftVersion:" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: "INVALID_INPUT", message: expect.stringContaining("読み取れませんでした") },
    });
    const oversized = await send({
      body: JSON.stringify({ draftVersion: 1, answers: { note: "あ".repeat(400_000) } }),
    });
    expect([oversized.status, await errorCode(oversized)]).toEqual([413, "TOO_LARGE"]);
    const stale = await save(0);
    expect(stale.status).toBe(409);
    // Another prefecture's cycle is not theirs: the same 404 as any unknown id.
    const foreignCycle = await send({
      path: `/api/v1/respondent/cycles/${world.cycles.ishikawaClinicCycle.id}/draft`,
      body: JSON.stringify({ draftVersion: 0, answers: {} }),
    });
    expect(foreignCycle.status).toBe(404);
    const unknown = await send({
      path: "/api/v1/respondent/cycles/nothing-here/draft",
      body: JSON.stringify({ draftVersion: 0, answers: {} }),
    });
    expect(unknown.status).toBe(404);
    // Nothing of it was written.
    const stored = await db.submission.findFirstOrThrow({ where: { cycleId, institution: { code: "1810777771" } } });
    expect(stored.draftVersion).toBe(2);
  });

  it("submits as a new revision", async () => {
    const response = await send({
      method: "POST",
      path: `/api/v1/respondent/cycles/${cycleId}/submit`,
      body: JSON.stringify({ draftVersion: 2, answers: { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0" } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ revision: 1 });
  });

  it("leaves every other request to Next: other methods, paths and spellings", async () => {
    const draft = `/api/v1/respondent/cycles/${cycleId}/draft`;
    for (const request of [
      { method: "GET", path: draft },
      { method: "POST", path: draft },
      { method: "PUT", path: `${draft}/` },
      {
        method: "PUT",
        path: `/api/v1/respondent/cycles/%${cycleId.charCodeAt(0).toString(16)}${cycleId.slice(1)}/draft`,
      },
      { method: "PUT", path: `/api/v1/respondent/cycles/${cycleId}/amendment` },
      { method: "PUT", path: `/x/api/v1/respondent/cycles/${cycleId}/draft` },
    ]) {
      const response = await send({ ...request, body: request.method === "GET" ? undefined : "{}" });
      expect(response.status, `${request.method} ${request.path}`).toBe(418);
    }
  });

  it("is found by the server entry once the server process registered it", () => {
    const key = Symbol.for("renkei.answerDirectly");
    registerDirectRoutes();
    expect((globalThis as Record<symbol, unknown>)[key]).toBe(answerDirectly);
  });
});
