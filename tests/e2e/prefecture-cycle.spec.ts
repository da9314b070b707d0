import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import iconv from "iconv-lite";
import pg from "pg";
import { parse } from "csv-parse/sync";
import { buildInstitutionCode } from "../../lib/domain/codes";
import { ZQuestionnaireDefinition } from "../../lib/questionnaire/definition";
import { generateAnswers } from "../../prisma/seed/answers";
import { createRandom } from "../../prisma/seed/random";
import { explainEverySoftRule, signIn, signInAs } from "./fixtures";

// The prefecture's year, end to end, as 福井県's officer and a new clinic:
// roster import → accounts and their one-time links → a new 令和9年度 cycle opened → the clinic
// sets its password and submits → the officer returns it with a comment → the clinic corrects it
// in the form and resubmits → the officer confirms → the audit log shows every step.
//
// The spec removes what it created (the cycle, the clinic, the accounts) at the end, so the
// other specs keep seeing the demo prefecture as seeded.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const CLINIC = {
  code: buildInstitutionCode("18", `99${String(Date.now() % 10_000).padStart(4, "0")}`),
  name: `E2Eテスト内科クリニック${stamp}`,
  email: `e2e-clinic-${stamp}@example.jp`,
  password: "e2e clinic password 2026",
};
const COMMENT = "（イ）在宅当番医制の回答と担当部署を確認し、再提出してください。";
// 令和9年度: the demo already has 令和7年度 and 令和8年度 cycles (prisma/seed/demo.ts).
const FISCAL_YEAR = 2027;
let startedAt = new Date();
let cycleId = "";
let linkUrl = "";

const jstDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000 + 9 * 3600_000).toISOString().slice(0, 10);

/** The new cycle's panel on the clinic's home (the demo's 令和7年度 and 令和8年度 are open too). */
const newCycle = (page: Page) =>
  page.getByTestId("open-cycle").and(page.locator(`[data-fiscal-year="${FISCAL_YEAR}"]`));

function acceptDialogs(page: Page) {
  page.on("dialog", (dialog) => void dialog.accept());
}

test.beforeAll(() => {
  startedAt = new Date();
});

test.afterAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (cycleId) {
      await client.query(`delete from "Submission" where "cycleId" = $1`, [cycleId]);
      await client.query(`delete from "ReportingCycle" where id = $1`, [cycleId]);
    }
    // Accounts this spec's bulk creation made (named "… 担当者", never signed in), then the clinic's.
    await client.query(
      `delete from "User" where "createdAt" >= $1 and role in ('INSTITUTION', 'HUB') and name like '% 担当者' and ("lastLoginAt" is null or email = $2)`,
      [startedAt, CLINIC.email],
    );
    await client.query(
      `delete from "Submission" where "institutionId" in (select id from "Institution" where code = $1)`,
      [CLINIC.code],
    );
    await client.query(`delete from "Institution" where code = $1`, [CLINIC.code]);
  } finally {
    await client.end();
  }
});

test("prefecture cycle: the officer imports a roster file (Shift_JIS) after previewing it", async ({ page }) => {
  acceptDialogs(page);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "医療機関名簿", exact: true })
    .click();
  const csv = [
    "医療機関コード,名称,種別,病床数,郵便番号,住所,市区町村コード,電話,担当者メール",
    `${CLINIC.code},${CLINIC.name},診療所,0,916-0022,鯖江市水落町1-1,182079,0778-51-9999,${CLINIC.email}`,
  ].join("\r\n");
  // A file with a shifted column is refused whole, with the line and the column.
  await page.getByLabel("名簿ファイル").setInputFiles({
    name: "名簿_誤り.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\ufeff${csv.replace("担当者メール", "担当者メール,備考")}`),
  });
  await page.getByRole("button", { name: "ファイルを確認する" }).click();
  await expect(page.getByText(/このファイルは取り込めません（誤り \d+件）/)).toBeVisible();
  await expect(page.getByText(/取り込めない列があります: 「備考」（J列）/)).toBeVisible();
  await expect(page.getByRole("button", { name: "この内容で反映する" })).toHaveCount(0);
  await page.getByRole("link", { name: "医療機関名簿へ戻る" }).click();

  await page
    .getByLabel("名簿ファイル")
    .setInputFiles({ name: "名簿_追加分.csv", mimeType: "text/csv", buffer: iconv.encode(csv, "cp932") });
  await page.getByRole("button", { name: "ファイルを確認する" }).click();

  await expect(page).toHaveURL(/\/prefecture\/imports\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("医療機関名簿の取込");
  await expect(page.getByTestId("detected-format")).toHaveText("CSV・Shift_JIS");
  await expect(page.getByTestId("count-creates")).toContainText("1");
  await expect(page.getByTestId("count-missing")).toContainText("300");
  await expect(page.getByText(CLINIC.name)).toBeVisible();
  // Not ticked: the 300 institutions missing from this partial file stay active.
  await expect(page.getByLabel(/ファイルにない医療機関 300件を無効にする/)).not.toBeChecked();
  await page.getByRole("button", { name: "この内容で反映する" }).click();
  await expect(page.getByRole("progressbar", { name: "取込の進み具合" })).toBeVisible();
  await expect(page.getByText("反映しました", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("job-status")).toHaveText("反映済み");

  await page.goto(`/prefecture/roster?q=${CLINIC.code}`);
  await expect(page.getByRole("link", { name: CLINIC.name })).toBeVisible();
});

