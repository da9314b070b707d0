// Finding 8: writes refuse a missing or foreign Origin, and JSON bodies need a JSON Content-Type.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => ({ userId: "u1", email: "a@example.jp", name: "担当", role: "admin" }),
}));

const { apiRoute } = await import("./api");

let calls = 0;
const route = apiRoute(async ({ body }) => {
  calls++;
  return { received: body };
});
const call = (init: RequestInit & { headers?: Record<string, string> }) =>
  route(new Request("http://renkei.test/api/v1/x", init), { params: Promise.resolve({}) });

beforeEach(() => {
  calls = 0;
});

describe("apiRoute write guards", () => {
  const json = { "content-type": "application/json", host: "renkei.test" };

  it("accepts a same-origin JSON write", async () => {
    const response = await call({ method: "POST", headers: { ...json, origin: "http://renkei.test" }, body: "{}" });
    expect(response.status).toBe(200);
  });

  it.each([
    ["a missing Origin", {}],
    ["a foreign Origin", { origin: "http://evil.example" }],
    ["an opaque Origin", { origin: "null" }],
  ])("refuses a write with %s (403, nothing run)", async (_name, extra) => {
    const response = await call({ method: "PUT", headers: { ...json, ...extra }, body: "{}" });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/Renkei の画面から/);
    expect(calls).toBe(0);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "refuses a body sent as %s with 415",
    async (contentType) => {
      const response = await call({
        method: "POST",
        headers: { host: "renkei.test", origin: "http://renkei.test", "content-type": contentType },
        body: '{"a":1}',
      });
      expect(response.status).toBe(415);
      expect(calls).toBe(0);
    },
  );

  it("accepts application/json with a charset, and an empty body without a type", async () => {
    const withCharset = await call({
      method: "POST",
      headers: { host: "renkei.test", origin: "http://renkei.test", "content-type": "application/json; charset=utf-8" },
      body: '{"a":1}',
    });
    expect(await withCharset.json()).toEqual({ received: { a: 1 } });
    const empty = await call({ method: "DELETE", headers: { host: "renkei.test", origin: "http://renkei.test" } });
    expect(empty.status).toBe(200);
  });

  it("lets reads through without an Origin", async () => {
    const response = await call({ method: "GET", headers: { host: "renkei.test" } });
    expect(response.status).toBe(200);
  });
});
