import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { download, pdfText, signInAs } from "./fixtures";
import { R7_REPORT, R8_CARRIED_DISEASES } from "../fixtures/clinic-report-r7-report";

// The 令和8年度 report as the demo clinic (さくら内科クリニック) reads it: nothing meant for
// administrators on any respondent page (form, receipt, history, home, 提出控え), ★ on every ★
// item, reference dates in words, NDB counts pre-printed, and 「前年度の回答を引用」 carrying last
// year's diseases over under the 告示's names. Runs after the other specs (file order): it submits
// the clinic's 令和7年度 report (or a 変更報告 of it) and its 令和8年度 report.
test.describe.configure({ mode: "serial" });

const R8 = JSON.parse(
  readFileSync(path.join(process.cwd(), "prisma", "questionnaires", "clinic-report-r8-v1.json"), "utf8"),
) as {
  sections: { items: { key: string; star?: boolean }[] }[];
};
const STARRED = R8.sections
  .flatMap((s) => s.items)
  .filter((i) => i.star)
  .map((i) => i.key);

/** What only administrators may read: internal notes, line references, engine terms. */
const ADMIN_ONLY = [/確認できていない/, /Renkeiの運用項目/, /\bL\d{2,}/, /provisional/i, /暫定/, /未取得/, /wic-net/];

async function expectNothingForAdministrators(page: Page) {
  const text = await page.locator("main").innerText();
  for (const pattern of ADMIN_ONLY) expect(text, String(pattern)).not.toMatch(pattern);
}

const cyclePanel = (page: Page, fiscalYear: number) =>
  page.getByTestId("open-cycle").and(page.locator(`[data-fiscal-year="${fiscalYear}"]`));

async function cycleIdOf(page: Page, fiscalYear: number): Promise<string> {
  const href = await cyclePanel(page, fiscalYear).getByRole("link").first().getAttribute("href");
  return href!.split("/")[3]!;
}

/** Makes the clinic's latest 令和7年度 revision R7_REPORT: a first report, or a 変更報告 of one. */
async function submitR7Report(page: Page, cycleId: string) {
  const api = `/api/v1/respondent/cycles/${cycleId}`;
  // Writes must carry our Origin (lib/http/request-guards.ts), as a browser's fetch does.
  const headers = { origin: new URL(page.url()).origin };
  const amendment = await page.request.post(`${api}/amendment`, { headers });
  let draftVersion = amendment.ok() ? ((await amendment.json()) as { draftVersion: number }).draftVersion : 0;
  let draft = await page.request.put(`${api}/draft`, { data: { draftVersion, answers: R7_REPORT }, headers });
  if (draft.status() === 409) {
    // A draft already exists: the refusal names its version.
    draftVersion = Number(/"_draftVersion":\["(\d+)"\]/.exec(await draft.text())?.[1]);
    draft = await page.request.put(`${api}/draft`, { data: { draftVersion, answers: R7_REPORT }, headers });
  }
  expect(draft.status(), await draft.text()).toBe(200);
  const { draftVersion: saved } = (await draft.json()) as { draftVersion: number };
  const submit = await page.request.post(`${api}/submit`, {
    data: { draftVersion: saved, answers: R7_REPORT },
    headers,
  });
  expect(submit.status(), await submit.text()).toBe(200);
}

test("r8: the demo clinic's home shows 令和8年度 beside 令和7年度, with nothing internal", async ({ page }) => {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  await expect(cyclePanel(page, 2026)).toContainText("令和8年度 かかりつけ医機能報告");
  await expect(cyclePanel(page, 2025)).toContainText("令和7年度 かかりつけ医機能報告");
  await expectNothingForAdministrators(page);
  await submitR7Report(page, await cycleIdOf(page, 2025));
});

