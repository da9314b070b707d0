import AxeBuilder from "@axe-core/playwright";
import { randomBytes, createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { buildInstitutionCode } from "../../lib/domain/codes";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";
import { signInAs } from "./fixtures";

// axe-core on every page of every role (JIS X 8341-3 AA ≈ WCAG 2.1 A + AA): each page is loaded
// once and must have no serious or critical violation, exactly one h1 and one main landmark.
// The ids the pages need (cycles, submissions, an institution, a version) come from the seeded
// database; the spec adds only an import preview and a one-time password link, and removes both.

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FISCAL_YEAR = 2025; // 令和7年度, this year's cycles in the demo
const created = { importJobIds: [] as string[], tokenIds: [] as string[] };

async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function firstId(sql: string, params: unknown[] = []): Promise<string> {
  const rows = await query<{ id: string }>(sql, params);
  expect(rows.length, sql).toBeGreaterThan(0);
  return rows[0]!.id;
}

const cycleOf = (kind: "CLINIC_REPORT" | "HUB_SELF_ASSESSMENT", fiscalYear: number) =>
  firstId(`select id from "ReportingCycle" where kind = $1 and "fiscalYear" = $2 and "prefectureCode" = '18'`, [
    kind,
    fiscalYear,
  ]);

/** The demo council member's account (its page shows the zone form). */
const councilAccount = () => firstId(`select id from "User" where email = 'council@demo.renkei.jp'`);

type TFinding = { path: string; problems: string[] };

/**
 * Loads one page and audits it. Returns what is wrong (empty when the page passes), so a run
 * lists every page's problems instead of stopping at the first.
 */
async function audit(page: Page, path: string): Promise<TFinding> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const problems = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id} ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  const h1 = await page.locator("h1").count();
  if (h1 !== 1) problems.push(`h1 ×${h1}`);
  const main = await page.locator("main, [role=main]").count();
  if (main !== 1) problems.push(`main ×${main}`);
  // One line per page, so a run's log is the table of counts (see docs/decisions/0012).
  console.log(`a11y ${path}: ${problems.length === 0 ? "ok" : problems.join(" | ")}`);
  return { path, problems };
}

async function auditAll(page: Page, paths: string[]) {
  // One page load and one axe run a page: a few seconds each, more on a loaded machine.
  test.setTimeout(60_000 + paths.length * 20_000);
  const findings: TFinding[] = [];
  for (const path of paths) findings.push(await audit(page, path));
  // Soft: the test goes on to the role's next pages, so one run lists every failing page.
  expect.soft(findings.filter((f) => f.problems.length > 0)).toEqual([]);
}

test.afterAll(async () => {
  if (!process.env.E2E_DATABASE_URL) return;
  if (created.importJobIds.length) await query(`delete from "ImportJob" where id = any($1)`, [created.importJobIds]);
  if (created.tokenIds.length) await query(`delete from "PasswordToken" where id = any($1)`, [created.tokenIds]);
});

test("accessibility: the public pages (sign-in, password link, forgotten password, second factor)", async ({
  page,
}) => {
  // A valid one-time link shows the form; an unknown one shows the message.
  const token = randomBytes(24).toString("base64url");
  const userId = await firstId(`select id from "User" where role = 'INSTITUTION' order by email limit 1`);
  const [row] = await query<{ id: string }>(
    `insert into "PasswordToken" (id, "userId", "tokenHash", "expiresAt") values ($1, $2, $3, now() + interval '1 day') returning id`,
    [`e2e-a11y-${randomBytes(6).toString("hex")}`, userId, createHash("sha256").update(token).digest("hex")],
  );
  created.tokenIds.push(row!.id);
  await auditAll(page, [
    "/login",
    `/set-password?token=${token}`,
    "/set-password",
    "/login/forgot",
    // council-loop: the published council result of 丹南 (令和6年度, seeded as 公表).
    `/public/18/councils/1803/${FISCAL_YEAR - 1}`,
  ]);

  // The second step of a sign-in: the officer's password passed, the code not yet entered.
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill("pref@demo.renkei.jp");
  await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/two-factor/);
  await auditAll(page, ["/two-factor"]);
});

test("accessibility: every page of the clinic and the hub", async ({ page }) => {
  for (const [email, home, kind] of [
    ["clinic@demo.renkei.jp", "/institution", "CLINIC_REPORT"],
    ["hub@demo.renkei.jp", "/hub", "HUB_SELF_ASSESSMENT"],
  ] as const) {
    await page.context().clearCookies();
    await signInAs(page, email, home);
    const current = await cycleOf(kind, FISCAL_YEAR);
    // Last year's report was submitted and confirmed in the seed: its receipt and history exist.
    const previous = await cycleOf(kind, FISCAL_YEAR - 1);
    await auditAll(page, [
      home,
      `${home}/cycles/${current}`,
      `${home}/cycles/${previous}/receipt`,
      `${home}/cycles/${previous}/history`,
      `${home}/security`,
    ]);
  }
});

