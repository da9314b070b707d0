import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures";

// clinic@demo.renkei.jp (さくら内科クリニック) has not started its 令和7年度 report in the demo
// data. This journey fills in the whole form, watches the derived status change, submits,
// prints the receipt, amends, and reads the difference between the two revisions.
test.describe.configure({ mode: "serial" });

const group = (page: Page, name: RegExp | string) => page.getByRole("group", { name });
const status = (page: Page, fn: string) => page.getByTestId("status-panel").first().getByTestId(`function-${fn}`);

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-indicator")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

/** The 令和7年度 cycle's panel on the clinic's home (令和8年度 is open beside it). */
const r7Cycle = (page: Page) => page.getByTestId("open-cycle").and(page.locator('[data-fiscal-year="2025"]'));

/** Opens the report from the home page, as a user would. */
async function openReport(page: Page) {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  await r7Cycle(page)
    .getByRole("link", { name: /続きを入力する|報告内容を見る/ })
    .click();
  await expect(page).toHaveURL(/\/institution\/cycles\/[^/]+$/);
  return page.url();
}

test("a clinic fills in the whole 令和7年度 report and watches its functions change", async ({ page }) => {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  await expect(r7Cycle(page).getByTestId("current-status")).toHaveText("未着手");
  await r7Cycle(page).getByRole("link", { name: "報告を始める" }).click();
  await expect(page).toHaveURL(/\/institution\/cycles\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("令和7年度 かかりつけ医機能報告");

  // Submitting an empty form lists what is missing, with links to the fields.
  await page.getByRole("button", { name: "内容を確認して提出" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("提出できません");
  await expect(summary.getByRole("link", { name: "記入者氏名" })).toBeVisible();
  await expect(status(page, "f1")).toContainText("無し");

  await page.getByLabel("記入者氏名").fill("鯖江 さくら");
  await page.getByLabel("電話番号").fill("0778-51-0000");

  // 1号: the three ★ items make it 有り; training/specialist is reported but not required.
  await group(page, /院内掲示による公表/)
    .getByLabel("公表している")
    .check();
  await group(page, /研修の修了者の有無/)
    .getByLabel("有り")
    .check();
  await group(page, /総合診療専門医$|1号4.*総合診療専門医/)
    .getByLabel("0:無し")
    .check();
  const areas = group(page, /一次診療の対応ができる領域/);
  await areas.getByLabel("9:循環器系領域").check();
  await areas.getByLabel("7:消化器系領域").check();
  await expect(status(page, "f1")).toContainText("無し");
  await group(page, /患者からの相談/)
    .getByLabel("応じることができる")
    .check();
  await expect(status(page, "f1")).toContainText("有り");

  // 2号 sections appear only now.
  await expect(page.getByRole("heading", { name: /2号機能\(イ\)/ })).toBeVisible();
  // The NDB pre-printed 時間外加算 counts are above zero: (イ) is 有り by 実績 already.
  await expect(status(page, "f2i")).toContainText("有り");
  // A clinic without beds bills no 入退院支援加算 (an inpatient fee): its NDB count is 0, so (ロ)
  // is 無し until the clinic secures backup beds through a partner (below).
  await expect(status(page, "f2ro")).toContainText("無し");
  await group(page, /在宅当番医制/)
    .getByLabel("3:有り(月1回)")
    .check();
  await expect(status(page, "f2i")).toContainText("有り");
  await group(page, /休日夜間急患センター/)
    .getByLabel("1:無し(意向有り)")
    .check();

  // An NDB pre-printed count is shown as such and marked when changed.
  const ndb = page.getByTestId("ndb-i_overtime_count");
  await expect(ndb).toContainText("NDBプレプリント値");
  await expect(ndb).not.toContainText("NDB値から変更しています");
  await page.getByLabel(/時間外加算または時間外特例医療機関加算の算定回数/).fill("１２３４");
  await expect(ndb).toContainText("NDB値から変更しています");

  // (ロ) through a partner: the partner list appears and is searched in the roster.
  await group(page, /後方支援病床/)
    .getByLabel("5:有り(連携による確保)")
    .check();
  await expect(page.getByRole("combobox")).toBeVisible();
  const partnerSearch = page.getByRole("combobox");
  await partnerSearch.fill("病院");
  await page.getByRole("option").first().click();
  await expect(page.getByRole("listitem").filter({ hasText: /病院/ }).first()).toBeVisible();
  await expect(status(page, "f2ro")).toContainText("有り");
  await expect(status(page, "f2ro")).toContainText("連携");

  await group(page, /在宅医療を提供する体制の確保状況/)
    .getByLabel("無し(意向無し)", { exact: true })
    .check();
  await expect(status(page, "f2ha")).toContainText("無し");
  await group(page, /主治医意見書の作成/)
    .getByLabel("2:有り")
    .check();
  await group(page, /サービス担当者会議/)
    .getByLabel("有り", { exact: true })
    .check();
  await expect(status(page, "f2ni")).toContainText("有り");
  await waitSaved(page);
});

test("a second tab with an old copy cannot overwrite the newer draft", async ({ page, context }) => {
  const formUrl = await openReport(page);
  const other = await context.newPage();
  await other.goto(formUrl);
  await page.getByLabel("部署").fill("事務部");
  await waitSaved(page);
  await other.getByLabel("部署").fill("医事課");
  await expect(other.getByText("別の画面でこの回答が更新されました")).toBeVisible({ timeout: 15_000 });
  await other.getByRole("button", { name: "最新の内容を読み込む" }).first().click();
  await expect(other.getByLabel("部署")).toHaveValue("事務部");
  await other.close();
});

test("the clinic submits, prints its receipt, amends and sees what changed", async ({ page }) => {
  const formUrl = await openReport(page);
  await page.getByRole("button", { name: "内容を確認して提出" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("報告を提出しますか？");
  await expect(dialog.getByTestId("function-f1")).toContainText("有り");
  // A double click creates one submission.
  await dialog.getByTestId("confirm-submit").dblclick();

  await expect(page).toHaveURL(/\/receipt\?revision=1&submitted=1/);
  await expect(page.getByText("提出を受け付けました")).toBeVisible();
  await expect(page.getByTestId("receipt-number")).toHaveText(/^R7-[0-9A-Z]{8}-01$/);
  await expect(page.getByTestId("function-f2i")).toContainText("有り");
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.getByRole("button", { name: "印刷する" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);

  // Sent again before the prefecture's review: a 再提出 (a 変更報告 is the change of a 確認済み report).
  await page.goto(formUrl);
  await expect(page.getByTestId("form-status")).toHaveText("提出済（第1版）");
  await expect(group(page, /在宅当番医制/).getByLabel("3:有り(月1回)")).toBeDisabled();
  await page.getByRole("button", { name: "修正を始める" }).click();
  await expect(page.getByText("修正を作成中です。提出すると第2版（再提出）になります。")).toBeVisible();
  await group(page, /在宅当番医制/)
    .getByLabel("4:有り(月2~3回)")
    .check();
  await waitSaved(page);
  await page.getByRole("button", { name: "内容を確認して再提出" }).click();
  await expect(page.getByRole("dialog")).toContainText("第2版を再提出しますか？");
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/receipt\?revision=2&submitted=1/);
  await expect(page.getByTestId("receipt-number")).toHaveText(/-02$/);

  await page.goto(formUrl.replace(/\/?$/, "/history"));
  await expect(page.getByRole("cell", { name: "第2版（再提出）" })).toBeVisible();
  const diff = page.getByTestId("diff-table");
  await expect(diff).toContainText("在宅当番医制");
  await expect(diff).toContainText("有り(月1回)");
  await expect(diff).toContainText("有り(月2~3回)");
  await expect(diff.getByRole("row")).toHaveCount(2);
});
