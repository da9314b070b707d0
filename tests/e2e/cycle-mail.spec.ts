import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { query, signInAs } from "./fixtures";
import { startTestSmtp, type TTestSmtp } from "../support/smtp";

// Mail that runs the cycle (docs/decisions/0021-cycle-mail.md). scripts/test.ts gives the second
// app instance a mail server on E2E_SMTP_PORT, which this spec starts and reads; the first has
// none. The officer previews reminders, sends them, watches them go out and finds them in the log
// (second instance), sets a reminder schedule, and without a mail server gets the recipients as
// CSV instead (first instance). Cookies are per host, not per port: one sign-in serves both.

const A = process.env.E2E_BASE_URL ?? "http://localhost:3100";
const B = process.env.E2E_SECOND_URL;
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT);
const EMAIL = "e2e-mail@demo.renkei.jp";

let smtp: TTestSmtp;
let target: { cycleId: string; municipalityCode: string; name: string };

test.beforeAll(async () => {
  // npm test always sets both; without them this is a misconfigured run, not a pass.
  if (!B || !SMTP_PORT) throw new Error("E2E_SECOND_URL / E2E_SMTP_PORT are not set: run through npm test");
  smtp = await startTestSmtp({ port: SMTP_PORT });
  const [cycle] = await query<{ id: string }>(
    `select id from "ReportingCycle" where kind = 'CLINIC_REPORT' and "fiscalYear" = 2025 and "prefectureCode" = '18'`,
  );
  // An active clinic that has not started the report and has no account yet gets one (with the
  // demo password's hash), so the reminder has exactly one known recipient in its municipality.
  // Idempotent: Playwright runs beforeAll again in a new worker after a failed test.
  await query(
    `insert into "User" (id, email, name, role, "institutionId", "passwordHash", "updatedAt")
     select 'e2e-cycle-mail', $1, '督促 テスト', 'INSTITUTION', i.id, u."passwordHash", now()
     from "Institution" i, "User" u
     where u.email = 'clinic@demo.renkei.jp' and i."prefectureCode" = '18' and i.kind = 'CLINIC' and i."isActive"
       and not exists (select 1 from "User" x where x."institutionId" = i.id)
       and not exists (select 1 from "Submission" s where s."institutionId" = i.id and s."cycleId" = $2)
     order by i.code desc limit 1
     on conflict do nothing`,
    [EMAIL, cycle!.id],
  );
  const [row] = await query<{ municipalityCode: string; name: string }>(
    `select i."municipalityCode", i.name from "User" u join "Institution" i on i.id = u."institutionId" where u.email = $1`,
    [EMAIL],
  );
  target = { cycleId: cycle!.id, municipalityCode: row!.municipalityCode, name: row!.name };
});

test.afterAll(async () => {
  await smtp?.close();
});

async function previewReminders(page: Page) {
  await page.getByLabel("メール", { exact: true }).selectOption("REMINDER");
  await page.getByLabel("市区町村").selectOption(target.municipalityCode);
  await page.getByRole("button", { name: "送信先と文面を確認する" }).click();
  await expect(page.getByTestId("mail-preview")).toBeVisible();
}

test("cycle mail: the officer previews reminders, sends them, sees them go out and in the send log", async ({
  page,
}) => {
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto(`${B}/prefecture/cycles/${target.cycleId}/mail`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("案内・督促メール");
  await previewReminders(page);

  const count = Number(await page.getByTestId("mail-preview-count").textContent());
  expect(count).toBeGreaterThanOrEqual(1);
  const sample = page.getByTestId("mail-preview-text");
  await expect(sample).toContainText("まだ提出されていません（現在: 未着手）");
  await expect(sample).toContainText("提出期限");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `${count}通を送信する` }).click();
  await expect(page.getByText(`${count}通を送信待ちにしました。`)).toBeVisible();

  // The second instance's workers send it, throttled, to the mail server.
  const [mail] = await smtp.waitFor(EMAIL, 1, 30_000);
  expect(mail!.subject).toBe("【福井県】令和7年度 かかりつけ医機能報告の提出期限が近づいています");
  expect(mail!.text).toContain(`${target.name}\n督促 テスト 様`);

  // The progress says it is done; the log has the message as sent.
  await expect(page.getByTestId("mail-batch").first()).toContainText("完了", { timeout: 30_000 });
  // Who started it, and what 送信済 means (the server accepted it; no 配達済 to filter by).
  await expect(page.getByTestId("mail-batch").first()).toContainText("pref@demo.renkei.jp");
  await expect(page.getByTestId("mail-sent-meaning")).toContainText("メールサーバーがメールを受け付けた");
  await expect(page.getByLabel("結果").locator("option", { hasText: "配達済" })).toHaveCount(0);
  await page.reload();
  const row = page.getByTestId("mail-log").getByRole("row").filter({ hasText: EMAIL }).first();
  await expect(row).toContainText("督促");
  await expect(row).toContainText("送信済");
  await expect(row.getByRole("button", { name: "再送" })).toBeVisible();

  // A schedule relative to the deadline, shown as dates.
  await page.getByLabel("期限の何日前（カンマ区切り）").fill("14, 7, 3, 1");
  await page.getByRole("button", { name: "予定を保存" }).click();
  await expect(page.getByText("督促の予定を保存しました。")).toBeVisible();
  await expect(page.getByTestId("reminder-schedule").getByRole("listitem")).toHaveCount(4);
});

test("cycle mail: without a mail server the same screen gives the recipients as CSV", async ({ page }) => {
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto(`${A}/prefecture/cycles/${target.cycleId}/mail`);
  await expect(page.getByText("メールサーバーが設定されていません").first()).toBeVisible();
  await previewReminders(page);
  await expect(page.getByRole("button", { name: /通を送信する/ })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "宛先一覧（CSV・UTF-8）" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^督促の宛先一覧_令和7年度かかりつけ医機能報告_福井県_\d{4}-\d{2}-\d{2}_UTF-8\.csv$/,
  );
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain(EMAIL);
  expect(csv).toContain("未着手");
});