test("r8: the form shows ★, periods in words and NDB counts; 引用 carries the renamed diseases", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept()); // 「引用します。よろしいですか。」
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  await cyclePanel(page, 2026)
    .getByRole("link", { name: /報告を始める|続きを入力する/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("令和8年度 かかりつけ医機能報告");
  await expect(page.getByTestId("star-legend")).toContainText("★は1号機能の要件");
  for (const key of STARRED) await expect(page.locator(`#q-${key} legend`)).toContainText("★");
  await expect(page.locator("#q-f1_notice-help")).toContainText("令和9年1月1日時点");
  await expect(page.locator("#q-f1_areas-help")).toContainText("出典: 報告マニュアル p.62");
  // 1号 not yet 有り: the intent question (guideline p.19) is asked.
  await expect(page.getByRole("group", { name: /1号機能を今後担う意向の有無/ })).toBeVisible();
  await expectNothingForAdministrators(page);

  await page.getByRole("button", { name: "前年度の回答を引用" }).click();
  await expect(page.getByText(/令和7年度の回答から\d+項目を引用しました/)).toBeVisible();
  const diseases = page.getByRole("group", { name: /一次診療を行うことができる発生頻度が高い疾患/ });
  for (const name of R8_CARRIED_DISEASES) await expect(diseases.getByLabel(name, { exact: true })).toBeChecked();
  await expect(diseases.getByLabel("貧血", { exact: true })).not.toBeChecked();
  await expect(page.getByTestId("save-indicator")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });

  // 1号 有り now: the intent question goes, the 2号 sections come, each item with its period.
  await expect(page.getByRole("group", { name: /1号機能を今後担う意向の有無/ })).toHaveCount(0);
  await expect(page.locator("#q-i_rota-help")).toContainText("対象期間: 令和8年1月〜12月");
  await expect(page.locator("#q-i_overtime_count-help")).toContainText("対象期間: 令和7年4月〜令和8年3月");
  await expect(page.getByTestId("ndb-i_overtime_count")).toContainText("NDBプレプリント値");
  await expectNothingForAdministrators(page);
});

test.describe("r8: screenshots", () => {
  // The machine's Chromium has no Japanese system font; the PDFs' Noto Sans JP (from npm) is served
  // to the page so the screenshots of the first two sections can be read (a style tag needs CSP off).
  test.use({ bypassCSP: true, viewport: { width: 1280, height: 2400 } });

  test("r8: screenshot of the form's first two sections", async ({ page }, testInfo) => {
    const font = path.join(
      process.cwd(),
      "node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
    );
    await page.route("**/__e2e-font.ttf", (route) => route.fulfill({ path: font, contentType: "font/ttf" }));
    await signInAs(page, "clinic@demo.renkei.jp", "/institution");
    await cyclePanel(page, 2026)
      .getByRole("link", { name: /続きを入力する|報告内容を見る/ })
      .click();
    await page.addStyleTag({
      content: `@font-face { font-family: "E2EJP"; src: url("/__e2e-font.ttf"); } * { font-family: "E2EJP", sans-serif !important; }`,
    });
    await page.evaluate(() => document.fonts.ready);
    await page.locator("#sec-reporter").screenshot({ path: testInfo.outputPath("r8-section-reporter.png") });
    await page.locator("#sec-f1").screenshot({ path: testInfo.outputPath("r8-section-f1.png") });
  });
});

test("r8: the receipt, history and 提出控え show periods and ★, and nothing internal", async ({ page }) => {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  await cyclePanel(page, 2026).getByRole("link", { name: "続きを入力する" }).click();
  await page.getByRole("button", { name: "内容を確認して提出" }).click();
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/receipt\?revision=1&submitted=1/);
  const main = page.locator("main");
  await expect(main).toContainText("★は1号機能の要件");
  await expect(main).toContainText("★「具体的な機能」を有すること");
  await expect(main).toContainText("令和9年1月1日時点");
  await expect(main).toContainText("対象期間: 令和7年4月〜令和8年3月");
  await expect(main).toContainText("高血圧症");
  await expectNothingForAdministrators(page);

  const copy = await download(page, () => page.getByTestId("submission-copy-pdf").click());
  const text = pdfText(copy.bytes).replace(/\s+/g, "");
  expect(text).toContain("令和9年1月1日時点");
  expect(text).toContain("対象期間:令和7年4月〜令和8年3月");
  for (const pattern of ADMIN_ONLY) expect(text, String(pattern)).not.toMatch(pattern);

  await page.goto(page.url().replace(/\/receipt.*$/, "/history"));
  await expectNothingForAdministrators(page);
});
