// Finding 6: security headers on every response.
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  isHttpsRequest,
  JSON_CONTENT_SECURITY_POLICY,
  securityHeaders,
} from "./security-headers";

describe("contentSecurityPolicy", () => {
  const csp = contentSecurityPolicy("abc123", { development: false });

  it("allows scripts only with the request's nonce, never inline or eval", () => {
    const scripts = /script-src ([^;]+)/.exec(csp)![1]!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins, foreign forms and base tags", () => {
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("base-uri 'self'");
  });
});

describe("securityHeaders", () => {
  it("sends the fixed headers on every response, HSTS only over https", () => {
    const http = securityHeaders({ https: false });
    expect(http).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(http["Permissions-Policy"]).toContain("camera=()");
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("JSON answers", () => {
  it("load nothing, run nothing, are never framed", () => {
    expect(JSON_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(JSON_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it.each([
    [{}, "http://localhost:3000/api/v1/x", false],
    [{}, "https://renkei.example.jp/api/v1/x", true],
    [{ "x-forwarded-proto": "https" }, "http://127.0.0.1:3001/api/v1/x", true],
    [{ "x-forwarded-proto": "http" }, "https://renkei.example.jp/api/v1/x", false],
  ])("https from %o and %s: %s", (headers, url, https) => {
    expect(isHttpsRequest(new Headers(headers), url)).toBe(https);
  });
});
