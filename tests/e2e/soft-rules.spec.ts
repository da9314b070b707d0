import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, query, signInAs } from "./fixtures";

// Soft rules in the browser (docs/decisions/0019-soft-rules.md): a clinic answers (ハ) 在宅医療
// 体制「有り（自院）」 and then types 0 for every visit count; the warning appears under the item
// as it types, submitting without an explanation is refused on the page (nothing lost), and once
// explained the report is submitted and its receipt keeps the warning with the explanation. The
// officer finds the report in the list (its warning explained, so the 目印 filter 注意あり・説明未記入
// — a review flag since ADR 0020 — leaves it out; an old `?warning=` URL is harmless), sees the
// 確認事項 badge and reads the explanation.
// A clinic account of its own (a demo clinic with no report yet), so no other spec's report moves.

const EMAIL = "soft-rules@demo.renkei.jp";
const EXPLANATION = "令和8年は在宅の患者さんがおらず、訪問の実績がありませんでした。";
const COMPLETE_R8 = {
  rep_name: "鯖江 花子",
  rep_phone: "0778-00-1234",
  f1_notice: true,
  f1_training: false,
  f1_gp_specialist: "0",
  f1_areas: ["1"],
  f1_consult: true,
  i_rota: "0",
  i_emergency_center: "0",
  ro_backup_beds: "0",
  ha_system: "p2",
  ni_opinion: "0",
  ni_care_conference: "p0",
};

async function clinicAccount(): Promise<string> {
  await query(
    `insert into "User" (id, email, name, role, "institutionId", "passwordHash", "updatedAt")
     select 'e2e-soft-rules', $1, '確認 ルール', 'INSTITUTION', i.id, u."passwordHash", now()
     from "Institution" i, "User" u
     where u.email = 'clinic@demo.renkei.jp' and i."prefectureCode" = '18' and i.kind = 'CLINIC' and i."isActive"
       and not exists (select 1 from "User" x where x."institutionId" = i.id)
       and not exists (select 1 from "Submission" s where s."institutionId" = i.id)
     order by i.code desc limit 1
     on conflict (email) do nothing`,
    [EMAIL],
  );
  return EMAIL;
}

const cyclePanel = (page: Page, fiscalYear: number) =>
  page.getByTestId("open-cycle").and(page.locator(`[data-fiscal-year="${fiscalYear}"]`));

test.describe.configure({ mode: "serial" });
let institutionName = "";

test("soft rules: the clinic sees a warning live, explains it and submits; the receipt keeps it", async ({ page }) => {
  test.setTimeout(180_000); // a long form on a shared machine
  await signInAs(page, await clinicAccount(), "/institution");
  const href = (await cyclePanel(page, 2026).getByRole("link").first().getAttribute("href"))!;
  const cycleId = href.split("/")[3]!;
  // The answers a clerk would have typed so far (through the same draft API the form autosaves to).
  const draft = await page.request.put(`/api/v1/respondent/cycles/${cycleId}/draft`, {
    data: { draftVersion: 0, answers: COMPLETE_R8 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(draft.status(), await draft.text()).toBe(200);
  await page.goto(`/institution/cycles/${cycleId}`);
  const [institution] = await query<{ name: string }>(
    `select i.name from "User" u join "Institution" i on i.id = u."institutionId" where u.email = $1`,
    [EMAIL],
  );
  institutionName = institution!.name;

  const warning = page.getByTestId("soft-warning-ha-system-without-visits");
  await page.locator("#q-ha_home_visit_count").fill("0");
  await page.locator("#q-ha_urgent_visit_count").fill("0");
  await expect(warning).toHaveCount(0); // 訪問看護 not answered yet: no guess
  await page.locator("#q-ha_visiting_nurse_count").fill("0");
  await expect(warning).toContainText("訪問診療・往診・訪問看護の算定回数がすべて0回");
  await expect(warning).toContainText("注意");
  // The warning and its field meet the accessibility bar (the form page itself is audited in accessibility.spec.ts).
  await expectAccessible(page, '[data-testid="soft-warning-ha-system-without-visits"]');

  // Not explained: refused on the page, the answers stay.
  await page.getByRole("button", { name: "内容を確認して提出" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("説明の記入が必要な確認事項が1件あります");
  await expect(page.getByTestId("confirm-submit")).toBeHidden();
  await expect(warning).toContainText("説明を記入してください。");
  await expect(page.locator("#q-ha_visiting_nurse_count")).toHaveValue("0");

  await warning.getByLabel("説明（提出には記入が必要です）").fill(EXPLANATION);
  await expect(page.getByTestId("save-indicator")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  // A reload shows the explanation saved with the draft.
  await page.reload();
  await expect(page.getByTestId("explanation-ha-system-without-visits")).toHaveValue(EXPLANATION);

  await page.getByRole("button", { name: "内容を確認して提出" }).click();
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/receipt\?revision=1&submitted=1/);
  const stored = page.getByTestId("stored-warning-ha-system-without-visits");
  await expect(stored).toContainText("すべて0回");
  await expect(stored).toContainText(`説明: ${EXPLANATION}`);
});

test("soft rules: the officer filters by the warning flags and reads the explanation", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto("/prefecture/submissions");
  const cycle = await page
    .getByLabel("報告サイクル")
    .locator("option", { hasText: "令和8年度 かかりつけ医機能報告" })
    .first();
  const cycleId = (await cycle.getAttribute("value"))!;
  await page.getByLabel("報告サイクル").selectOption(cycleId);
  await page.getByLabel("名称・コード").fill(institutionName);
  // ONE flag filter: the warnings are flags; the separate 確認事項 select is gone.
  await expect(page.getByLabel("確認事項", { exact: true })).toHaveCount(0);
  await page.getByLabel("目印").selectOption({ label: "注意あり・説明未記入" });
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/flag=warning-unexplained/);
  await expect(page.getByText("該当する回答者はいません")).toBeVisible(); // its warning is explained

  // An old bookmarked ?warning=any URL is ignored (no error, the list as without it).
  await page.goto(`/prefecture/submissions?cycle=${cycleId}&warning=any&q=${encodeURIComponent(institutionName)}`);
  await expect(page.getByLabel("目印")).toHaveValue("");
  const table = page.getByTestId("respondent-table");
  const row = table.getByRole("row").filter({ hasText: institutionName });
  await expect(row.getByTestId("soft-warning-badge")).toHaveText("確認事項 1");
  await row.getByRole("link", { name: /確認する/ }).click();
  await expect(page.getByTestId("soft-warning-summary")).toContainText(EXPLANATION);
  await expect(page.getByTestId("stored-warning-ha-system-without-visits")).toContainText(EXPLANATION);
});