test("accessibility: every page of the council member", async ({ page }) => {
  await signInAs(page, "council@demo.renkei.jp", "/council");
  // A hub report the member may open: the 丹南 hub's (hub@demo), last year's in the seed.
  const hubReport = await firstId(
    `select s.id from "Submission" s join "User" u on u."hubId" = s."hubId"
     where u.email = 'hub@demo.renkei.jp' and s.status in ('SUBMITTED', 'CONFIRMED') order by s."submittedAt" desc limit 1`,
  );
  const tannan = await firstId(
    `select z.id from "Zone" z join "ZoneScheme" s on s.id = z."schemeId" where z.name = '丹南' and s.name = '二次医療圏'`,
  );
  await auditAll(page, [
    "/council",
    "/council/hubs",
    `/council/hubs/${hubReport}`,
    "/council/packets",
    "/council/security",
    // council-loop: the records list, last year's seeded record (with its forms) and this year's.
    "/council/records",
    `/council/records/${tannan}/${FISCAL_YEAR - 1}`,
    `/council/records/${tannan}/${FISCAL_YEAR}`,
  ]);
});

test("accessibility: every page of the prefecture officer", async ({ page }) => {
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  const cycle = await cycleOf("CLINIC_REPORT", FISCAL_YEAR);
  // A report with a 前年比大 warning where the demo has one, so its 確認済み（問題なし） control is audited too.
  const submission = await firstId(
    `select id from "Submission" where "cycleId" = $1 and status = 'SUBMITTED'
     order by coalesce("softWarnings"->'warnings', '[]'::jsonb) @> '[{"kind": "change"}]'::jsonb desc, id limit 1`,
    [cycle],
  );
  const institution = await firstId(`select id from "Institution" where "prefectureCode" = '18' order by code limit 1`);
  const zone = await firstId(
    `select z.id from "Zone" z join "ZoneScheme" s on s.id = z."schemeId" where z.name = '丹南' and s.name = '二次医療圏'`,
  );

  // An import preview (not applied; removed at the end): one new clinic in a roster file.
  await page.goto("/prefecture/roster");
  const code = buildInstitutionCode("18", `98${String(Date.now() % 10_000).padStart(4, "0")}`);
  const csv = [
    "医療機関コード,名称,種別,病床数,郵便番号,住所,市区町村コード,電話,担当者メール",
    `${code},E2Eアクセシビリティ診療所,診療所,0,916-0022,鯖江市水落町1-1,182079,0778-51-9999,a11y@example.jp`,
  ].join("\r\n");
  await page.getByLabel("名簿ファイル").setInputFiles({
    name: "名簿.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\ufeff${csv}`),
  });
  await page.getByRole("button", { name: "ファイルを確認する" }).click();
  await expect(page).toHaveURL(/\/prefecture\/imports\/[^/]+$/);
  const importPath = new URL(page.url()).pathname;
  created.importJobIds.push(importPath.split("/").pop()!);

  await auditAll(page, [
    "/prefecture",
    "/prefecture/cycles",
    `/prefecture/cycles/${cycle}`,
    "/prefecture/submissions",
    // The list filtered and ranked by review flags (issue 16).
    "/prefecture/submissions?flag=any&sort=flags",
    `/prefecture/submissions/${submission}`,
    "/prefecture/dashboard",
    `/prefecture/dashboard?zone=${zone}`,
    "/prefecture/packets",
    "/prefecture/roster",
    `/prefecture/roster/${institution}`,
    "/prefecture/zones",
    "/prefecture/accounts",
    `/prefecture/accounts/${await councilAccount()}`,
    "/prefecture/audit",
    // exports-audit: the log filtered by institution and period, entries with changes in words.
    "/prefecture/audit?institution=%E3%81%95%E3%81%8F%E3%82%89&from=2020-01-01",
    "/prefecture/security",
    // --- cycle-mail ---
    `/prefecture/cycles/${cycle}/mail`,
    "/prefecture/mail-settings",
    importPath,
    // council-loop: every zone's records side by side, and one record with its forms.
    "/prefecture/councils",
    `/prefecture/councils/${zone}/${FISCAL_YEAR - 1}`,
  ]);
});

test("accessibility: every page of the national administrator", async ({ page }) => {
  await signInAs(page, "admin@demo.renkei.jp", "/admin");
  const cycle = await cycleOf("CLINIC_REPORT", FISCAL_YEAR);
  const version = await firstId(`select id from "QuestionnaireVersion" order by "fiscalYear" desc, id limit 1`);
  await auditAll(page, [
    "/admin",
    `/admin/dashboard?cycle=${cycle}`,
    "/admin/questionnaires",
    `/admin/questionnaires/${version}`,
    "/admin/officers",
    "/admin/security",
  ]);
});

/** The page's width and the outermost elements that stick out of the viewport (run in the page). */
function widerThanViewport() {
  const culprits: string[] = [];
  const walk = (element: Element, inScroller: boolean) => {
    const style = getComputedStyle(element);
    const sticksOut = element.getBoundingClientRect().right > window.innerWidth + 1 && style.position !== "fixed";
    // Inside a scroll region only absolutely positioned things can widen the page (sr-only text).
    if (sticksOut && (!inScroller || style.position === "absolute")) {
      culprits.push(`${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 4).join(".")}`);
      return;
    }
    const scroller = ["auto", "hidden", "scroll"].includes(style.overflowX);
    for (const child of element.children) walk(child, inScroller || scroller);
  };
  walk(document.body, false);
  return { width: document.documentElement.scrollWidth, culprits: culprits.slice(0, 5) };
}

