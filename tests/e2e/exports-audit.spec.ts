import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { download, signInAs } from "./fixtures";
import { R7_REPORT } from "../fixtures/clinic-report-r7-report";

// Issue 13 parts 3–4 as the officer meets them: the demo clinic changes one answer of its
// 令和7年度 report (two saves); the officer, on a phone-sized screen, filters the audit log by the
// clinic and today, reads the change in words (item and answer labels, not i_rota 0 → 3), and
// downloads the filtered log and the cycle's answers as .xlsx whose figures are numeric cells.

const RIVAL_ROTA = "3"; // 有り(月1回)
const ROTA_LABEL = "在宅当番医制(地域患者の時間外等外来に係る複数医療機関による輪番体制)への参加";

const cyclePanel = (page: Page, fiscalYear: number) =>
  page.getByTestId("open-cycle").and(page.locator(`[data-fiscal-year="${fiscalYear}"]`));

/** Saves the clinic's 令和7年度 report twice (a change of 在宅当番医制); returns how to undo it. */
async function clinicChangesOneAnswer(page: Page): Promise<{ cycleId: string; amending: boolean }> {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  const href = await cyclePanel(page, 2025).getByRole("link").first().getAttribute("href");
  const cycleId = href!.split("/")[3]!;
  const api = `/api/v1/respondent/cycles/${cycleId}`;
  const headers = { origin: new URL(page.url()).origin };
  const amendment = await page.request.post(`${api}/amendment`, { headers });
  let draftVersion = amendment.ok() ? ((await amendment.json()) as { draftVersion: number }).draftVersion : 0;
  let saved = await page.request.put(`${api}/draft`, { data: { draftVersion, answers: R7_REPORT }, headers });
  if (saved.status() === 409) {
    draftVersion = Number(/"_draftVersion":\["(\d+)"\]/.exec(await saved.text())?.[1]);
    saved = await page.request.put(`${api}/draft`, { data: { draftVersion, answers: R7_REPORT }, headers });
  }
  expect(saved.status(), await saved.text()).toBe(200);
  draftVersion = ((await saved.json()) as { draftVersion: number }).draftVersion;
  const changed = await page.request.put(`${api}/draft`, {
    data: { draftVersion, answers: { ...R7_REPORT, i_rota: RIVAL_ROTA } },
    headers,
  });
  expect(changed.status(), await changed.text()).toBe(200);
  return { cycleId, amending: amendment.ok() };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
}

function column(sheet: ExcelJS.Worksheet, header: string): number {
  const index = (sheet.getRow(1).values as unknown[]).indexOf(header);
  expect(index, header).toBeGreaterThan(0);
  return index;
}

test("exports-audit: the officer filters the audit log, reads a change in words and downloads .xlsx files with numeric cells", async ({
  page,
}) => {
  const { cycleId, amending } = await clinicChangesOneAnswer(page);
  await page.context().clearCookies();

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto("/prefecture/audit");
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
  await page.getByLabel("医療機関（コードまたは名称の一部）").fill("さくら内科");
  await page.getByLabel("期間（から）").fill(today);
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/institution=/);

  // The newest autosave session of the clinic, in words.
  const session = page.getByTestId("audit-entries").locator('li[data-action="submission.save_draft"]').first();
  await expect(session).toContainText("下書き保存");
  await expect(session).toContainText("さくら内科クリニック");
  const change = session.getByTestId("audit-changes");
  await expect(change).toContainText(ROTA_LABEL);
  // From whatever it was before the session (無し(意向無し), （未回答）…) to the new answer's label.
  // (Screen readers hear 「変更前 … 変更後 …」 from visually hidden words.)
  await expect(change).toContainText(/(無し|有り|（未回答）)[^→]*→\s*(変更後\s*)?有り\(月1回\)/);
  await expect(session).not.toContainText("i_rota");
  await expect(session).not.toContainText("0項目");
  // Usable at 390 px: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The filtered log as .xlsx: the entries, their count a number, the change in words.
  const log = await download(page, () => page.getByTestId("audit-export-xlsx").click());
  expect(log.name).toMatch(/^監査ログ_福井県_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const logSheet = (await workbook(log.bytes)).worksheets[0]!;
  const countCell = logSheet.getRow(2).getCell(column(logSheet, "回数"));
  expect(countCell.type).toBe(ExcelJS.ValueType.Number);
  const changes = logSheet.getColumn(column(logSheet, "変更内容")).values.map(String).join("\n");
  expect(changes).toMatch(/在宅当番医制\(.+\)への参加: \S+ → 有り\(月1回\)/);

  // The cycle's answers as .xlsx: numeric cells for numbers, words beside the codes.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/prefecture/cycles/${cycleId}`);
  const answers = await download(page, () => page.getByTestId("submissions-export-xlsx").click());
  expect(answers.name).toMatch(/^回答一覧_令和7年度かかりつけ医機能報告_福井県_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = await workbook(answers.bytes);
  expect(book.worksheets.map((s) => s.name)).toEqual(["回答一覧", "コード表"]);
  const sheet = book.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(sheet.autoFilter).toBeTruthy();
  const revision = column(sheet, "版");
  const submitted = [...Array(sheet.rowCount - 1).keys()]
    .map((i) => sheet.getRow(i + 2))
    .filter((row) => row.getCell(revision).value !== null);
  expect(submitted.length).toBeGreaterThan(0);
  for (const row of submitted.slice(0, 20)) expect(row.getCell(revision).type).toBe(ExcelJS.ValueType.Number);
  const rotaWords = column(sheet, `i_rota:${ROTA_LABEL}（回答の内容）`);
  expect(submitted.some((row) => /^(無し|有り)/.test(String(row.getCell(rotaWords).value)))).toBe(true);

  // Leave the clinic's report as it was for the specs that follow.
  if (amending) {
    await page.context().clearCookies();
    await signInAs(page, "clinic@demo.renkei.jp", "/institution");
    const undo = await page.request.delete(`/api/v1/respondent/cycles/${cycleId}/amendment`, {
      headers: { origin: new URL(page.url()).origin },
    });
    expect(undo.status(), await undo.text()).toBeLessThan(300);
  }
});