test("prefecture cycle: the officer creates accounts from the roster and exports one-time links", async ({ page }) => {
  acceptDialogs(page);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto("/prefecture/accounts");
  await expect(page.getByTestId("plan-create")).not.toContainText("作成できる: 0件");
  await page.getByRole("button", { name: /件のアカウントを作成する$/ }).click();
  await expect(page.getByText(/件のアカウントを作成しました/)).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "リンクを CSV で出力（Excel 用 UTF-8）" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^パスワード設定用リンク_福井県_\d{4}-\d{2}-\d{2}_UTF-8\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[];
  const mine = rows.find((r) => r["メールアドレス（ログインID）"] === CLINIC.email);
  expect(mine?.["医療機関コード"]).toBe(CLINIC.code);
  linkUrl = mine!["パスワード設定用URL"]!;
  expect(linkUrl).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
});

test("prefecture cycle: the officer creates the 令和9年度 cycle and opens it", async ({ page }) => {
  acceptDialogs(page);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "報告サイクル", exact: true })
    .click();
  await page
    .getByLabel("調査票の版（公開済み）")
    .selectOption({ label: "令和7年度 かかりつけ医機能報告 第1版（令和7年11月4日マニュアル準拠）" });
  await page.getByLabel("年度（西暦）").fill(String(FISCAL_YEAR));
  await expect(page.getByText("令和9年度", { exact: true })).toBeVisible();
  await page.getByLabel("報告依頼日").fill(jstDay(0));
  await page.getByLabel("受付開始日").fill(jstDay(0));
  await page.getByLabel("提出期限").fill(jstDay(30));
  await expect(page.getByText(/23:59 まで$/)).toBeVisible();
  await page.getByLabel("公表予定日").fill(jstDay(60));
  await page.getByRole("button", { name: "報告サイクルを作成" }).click();

  await expect(page).toHaveURL(/\/prefecture\/cycles\/[^/?]+$/);
  cycleId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("令和9年度 かかりつけ医機能報告");
  await expect(page.getByTestId("cycle-status")).toHaveText("準備中");
  await expect(page.getByTestId("cycle-deadline")).toContainText(/令和\d+年\d+月\d+日/);
  await page.getByRole("button", { name: "受付を開始" }).click();
  await expect(page.getByTestId("cycle-status")).toHaveText("受付中");
  // Every active institution of the prefecture (the demo's 300 and the new clinic) is asked to report.
  await expect(page.getByTestId("count-NOT_STARTED")).toHaveText(/^3\d\d$/);
});

test("prefecture cycle: the new clinic sets its password with the link and submits", async ({ page }) => {
  await page.goto(linkUrl);
  await expect(page.getByRole("heading", { name: "パスワードの設定" })).toBeVisible();
  await expect(page.getByText(CLINIC.email)).toBeVisible();
  await page.getByLabel("新しいパスワード", { exact: true }).fill("short");
  await page.getByLabel("新しいパスワード（確認）").fill("short");
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page.getByText("パスワードは10文字以上で入力してください。")).toBeVisible();
  await page.getByLabel("新しいパスワード", { exact: true }).fill(CLINIC.password);
  await page.getByLabel("新しいパスワード（確認）").fill(CLINIC.password);
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page).toHaveURL(/\/set-password\/done$/);
  // The link works once.
  await page.goto(linkUrl);
  await expect(page.getByText(/このリンクはすでに使われています/)).toBeVisible();

  await page.goto("/login");
  await signIn(page, CLINIC.email, CLINIC.password);
  await expect(page).toHaveURL(/\/institution$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CLINIC.name);
  await expect(newCycle(page).getByTestId("current-status")).toHaveText("未着手");

  // The answers go through the same JSON routes the form uses (the form itself is exercised by
  // clinic-report.spec.ts); they are a complete, valid report generated for this definition.
  const definition = ZQuestionnaireDefinition.parse(
    JSON.parse(readFileSync(path.join(process.cwd(), "prisma", "questionnaires", "clinic-report-r7-v1.json"), "utf8")),
  );
  const answers = generateAnswers(definition, {
    random: createRandom(`e2e-${stamp}`),
    profile: { kind: "CLINIC", engagement: 0.9 },
    partnerPool: [{ code: buildInstitutionCode("18", "010101"), name: "連携先病院（E2E）" }],
  });
  // Generated answers may raise a soft-rule warning that needs an explanation (ADR 0019).
  const explanations = explainEverySoftRule(definition.versionKey);
  // Writes must carry our Origin (lib/http/request-guards.ts), as a browser's fetch does.
  const headers = { origin: new URL(page.url()).origin };
  const draft = await page.request.put(`/api/v1/respondent/cycles/${cycleId}/draft`, {
    data: { draftVersion: 0, answers, explanations },
    headers,
  });
  expect(draft.status()).toBe(200);
  const submit = await page.request.post(`/api/v1/respondent/cycles/${cycleId}/submit`, {
    data: { draftVersion: (await draft.json()).draftVersion, answers, explanations },
    headers,
  });
  expect(submit.status(), await submit.text()).toBe(200);
  expect(await submit.json()).toMatchObject({ revision: 1 });
  await page.reload();
  await expect(newCycle(page).getByTestId("current-status")).toHaveText("提出済（第1版）");
});