test("accessibility: the key pages at 390 px (a phone) reflow without sideways scrolling of the page", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  const zone = await firstId(
    `select z.id from "Zone" z join "ZoneScheme" s on s.id = z."schemeId" where z.name = '丹南' and s.name = '二次医療圏'`,
  );
  const mailCycle = await cycleOf("CLINIC_REPORT", FISCAL_YEAR);
  const paths = [
    "/prefecture/submissions",
    "/prefecture/submissions?flag=any&sort=flags",
    "/prefecture/dashboard",
    `/prefecture/dashboard?zone=${zone}`,
    `/prefecture/cycles/${mailCycle}/mail`,
    "/prefecture/audit",
  ];
  const findings: TFinding[] = [];
  await phonePaths(page, paths, findings);
  expect(findings.filter((f) => f.problems.length > 0)).toEqual([]);
});

test("accessibility: the prefecture's account pages at 390 px (a phone)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  const findings: TFinding[] = [];
  await phonePaths(page, ["/prefecture/accounts", `/prefecture/accounts/${await councilAccount()}`], findings);
  expect(findings.filter((f) => f.problems.length > 0)).toEqual([]);
});

test("accessibility: the administrator's officer accounts at 390 px (a phone)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "admin@demo.renkei.jp", "/admin");
  const findings: TFinding[] = [];
  await phonePaths(page, ["/admin/officers"], findings);
  expect(findings.filter((f) => f.problems.length > 0)).toEqual([]);
});

async function phonePaths(page: Page, paths: string[], findings: TFinding[]) {
  // A page load, an axe run and a layout walk each (the dashboards' walk is long), more on a
  // loaded machine.
  test.setTimeout(60_000 + paths.length * 40_000);
  for (const path of paths) {
    const finding = await audit(page, path);
    // WCAG 1.4.10: wide tables scroll inside their own region, never the whole page.
    const wide = await page.evaluate(widerThanViewport);
    if (wide.width > 390) finding.problems.push(`page is ${wide.width}px wide: ${wide.culprits.join(", ")}`);
    findings.push(finding);
    // A look at the phone layout when asked: A11Y_SCREENSHOTS=<folder>.
    if (process.env.A11Y_SCREENSHOTS)
      await page.screenshot({
        path: `${process.env.A11Y_SCREENSHOTS}/${path.replace(/\W+/g, "_")}.png`,
        fullPage: true,
      });
  }
}

/** Public pages of 令和6年度 (published by the demo seed); ?year=2024 keeps them valid whatever else is public. */
async function publicationPaths() {
  const previous = await cycleOf("CLINIC_REPORT", FISCAL_YEAR - 1);
  const [row] = await query<{ institutionId: string; zoneCode: string; municipalityCode: string }>(
    `select p."institutionId", p."zoneCode", p."municipalityCode" from "PublishedInstitution" p
     join "PublicationSetting" s on s."liveRunId" = p."runId" where s."cycleId" = $1 order by p.code limit 1`,
    [previous],
  );
  expect(row).toBeTruthy();
  return {
    previous,
    institutionId: row!.institutionId,
    publicPaths: [
      "/public",
      "/public/18?year=2024",
      "/public/18/search?year=2024&municipality=182079&near=1&fn=f2ha",
      `/public/18/zones/${row!.zoneCode}?year=2024`,
      `/public/18/municipalities/${row!.municipalityCode}?year=2024`,
      `/public/18/institutions/${row!.institutionId}?year=2024`,
      "/public/18/open-data?year=2024",
    ],
  };
}

test("accessibility: the publication pages without signing in", async ({ page }) => {
  await auditAll(page, (await publicationPaths()).publicPaths);
});

test("accessibility: the publication pages at 390 px reflow without sideways scrolling of the page", async ({
  page,
}) => {
  const { publicPaths } = await publicationPaths();
  test.setTimeout(60_000 + publicPaths.length * 30_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const narrow: TFinding[] = [];
  for (const path of publicPaths) {
    const finding = await audit(page, path);
    const wide = await page.evaluate(widerThanViewport);
    if (wide.width > 390) finding.problems.push(`page is ${wide.width}px wide: ${wide.culprits.join(", ")}`);
    narrow.push(finding);
  }
  expect(narrow.filter((f) => f.problems.length > 0)).toEqual([]);
});

test("accessibility: the administrator's publication page", async ({ page }) => {
  await signInAs(page, "admin@demo.renkei.jp", "/admin");
  await auditAll(page, ["/admin/publication"]);
});

test("accessibility: the officer's publication pages", async ({ page }) => {
  const { previous, institutionId } = await publicationPaths();
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await auditAll(page, [
    `/prefecture/cycles/${previous}/publication`,
    `/prefecture/cycles/${previous}/publication/institutions/${institutionId}`,
  ]);
});
