import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { signInAs } from "./fixtures";

// 公表 in Chromium. The demo seed published 令和6年度 (a real run) and scheduled 令和7年度. Here:
// the clinic sees what will be published about it; the officer holds one confirmed institution
// back and publishes 令和7年度 now (the run goes through the job queue, on the second instance);
// then a visitor WITHOUT signing in searches by function and municipality, never finds the held
// institution or an institution whose report is a draft, and the zone page's counts equal the
// prefecture dashboard's confirmed-only figures for the same cycle.

test.describe.configure({ mode: "serial" });

async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const cycleId = async (fiscalYear: number) =>
  (
    await query<{ id: string }>(
      `select id from "ReportingCycle" where kind = 'CLINIC_REPORT' and "fiscalYear" = $1 and "prefectureCode" = '18'`,
      [fiscalYear],
    )
  )[0]!.id;

/** Institutions of 令和7年度 by report status, in code order. */
const byStatus = (status: string) =>
  query<{ id: string; name: string; code: string; municipalityCode: string }>(
    `select i.id, i.name, i.code, i."municipalityCode" from "Submission" s join "Institution" i on i.id = s."institutionId"
     where s."cycleId" = $1 and s.status = $2 order by i.code`,
    [cycleR7, status],
  );

let cycleR7 = "";
let held: { id: string; name: string } | null = null;

async function anonymous(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test.beforeAll(async () => {
  cycleR7 = await cycleId(2025);
});

test("publication: the clinic sees what will be published about it before the date", async ({ page }) => {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  const panel = page
    .getByRole("region", { name: /Renkei が公表する内容（令和7年度）/ })
    .or(page.locator("#publication-2025"));
  await expect(panel.first()).toContainText("確認が済んだ報告だけが公表されます");
});

test("publication: the officer holds one institution back and publishes 令和7年度 now", async ({ page }) => {
  test.setTimeout(180_000);
  const confirmed = await byStatus("CONFIRMED");
  expect(confirmed.length).toBeGreaterThan(2);
  held = confirmed[1]!;
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto(`/prefecture/cycles/${cycleR7}/publication`);
  await expect(page.getByTestId("publication-status")).toHaveText("公表予定");
  await page.goto(`/prefecture/cycles/${cycleR7}/publication/institutions/${held.id}`);
  await expect(page.getByTestId("institution-card")).toBeVisible();
  await page.getByLabel("保留の理由（記録に残ります）").fill("所在地を訂正中のため（e2e）");
  await page.getByRole("button", { name: "公表を保留" }).click();
  await expect(page.getByTestId("hold-reason")).toContainText("所在地を訂正中のため");
  await page.goto(`/prefecture/cycles/${cycleR7}/publication`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "今すぐ公表" }).click();
  // The run is a job on the durable queue: wait until the status says 公表中.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("publication-status")).toHaveText("公表中", { timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 5_000] });
});

test("publication: without signing in, search finds institutions by function and municipality; held and draft never appear", async ({
  browser,
}) => {
  const page = await anonymous(browser);
  await page.goto("/public");
  await page.getByRole("link", { name: "福井県" }).click();
  await expect(page).toHaveURL(/\/public\/18$/);
  await expect(page.getByTestId("data-date")).toContainText("令和7年度");
  // 在宅医療 near 鯖江市: the form, as a visitor fills it in. Expected first: a 丹南 institution with
  // (ハ) 有り, 鯖江市's own first (the order the search lists them in).
  const expected = await query<{ name: string }>(
    `select p.name from "PublishedInstitution" p join "PublicationSetting" s on s."liveRunId" = p."runId"
     where s."cycleId" = $1 and p."f2ha" and p."zoneCode" = '1803'
     order by (p."municipalityCode" <> '182079'), p.code limit 1`,
    [cycleR7],
  );
  expect(expected.length).toBe(1);
  const form = page.getByRole("search", { name: "医療機関を探す" });
  await form.getByLabel("市区町村").selectOption({ label: "鯖江市" });
  await form.getByLabel("近くの市町村（同じ圏域）も含める").check();
  await form.getByLabel("機能").selectOption({ label: "在宅医療（ハ）" });
  await form.getByRole("button", { name: "検索する" }).click();
  await expect(page).toHaveURL(/search\?.*fn=f2ha/);
  await expect(page.getByTestId("public-results")).toContainText(expected[0]!.name);
  await page.getByTestId("public-results").getByRole("link", { name: expected[0]!.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected[0]!.name);
  await expect(page.locator('[data-function="f2ha"]')).toHaveAttribute("data-has", "true");
  await expect(page.getByTestId("data-date")).toBeVisible();

  // The held institution: not found by name, its page is the Japanese 404.
  expect(held).not.toBeNull();
  await page.goto(`/public/18/search?q=${encodeURIComponent(held!.name)}`);
  await expect(page.getByText("条件に合う医療機関は見つかりませんでした")).toBeVisible();
  const heldPage = await page.goto(`/public/18/institutions/${held!.id}`);
  expect(heldPage?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();

  // A draft and a returned report are never visible, by name or by id (page and API).
  for (const status of ["DRAFT", "RETURNED", "SUBMITTED"]) {
    const [one] = await byStatus(status);
    expect(one, status).toBeTruthy();
    await page.goto(`/public/18/search?q=${encodeURIComponent(one!.name)}`);
    await expect(page.getByText("条件に合う医療機関は見つかりませんでした")).toBeVisible();
    expect((await page.goto(`/public/18/institutions/${one!.id}`))?.status()).toBe(404);
    expect((await page.request.get(`/api/v1/public/18/institutions/${one!.id}`)).status()).toBe(404);
  }
  const api = await page.request.get("/api/v1/public/18/institutions?municipality=182079&near=1&fn=f2ha");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { institutions: { name: string; id: string }[]; total: number };
  expect(body.institutions.map((i) => i.name)).toContain(expected[0]!.name);
  expect(body.institutions.map((i) => i.id)).not.toContain(held!.id);
  const csv = await page.request.get("/api/v1/public/18/open-data/2025/institutions.csv");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).not.toContain(held!.name);
  await page.context().close();
});

test("publication: the zone page's counts equal the dashboard's confirmed-only figures (令和6年度)", async ({
  page,
  browser,
}) => {
  const cycleR6 = await cycleId(2024);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  const response = await page.request.get(`/api/v1/summaries?cycle=${cycleR6}&confirmed=1`);
  expect(response.status()).toBe(200);
  const view = (await response.json()) as {
    zones: {
      code: string;
      name: string;
      summary: { n: number; functions: { key: string; has: { count: number } }[] };
    }[];
  };
  expect(view.zones.length).toBeGreaterThan(0);
  const visitor = await anonymous(browser);
  for (const zone of view.zones) {
    await visitor.goto(`/public/18/zones/${encodeURIComponent(zone.code)}?year=2024`);
    const total = visitor.getByTestId("zone-page-counts").locator("tfoot tr");
    const count = async (key: string) =>
      Number(((await total.locator(`[data-count="${key}"]`).textContent()) ?? "").replace(/[^\d]/g, ""));
    expect(await count("institutions"), `${zone.name} 公表医療機関数`).toBe(zone.summary.n);
    for (const key of ["f1", "f2i", "f2ro", "f2ha", "f2ni"]) {
      const fn = zone.summary.functions.find((f) => f.key === key);
      expect(await count(key), `${zone.name} ${key}`).toBe(fn?.has.count ?? 0);
    }
  }
  await visitor.context().close();
});
