import { expect, test, type Page } from "@playwright/test";
import { answerEverythingVisible, signInAs } from "./fixtures";

// hub@demo.renkei.jp (丹南在宅医療連携拠点) has last year's self-assessment (令和6年度, confirmed)
// and has not started this year's. It carries its PDCA plan over, completes the assessment,
// reads its per-duty scores, submits and amends.
test.describe.configure({ mode: "serial" });

const score = (page: Page, duty: string) => page.getByTestId("status-panel").first().getByTestId(`score-${duty}`);

test("a hub completes and submits its self-assessment and sees its per-duty scores", async ({ page }) => {
  await signInAs(page, "hub@demo.renkei.jp", "/hub");
  await expect(page.getByTestId("current-status")).toHaveText("未着手");
  await page.getByRole("link", { name: "報告を始める" }).click();
  await expect(page).toHaveURL(/\/hub\/cycles\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("令和7年度 在宅医療連携拠点 自己評価");

  // Last year's PDCA plan comes over; its 達成状況 starts empty for this year's follow-up.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "前年度の回答を引用" }).click();
  await expect(page.getByText(/令和6年度の回答から\d+項目を引用しました/)).toBeVisible();
  const plan = page.getByRole("group", { name: "課題と対応策の一覧" });
  await expect(plan.getByText("課題 1")).toBeVisible();

  await answerEverythingVisible(page);
  await expect(page.getByTestId("save-indicator")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  // The live panel scores every duty (required items met / assessed, and the share).
  const liveDuty1 = (await score(page, "duty1").textContent()) ?? "";
  expect(liveDuty1).toMatch(/\d+\/\d+\s*\d+%/);

  await page.getByRole("button", { name: "内容を確認して提出" }).click();
  await expect(page.getByRole("dialog")).toContainText("自己評価の状況");
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/receipt\?revision=1&submitted=1/);
  // The receipt shows the scores stored with the submission: the same as the form showed.
  await expect(score(page, "duty1")).toHaveText(liveDuty1);
  // Year over year: last year's confirmed self-assessment is the comparison.
  await expect(page.getByTestId("score-change")).toContainText("前年度");
});

test("the hub amends its self-assessment and the score follows", async ({ page }) => {
  await signInAs(page, "hub@demo.renkei.jp", "/hub");
  await page.getByRole("link", { name: "報告内容を見る" }).click();
  // Not yet confirmed by the prefecture: a correction sent again (再提出), not a 変更報告.
  await page.getByRole("button", { name: "修正を始める" }).click();
  await expect(page.getByText(/修正を作成中です/)).toBeVisible();
  const before = (await score(page, "duty1").textContent()) ?? "";
  const meeting = page.getByRole("group", { name: /連携会議を定期的に開催していますか/ });
  const held = await meeting.getByLabel("定期的に開催している").isChecked();
  await meeting.getByLabel(held ? "開催していない" : "定期的に開催している").check();
  // Starting to hold meetings asks for their details (回数, 参加者…): answer what appeared.
  await answerEverythingVisible(page);
  await expect(score(page, "duty1")).not.toHaveText(before);
  const amended = (await score(page, "duty1").textContent()) ?? "";
  await expect(page.getByTestId("save-indicator")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await page.getByRole("button", { name: "内容を確認して再提出" }).click();
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/receipt\?revision=2&submitted=1/);
  await expect(score(page, "duty1")).toHaveText(amended);
});

test("the council of the zone and the prefecture read the hub's self-assessment with its scores", async ({ page }) => {
  await signInAs(page, "council@demo.renkei.jp", "/council");
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "在宅医療連携拠点" })
    .click();
  await page.getByRole("link", { name: "丹南在宅医療連携拠点（デモ）" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("丹南在宅医療連携拠点（デモ）");
  await expect(page.getByTestId("score-change")).toContainText("令和6年度");
  await expect(page.getByTestId("status-panel").getByTestId("score-duty1")).toBeVisible();
  // The page serves hub self-assessments only: an institution's report id is not found.
  const reportUrl = page.url();
  await page.goto(reportUrl.replace(/\/council\/hubs\/[^/]+$/, "/council/hubs/not-a-hub-report"));
  await expect(page.getByText(/見つかりません|404/).first()).toBeVisible();

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto(reportUrl.replace("/council/hubs/", "/prefecture/submissions/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("丹南在宅医療連携拠点（デモ）");
  await expect(page.getByTestId("score-change")).toBeVisible();
});
