// Admission control through apiRoute: a request beyond the process's limits is refused with 503,
// a Retry-After and the Japanese 「混み合っています」, and its handler never runs.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => ({ userId: "u1", email: "a@example.jp", name: "担当", role: "admin" }),
}));

process.env.RENKEI_MAX_REQUESTS_IN_FLIGHT = "1";
process.env.RENKEI_MAX_REQUESTS_WAITING = "0";
delete (globalThis as Record<symbol, unknown>)[Symbol.for("renkei.admissionGate")];
const { reloadEnv } = await import("@/lib/env");
reloadEnv();
const { apiRoute } = await import("./api");

describe("apiRoute admission", () => {
  it("refuses what the process cannot take now, and takes it again once the turn is free", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    const route = apiRoute(async ({ request }) => {
      handled.push(request.method);
      if (request.method === "PUT") await held;
      return { ok: true };
    });
    const call = (method: string) =>
      route(
        new Request("http://renkei.test/api/v1/x", {
          method,
          headers: { host: "renkei.test", origin: "http://renkei.test", "content-type": "application/json" },
          body: method === "GET" ? undefined : "{}",
        }),
        { params: Promise.resolve({}) },
      );

    const first = call("PUT");
    await new Promise((resolve) => setImmediate(resolve));
    const write = await call("POST");
    expect(write.status).toBe(503);
    expect(write.headers.get("Retry-After")).toBe("5");
    expect(write.headers.get("Content-Security-Policy")).toBeTruthy();
    expect((await write.json()).error).toMatchObject({
      code: "BUSY",
      message: expect.stringMatching(/まだ保存されていません/),
    });
    const read = await call("GET");
    expect(read.status).toBe(503);
    expect((await read.json()).error.message).toMatch(/再読み込み/);
    expect(handled).toEqual(["PUT"]);

    release();
    expect((await first).status).toBe(200);
    expect((await call("POST")).status).toBe(200);
    expect(handled).toEqual(["PUT", "POST"]);
  });
});
