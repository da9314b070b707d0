// Issue 12: headers on every response (finding 6), cross-site writes refused (finding 8), no
// open redirect after sign-in (finding 1), sign-out ends the session on the server (finding 2).
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs } from "./fixtures";

function expectSecurityHeaders(response: { headers(): Record<string, string> } | null) {
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  const scripts = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scripts).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
}

/** CSP violations show up as console errors; none may happen while the app is used. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("pages, JSON and redirects carry the security headers", async ({ page, request }) => {
  expectSecurityHeaders(await page.goto("/login"));
  expectSecurityHeaders(await request.get("/api/v1/summaries"));
  expectSecurityHeaders(await request.get("/prefecture/accounts", { maxRedirects: 0 }));
  // The respondent's JSON writes skip the proxy (the deadline rush): the route sets the headers,
  // with a policy that loads and runs nothing.
  const json = (await request.put("/api/v1/respondent/cycles/none/draft", { data: {} })).headers();
  expect(json["content-security-policy"]).toContain("default-src 'none'");
  expect(json["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(json["x-content-type-options"]).toBe("nosniff");
  expect(json["x-frame-options"]).toBe("DENY");
  expect(json["permissions-policy"]).toContain("camera=()");
  const nonces = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const csp = (await request.get("/login")).headers()["content-security-policy"]!;
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
  }
  expect(nonces.size).toBe(2);
});

test("the officer's pages and charts run under the CSP without a violation", async ({ page }) => {
  const violations = collectCspViolations(page);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  const dashboard = await page.goto("/prefecture/dashboard");
  expectSecurityHeaders(dashboard);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/prefecture/accounts");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("cross-site and origin-less writes are refused, JSON only as application/json", async ({ page, baseURL }) => {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  const signOut = await page.request.post("/api/auth/signout", {
    headers: { origin: "https://evil.example" },
    form: { csrfToken: "x" },
  });
  expect(signOut.status()).toBe(403);
  const noOrigin = await page.request.post("/api/v1/prefecture/cycles", { data: {} });
  expect(noOrigin.status()).toBe(403);
  const textPlain = await page.request.post("/api/v1/prefecture/cycles", {
    headers: { origin: baseURL!, "content-type": "text/plain" },
    data: "{}",
  });
  expect(textPlain.status()).toBe(415);
});

for (const callbackUrl of ["/\\127.0.0.1:8099/", "/\t/127.0.0.1:8099/", "//127.0.0.1:8099/"]) {
  test(`sign-in does not follow callbackUrl ${JSON.stringify(callbackUrl)} off-site`, async ({ page, baseURL }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await signIn(page, "council@demo.renkei.jp");
    await expect(page).toHaveURL(/\/council$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("after sign-out the old session cookie reads nothing and cannot be renewed", async ({ page, browser }) => {
  await signInAs(page, "council@demo.renkei.jp", "/council");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);

  const replay = await browser.newContext({ baseURL: new URL(page.url()).origin });
  await replay.addCookies(cookies);
  expect((await replay.request.get("/api/v1/summaries")).status()).toBe(401);
  expect(await (await replay.request.get("/api/auth/session")).json()).toEqual({});
  await replay.close();
});

test("an unknown cycle id and an unknown address are Japanese 404 pages, never a 500", async ({ page }) => {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  for (const path of [
    "/institution/cycles/no-such-cycle",
    "/institution/cycles/no-such-cycle/receipt",
    "/institution/cycles/no-such-cycle/history",
    "/institution/no-such-page",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();
  }
});