test("prefecture cycle: the officer reviews the report and returns it with a comment", async ({ page }) => {
  acceptDialogs(page);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto(`/prefecture/submissions?cycle=${cycleId}&status=SUBMITTED`);
  const table = page.getByTestId("respondent-table");
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("link", { name: `${CLINIC.name}の報告` }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CLINIC.name);
  await expect(page.getByTestId("review-status")).toHaveText("提出済（第1版）");
  await expect(page.getByTestId("status-panel")).toContainText("1号");
  await expect(page.getByText("令和8年度 かかりつけ医機能報告の提出済みの報告はありません。")).toBeVisible();
  await page.getByRole("button", { name: "差し戻す" }).click();
  await expect(page.getByText("差戻しの理由を入力してください（回答者に表示されます）。")).toBeVisible();
  await page.getByLabel(/回答者へのコメント/).fill(COMMENT);
  await page.getByRole("button", { name: "差し戻す" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("差戻し（第1版・要修正）");
});

test("prefecture cycle: the clinic reads the comment, corrects the form and resubmits", async ({ page }) => {
  await signIn(page, CLINIC.email, CLINIC.password);
  await expect(page).toHaveURL(/\/institution$/);
  await expect(page.getByText("都道府県から差戻しがありました")).toBeVisible();
  await expect(page.getByText(COMMENT)).toBeVisible();
  await newCycle(page).getByRole("link", { name: "続きを入力する" }).click();
  await expect(page).toHaveURL(new RegExp(`/institution/cycles/${cycleId}$`));
  await page.getByLabel("部署").fill("地域連携室（再提出）");
  await expect(page.getByTestId("save-indicator")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await page.getByRole("button", { name: /内容を確認して.*提出/ }).click();
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/receipt\?revision=2&submitted=1/);
});

test("prefecture cycle: the officer confirms, and the audit log shows every step", async ({ page }) => {
  acceptDialogs(page);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto(`/prefecture/submissions?cycle=${cycleId}&q=${CLINIC.code}`);
  await page.getByRole("link", { name: `${CLINIC.name}の報告` }).click();
  await expect(page.getByTestId("review-status")).toHaveText("提出済（第2版）");
  await expect(page.getByText("前の版からの変更 1項目")).toBeVisible();
  await page.getByRole("button", { name: "確認済みにする" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("確認済（第2版）");
  const submissionId = new URL(page.url()).pathname.split("/").pop()!;

  // The report's own trail: submitted, returned, resubmitted, confirmed — who and when.
  await page.goto(`/prefecture/audit?entity=submission&entityId=${submissionId}`);
  const trail = page.getByTestId("audit-entries");
  for (const action of ["submission.submit", "submission.return", "submission.resubmit", "submission.confirm"]) {
    await expect(trail.locator(`li[data-action="${action}"]`).first()).toBeVisible();
  }
  await expect(trail.locator('li[data-action="submission.return"]')).toContainText(COMMENT);
  await expect(trail.locator('li[data-action="submission.confirm"]')).toContainText("pref@demo.renkei.jp");
  await expect(trail.locator('li[data-action="submission.submit"]')).toContainText(CLINIC.email);

  // The steps before it, each found with the action filter.
  for (const [action, text] of [
    ["roster.import", "医療機関名簿を取り込み: 新規 1件"],
    ["accounts.bulk_create", "名簿からアカウントを"],
    ["account.issue_link", "パスワード設定用リンクを発行"],
    ["cycle.create", "令和9年度 かかりつけ医機能報告を作成"],
    ["cycle.open", "令和9年度 かかりつけ医機能報告の受付を開始"],
    ["account.set_password", "パスワードを設定"],
  ] as const) {
    await page.goto(`/prefecture/audit?action=${action}`);
    await expect(
      page.getByTestId("audit-entries").locator(`li[data-action="${action}"]`).filter({ hasText: text }).first(),
    ).toBeVisible();
  }
  await page.goto(`/prefecture/audit?action=cycle.open`);
  await expect(page.getByTestId("audit-entries")).toContainText("準備中");
  await expect(page.getByTestId("audit-entries")).toContainText("受付中");
});
