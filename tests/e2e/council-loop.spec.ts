import { expect as baseExpect, test, type Page } from "@playwright/test";
import { download, expectAccessible, pdfText, query, signIn } from "./fixtures";

// A shared two-core machine: each step may take longer than the suite's 10 s default.
const expect = baseExpect.configure({ timeout: 30_000 });

async function signInAs(page: Page, email: string, expectedPath: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${expectedPath}$`));
}

// The council's yearly loop (issue 15, ADR 0018) on the seeded demo: the 丹南 council member adds
// a 課題 linked to an indicator and a measure with a target to its 令和6年度 record (the baseline is
// frozen from the 令和6年度 reports); the officer sees it beside the other zones; the 令和7年度
// dashboard — the second cycle — shows baseline → current → target with the verdict the rule
// gives for those figures; the 令和7年度 packet prints the same figures. Last, a measure added by
// mistake to the 令和7年度 record (作成中) is deleted through the confirmation dialog.

const TITLE = `E2E 入退院支援ルールの研修 ${Date.now().toString(36)}`;
const ISSUE = `E2E 入退院時の連携が弱い ${Date.now().toString(36)}`;
const MISTAKE = `E2E 誤って追加した対応策 ${Date.now().toString(36)}`;
const squash = (s: string) => s.replace(/\s+/g, "");

async function cycleId(fiscalYear: number): Promise<string> {
  const [row] = await query<{ id: string }>(
    `select id from "ReportingCycle" where kind = 'CLINIC_REPORT' and "fiscalYear" = $1 and "prefectureCode" = '18'`,
    [fiscalYear],
  );
  return row!.id;
}

/** "45.2%（19/42） 令和6年度" → 45.2 (share values as percent). */
const percentOf = (text: string) => Number(/(\d+(?:\.\d+)?)%/.exec(text)?.[1]);

/** The verdict the rule (lib/aggregation/council-progress.ts) gives, computed here from the shown figures. */
function expectedVerdict(baseline: number, current: number, target: number): string {
  if (current >= target) return "達成";
  const moved = current - baseline;
  if (Math.abs(moved) < 1) return "横ばい";
  return moved > 0 ? "改善" : "悪化";
}

async function readFollowUp(page: Page) {
  const row = page.getByTestId("follow-up-row").filter({ hasText: TITLE });
  await expect(row).toHaveCount(1);
  return {
    baseline: (await row.getByTestId("follow-up-baseline").textContent())!.trim(),
    current: (await row.getByTestId("follow-up-current").textContent())!.trim(),
    target: (await row.getByTestId("follow-up-target").textContent())!.trim(),
    verdict: (await row.getByTestId("follow-up-verdict").textContent())!.trim(),
  };
}

test("council loop: a 課題 and a measure with a target, seen by the prefecture, followed up the next year and in the packet", async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "council@demo.renkei.jp", "/council");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "協議の記録" }).click();
  await expect(page).toHaveURL(/\/council\/records$/);
  await page.getByTestId("council-records-2024").getByRole("link", { name: "丹南" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("丹南 令和6年度 協議の記録");

  // ③ a 課題 linked to an indicator (a Japanese message first, nothing typed is lost).
  await page.getByText("課題を追加", { exact: true }).first().click();
  const issueForm = page.getByRole("form", { name: "課題の追加" });
  await issueForm.getByLabel("行政の立場から").fill("退院支援ルールの周知が足りない");
  await issueForm.getByRole("button", { name: "課題を追加" }).click();
  await expect(issueForm.getByText("課題を入力してください。")).toBeVisible();
  await expect(issueForm.getByLabel("行政の立場から")).toHaveValue("退院支援ルールの周知が足りない");
  await issueForm.getByLabel("③ 課題").fill(ISSUE);
  await issueForm.getByLabel("課題の根拠とする指標（複数選択可）").selectOption(["f2ro.has"]);
  await issueForm.getByRole("button", { name: "課題を追加" }).click();
  await expect(issueForm.getByText("課題を追加しました。")).toBeVisible();
  await expect(page.getByTestId("council-issues")).toContainText(ISSUE);
  await expect(page.getByTestId("council-issues")).toContainText("2号(ロ) 入退院時の支援 有り");

  // ⑤ a measure on that indicator with a target (99 %: upward, not reached).
  await page.getByText("対応策を追加", { exact: true }).first().click();
  const measureForm = page.getByRole("form", { name: "対応策の追加" });
  await measureForm.getByLabel("⑤ 対応策").fill(TITLE);
  await measureForm.getByLabel("対応する課題").selectOption({ label: ISSUE });
  await measureForm.getByLabel("担当", { exact: true }).selectOption("HOSPITAL");
  await measureForm.getByLabel("開始（年月）").fill("2024-12");
  await measureForm.getByLabel("期限（年月）").fill("2025-09");
  await measureForm.getByLabel("確認する指標").selectOption("f2ro.has");
  await measureForm.getByLabel(/目標値/).fill("99");
  await measureForm.getByRole("button", { name: "対応策を追加" }).click();
  await expect(measureForm.getByText(/対応策を追加しました/)).toBeVisible();
  const measure = page.getByTestId("council-measure").filter({ hasText: TITLE });
  await expect(measure).toContainText("病院");
  const frozen = (await measure.getByTestId("measure-baseline").textContent())!.trim();
  expect(frozen).toMatch(/^\d+\.\d%（\d+\/\d+） 令和6年度$/);
  await expect(measure.getByTestId("measure-target")).toHaveText("99.0%");

  // The officer sees it beside the other zones.
  const baseURL = process.env.E2E_BASE_URL;
  const officer = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(officer, "pref@demo.renkei.jp", "/prefecture");
  await officer.goto("/prefecture/councils");
  const tannan = officer
    .getByTestId("council-records-2024")
    .locator('tr[data-zone="丹南"]')
    .filter({ hasText: "二次医療圏" });
  await expect(tannan).toContainText(ISSUE);
  await expect(
    officer.getByTestId("council-records-2024").locator('tr[data-zone="嶺南"]').filter({ hasText: "二次医療圏" }),
  ).toContainText("合意済");
  await officer.close();

  // The next year (令和7年度, the second cycle): baseline (frozen) → current → target, judged.
  const next = await cycleId(2025);
  await page.goto(`/council?cycle=${next}`);
  const shown = await readFollowUp(page);
  expect(shown.baseline).toBe(frozen);
  expect(shown.target).toBe("99.0%");
  expect(shown.current).toMatch(/^\d+\.\d%（\d+\/\d+）$/);
  const verdict = expectedVerdict(percentOf(shown.baseline), percentOf(shown.current), 99);
  expect(shown.verdict.startsWith(verdict), `${JSON.stringify(shown)} → ${verdict}`).toBe(true);
  // The seeded measures are followed up too, each with a verdict: their indicators are asked in both
  // 年度, so none lacks a baseline.
  await expect(page.getByTestId("follow-up-row").filter({ hasText: "訪問診療の同行研修" })).toHaveCount(1);
  await expect(page.getByTestId("follow-up-row").filter({ hasText: "圏域共通の入退院支援ルール" })).toHaveCount(1);
  await expect(page.getByTestId("follow-up-verdict").filter({ hasText: "基準値なし" })).toHaveCount(0);
  // The officer's 前年度の対応策の進捗 for 丹南 counts the same verdicts as the follow-up panel.
  const verdicts = (await page.getByTestId("follow-up-verdict").allTextContents())
    .map((v) => v.trim().split("（")[0]!)
    .filter((v) => v !== "—");
  expect(verdicts.length).toBeGreaterThanOrEqual(4);
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  const officerAgain = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(officerAgain, "pref@demo.renkei.jp", "/prefecture");
  await officerAgain.goto("/prefecture/councils");
  const progress = officerAgain
    .getByTestId("council-records-2025")
    .locator('tr[data-zone="丹南"]')
    .filter({ hasText: "二次医療圏" })
    .getByTestId("follow-up-counts");
  await expect(progress).toHaveText([...counts].map(([k, n]) => `${k} ${n}`).join("・"));
  await officerAgain.close();

  // The 令和7年度 packet carries the same figures in 「前年度の協議結果と進捗」.
  await page.goto(`/council/packets?cycle=${next}`);
  const packet = await download(page, () => page.getByTestId("zone-packet-丹南").click());
  const text = squash(pdfText(packet.bytes));
  expect(text).toContain("前年度の協議結果と進捗");
  expect(text).toContain(squash(TITLE));
  expect(text).toContain(
    squash(
      `基準値（決定時）: ${shown.baseline} → 現在値: ${shown.current} → 目標: ${shown.target}　判定: ${shown.verdict}`,
    ),
  );
  // The worksheets start from last year's 課題 and measures.
  expect(text).toContain("前年度からの引継ぎ");
  expect(text).toContain(squash(ISSUE));

  // The agreed record prints as a PDF (協議の結果), and the published one is public.
  await page.goto("/council/records");
  await page.getByTestId("council-records-2024").getByRole("link", { name: "丹南" }).click();
  const record = await download(page, () => page.getByRole("link", { name: "協議の結果をPDFで印刷" }).click());
  const recordText = squash(pdfText(record.bytes));
  expect(recordText).toContain("協議の場協議の結果");
  expect(recordText).toContain(squash(TITLE));
  const anonymous = await (await browser.newContext({ baseURL })).newPage();
  const publicPage = await anonymous.goto("/public/18/councils/1803/2024");
  expect(publicPage?.status()).toBe(200);
  await expect(anonymous.getByTestId("public-measures")).toContainText(TITLE);
  // 嶺南 is agreed but not published: not there.
  expect((await anonymous.goto("/public/18/councils/1804/2024"))?.status()).toBe(404);
  const csv = await anonymous.request.get("/public/18/councils/1803/2024/csv");
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  expect(csvText).toContain(TITLE);
  expect(csvText).toContain("① 協議の場の開催状況");
  expect(csvText).toContain("公表日");
  // The open data of 令和6年度 carries the published council results (丹南), not 嶺南's agreed record.
  const openData = await anonymous.request.get("/api/v1/public/18/open-data/2024/councils.csv");
  expect(openData.status()).toBe(200);
  const openDataText = await openData.text();
  expect(openDataText).toContain(TITLE);
  expect(openDataText).toContain(ISSUE);
  expect(openDataText).toMatch(/\r\n1803,丹南,/);
  expect(openDataText).not.toMatch(/\r\n1804,/);
  await anonymous.close();

  // A measure added by mistake to this year's record (作成中) is deleted after a confirmation in a
  // dialog, by keyboard: Esc cancels and returns focus to 削除; 削除する removes it and says so.
  await page.goto("/council/records");
  await page.getByTestId("council-records-2025").getByRole("link", { name: "丹南" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("令和7年度");
  const start = page.getByRole("button", { name: "この年度の記録を始める" });
  if (await start.isVisible()) await start.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("丹南 令和7年度 協議の記録");
  const addForm = page.getByRole("form", { name: "対応策の追加" });
  if (!(await addForm.isVisible())) await page.getByText("対応策を追加", { exact: true }).first().click();
  await addForm.getByLabel("⑤ 対応策").fill(MISTAKE);
  await addForm.getByRole("button", { name: "対応策を追加" }).click();
  // The measure in the list, not the form's transient 「対応策を追加しました」: the page refreshes
  // after the save and the add form may close before a slow browser has seen the message.
  const mistaken = page.getByTestId("council-measure").filter({ hasText: MISTAKE });
  await expect(mistaken).toBeVisible();
  const remove = mistaken.getByRole("button", { name: `対応策「${MISTAKE}」を削除` });
  const dialog = page.getByRole("dialog", { name: `対応策「${MISTAKE}」を削除しますか？` });
  await remove.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "キャンセル" })).toBeFocused();
  await expectAccessible(page, "dialog[open]");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "削除する" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `対応策「${MISTAKE}」を削除しました。` })).toBeFocused();
  await expect(mistaken).toHaveCount(0);
});
