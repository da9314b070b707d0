import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { query, signIn } from "./fixtures";

// Two server instances (scripts/server.mjs) on one database (scripts/test.ts starts both; the first runs no job
// workers): a session made on one is valid on the other, a draft saved on one is what the other
// shows, and a PDF batch asked for on the first is run by the second's workers and downloaded
// from both. Cookies are per host, not per port, so one browser context is signed in on both.

const A = process.env.E2E_BASE_URL ?? "http://localhost:3100";
const B = process.env.E2E_SECOND_URL;

/** A clinic account of its own (another demo clinic, same password), so no other test's draft is touched. */
async function clinicAccount(): Promise<string> {
  const email = "two-instances@demo.renkei.jp";
  await query(
    `insert into "User" (id, email, name, role, "institutionId", "passwordHash", "updatedAt")
     select 'e2e-two-instances', $1, '二重 起動', 'INSTITUTION', i.id, u."passwordHash", now()
     from "Institution" i, "User" u
     where u.email = 'clinic@demo.renkei.jp' and i."prefectureCode" = '18' and i.kind = 'CLINIC' and i."isActive"
       and not exists (select 1 from "User" x where x."institutionId" = i.id)
       and not exists (select 1 from "Submission" s where s."institutionId" = i.id)
     order by i.code limit 1
     on conflict (email) do nothing`,
    [email],
  );
  return email;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; path: string }> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  const saved = await (file as Download).path();
  return { bytes: readFileSync(saved), path: saved };
}

test.describe("two app instances on one database", () => {
  // npm test always starts the second instance; without it this is a misconfigured run, not a pass.
  test.beforeAll(() => {
    if (!B) throw new Error("E2E_SECOND_URL is not set: run the end-to-end tests through npm test (scripts/test.ts)");
  });

  test("two instances: signed in on one, a draft saved on the other is the same draft on both", async ({ page }) => {
    const email = await clinicAccount();
    await page.goto(`${A}/login`);
    await signIn(page, email);
    await expect(page).toHaveURL(new RegExp(`^${A}/institution$`));
    // The demo has 令和7年度 and 令和8年度 open side by side: start the 令和7年度 report.
    await page
      .getByTestId("open-cycle")
      .and(page.locator('[data-fiscal-year="2025"]'))
      .getByRole("link", { name: "報告を始める" })
      .click();
    await expect(page).toHaveURL(/\/institution\/cycles\/[^/]+$/);
    const formPath = new URL(page.url()).pathname;

    // The same session on the other instance; the draft is saved there.
    await page.goto(`${B}${formPath}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("令和7年度 かかりつけ医機能報告");
    await page.getByLabel("部署").fill("二重起動テスト課");
    await expect(page.getByTestId("save-indicator")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });

    await page.goto(`${A}${formPath}`);
    await expect(page.getByLabel("部署")).toHaveValue("二重起動テスト課");
  });

  test("two instances: a PDF batch asked for on one is made by the other and downloads from both", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${A}/login`);
    await signIn(page, "pref@demo.renkei.jp");
    await expect(page).toHaveURL(new RegExp(`^${A}/prefecture$`));
    await page.goto(`${A}/prefecture/packets?confirmed=1`);
    await page.getByRole("button", { name: "全圏域を一括作成 (ZIP)" }).click();
    const link = page.getByTestId("packet-zip-download");
    await expect(link).toBeVisible({ timeout: 90_000 });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/api\/v1\/pdf\/jobs\/[a-z0-9]+\/download$/);

    // Instance A runs no workers: the job was run by B.
    const zipFromA = await download(page, () => link.click());
    expect(zipFromA.bytes.subarray(0, 2).toString()).toBe("PK");
    const entries = execFileSync("zipinfo", ["-1", zipFromA.path]).toString().trim().split("\n");
    expect(entries).toHaveLength(5);

    const fromB = await page.request.get(`${B}${href}`);
    expect(fromB.status()).toBe(200);
    expect(Buffer.from(await fromB.body()).equals(zipFromA.bytes)).toBe(true);
  });
});
