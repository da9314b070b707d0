import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Download, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../lib/demo-accounts";
import { currentTotp } from "../../lib/auth/totp";

const TOTP_EMAILS = new Set<string>(DEMO_ACCOUNTS.filter((a) => "totp" in a).map((a) => a.email));

/**
 * Signs in from the current page if it is the sign-in page (keeps its callbackUrl), else from
 * /login. The demo officer and administrator then pass the second factor with the documented
 * demo secret (see enterTotp).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  if (TOTP_EMAILS.has(email) && password === DEMO_PASSWORD) {
    await expect(page).toHaveURL(/\/two-factor/);
    await enterTotp(page, email, DEMO_TOTP_SECRET);
  }
}

// A code is accepted once per account and 30-second step (replay protection), within one step
// of the clock either way. Sign-ins in quick succession therefore use the next step's code, and
// wait for the clock when even that is used. Tracked per account in this worker; a rejection
// (another worker, a restart) moves on to the next step.
const lastStepUsed = new Map<string, number>();

/** Enters a fresh TOTP code for the secret on the second-factor page and waits to leave it. */
export async function enterTotp(page: Page, email: string, secret: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, (lastStepUsed.get(email) ?? -1) + 1);
    if (step > now + 1) await page.waitForTimeout((step - 1) * 30_000 - Date.now() + 500);
    lastStepUsed.set(email, step);
    await page.getByLabel("確認コード").fill(currentTotp(secret, new Date(step * 30_000 + 1_000)));
    await page.getByRole("button", { name: "確認する" }).click();
    const left = await page
      .waitForURL((url) => !url.pathname.startsWith("/two-factor"), { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (left) return;
  }
  throw new Error(`second factor not accepted for ${email}`);
}

export async function signInAs(page: Page, email: string, expectedPath: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${expectedPath}$`));
}

/** Alerts inside the page's main content (Next's route announcer is also role="alert"). */
export const formAlert = (page: Page) => page.locator("form").getByRole("alert");

/**
 * Answers every visible, still-unanswered question of the questionnaire form the way a person
 * would: the first choice of each radio group (for self-assessments that is 「実施している」 /
 * the yes answer), the first checkbox of each multiple choice, a number or a short text in each
 * empty field. Repeats until nothing new appears (answers reveal conditional items).
 */
export async function answerEverythingVisible(page: Page) {
  const form = page.locator("form[aria-label]");
  for (let pass = 0; pass < 4; pass++) {
    let changed = 0;
    const groups = form.locator("fieldset");
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      if ((await group.locator("fieldset").count()) > 0) continue; // outer fieldset of a nested group
      const radios = group.locator("input[type=radio]");
      if ((await radios.count()) > 0 && (await group.locator("input[type=radio]:checked").count()) === 0) {
        await radios.first().check();
        changed++;
        continue;
      }
      const boxes = group.locator("input[type=checkbox]");
      if ((await boxes.count()) > 0 && (await group.locator("input[type=checkbox]:checked").count()) === 0) {
        await boxes.first().check();
        changed++;
      }
    }
    const fields = form.locator(
      "input[type=text]:not([role=combobox]), input[type=tel], input[type=email], input[type=date], textarea",
    );
    const fieldCount = await fields.count();
    for (let i = 0; i < fieldCount; i++) {
      const field = fields.nth(i);
      if (!(await field.isEditable()) || (await field.inputValue()) !== "") continue;
      const type = await field.getAttribute("type");
      const inputMode = await field.getAttribute("inputmode");
      const value =
        type === "date"
          ? "2027-03-31"
          : type === "tel"
            ? "0778-00-1234"
            : type === "email"
              ? "tanto@example.jp"
              : inputMode === "numeric" || inputMode === "decimal"
                ? "3"
                : "地域の関係機関と連携して対応";
      await field.fill(value);
      changed++;
    }
    if (changed === 0) return;
  }
}

/** Clicks a link that downloads a file and returns the saved bytes. */
export async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ bytes: Buffer; name: string; path: string }> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  const saved = await (file as Download).path();
  expect((await file.failure()) ?? null).toBeNull();
  return { bytes: readFileSync(saved), name: file.suggestedFilename(), path: saved };
}

/** The text of a PDF, as poppler's pdftotext lays it out. */
export function pdfText(bytes: Buffer): string {
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: bytes }).toString();
}

/** A query on the test database (E2E_DATABASE_URL), for setting up or checking what the UI cannot. */
export async function query<T extends object>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Scans one part of the page (a control, a dialog) for WCAG 2.1 A/AA violations of serious or
 * critical impact: for what appears only after an interaction, which the page scans of
 * accessibility.spec.ts never see.
 */
export async function expectAccessible(page: Page, selector: string) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

/**
 * An explanation for every rule of a version's shipped soft-rule sets (read from
 * prisma/questionnaires/soft-rules), as a clerk gives before submitting: generated answers may
 * raise a warning that needs one (ADR 0019), and the submit refuses it unexplained.
 */
export function explainEverySoftRule(versionKey: string, text = "E2E: 実数です"): Record<string, string> {
  const folder = path.join(process.cwd(), "prisma", "questionnaires", "soft-rules");
  const ruleIds = readdirSync(folder)
    .filter((name) => name.startsWith(`${versionKey}.rules-`))
    .flatMap((name) => (JSON.parse(readFileSync(path.join(folder, name), "utf8")) as { rules: { id: string }[] }).rules)
    .map((rule) => rule.id);
  return Object.fromEntries(ruleIds.map((id) => [id, text]));
}
