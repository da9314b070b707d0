import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { buildInstitutionCode } from "../../lib/domain/codes";
import { ZQuestionnaireDefinition, allItems } from "../../lib/questionnaire/definition";
import { generateAnswers } from "../../prisma/seed/answers";
import { createRandom } from "../../prisma/seed/random";
import { explainEverySoftRule, expectAccessible, query, signIn, signInAs } from "./fixtures";

// Review flags (issue 16), end to end: a clinic of 丹南 submits a 令和7年度 report with one count
// far above its peers' → the officer has the outlier flags recomputed (a background job), filters
// the list to flagged reports, opens the report, sees the flagged item with its peers'
// distribution and asks about it (照会) → the clinic sees the query on its home and next to the
// item in the form, and answers; it never sees the outlier → the officer cannot confirm while the
// query is open, closes it, marks the outlier 確認済み（問題なし） (it leaves the outlier filter) and
// confirms.
test.describe.configure({ mode: "serial" });
// Four sign-ins, a background job and a shared, loaded machine: more time than the default.
test.setTimeout(180_000);

const stamp = Date.now().toString(36);
const CLINIC = {
  code: buildInstitutionCode("18", `97${String(Date.now() % 10_000).padStart(4, "0")}`),
  name: `照会テスト内科${stamp}`,
  email: `e2e-query-${stamp}@example.jp`,
  password: "e2e query clinic password 2026",
};
const QUESTION = "時間外の算定回数が非常に多くなっています。入力に誤りがないかご確認ください。";
const ANSWER = "確認したところ、年間の回数ではなく延べ人数を入力していました。";
const ids = { institution: `e2eqi${stamp}`, user: `e2equ${stamp}`, cycle: "", submission: "" };
let itemKey = "";
let itemLabel = "";

const r7Cycle = (page: Page) => page.getByTestId("open-cycle").and(page.locator('[data-fiscal-year="2025"]'));

test.beforeAll(async () => {
  await query(
    `insert into "Institution" (id, code, name, kind, "prefectureCode", "municipalityCode", "contactEmail", "updatedAt")
     values ($1, $2, $3, 'CLINIC', '18', '182079', $4, now())`,
    [ids.institution, CLINIC.code, CLINIC.name, CLINIC.email],
  );
  await query(
    `insert into "User" (id, email, name, role, "institutionId", "passwordHash", "updatedAt")
     values ($1, $2, $3, 'INSTITUTION', $4, $5, now())`,
    [ids.user, CLINIC.email, `${CLINIC.name} 担当者`, ids.institution, await hashPassword(CLINIC.password)],
  );
});

test.afterAll(async () => {
  if (!process.env.E2E_DATABASE_URL) return;
  await query(`delete from "Submission" where "institutionId" = $1`, [ids.institution]);
  await query(`delete from "User" where id = $1`, [ids.user]);
  await query(`delete from "Institution" where id = $1`, [ids.institution]);
});

test("review flags: a clinic submits a report with one count far above its peers'", async ({ page }) => {
  await signIn(page, CLINIC.email, CLINIC.password);
  await expect(page).toHaveURL(/\/institution$/, { timeout: 30_000 });
  const [cycle] = await query<{ id: string; definition: unknown }>(
    `select c.id, v.definition from "ReportingCycle" c join "QuestionnaireVersion" v on v.id = c."questionnaireVersionId"
     where c."prefectureCode" = '18' and c.kind = 'CLINIC_REPORT' and c."fiscalYear" = 2025`,
  );
  ids.cycle = cycle!.id;
  const definition = ZQuestionnaireDefinition.parse(cycle!.definition);
  // Fixed seeds, tried in order: the first answer set with an answered count item (deterministic, so
  // the journey never depends on the clock).
  const answerSets = Array.from({ length: 50 }, (_, seed) =>
    generateAnswers(definition, {
      random: createRandom(`e2e-flags-${seed}`),
      profile: { kind: "CLINIC", engagement: 0.95 },
      partnerPool: [{ code: buildInstitutionCode("18", "010101"), name: "連携先病院（E2E）" }],
    }),
  );
  const answeredCount = (set: (typeof answerSets)[number]) =>
    allItems(definition).find((item) => item.type === "integer" && typeof set[item.key] === "number");
  const answers = answerSets.find((set) => answeredCount(set)) ?? answerSets[0]!;
  // One answered count item gets a value no peer comes near.
  const count = answeredCount(answers);
  expect(count, "an answered count item").toBeTruthy();
  itemKey = count!.key;
  itemLabel = count!.label;
  answers[itemKey] = 99_999;
  // The clinic explains what the soft rules ask about (ADR 0019), as a clerk must before submitting.
  const explanations = explainEverySoftRule(definition.versionKey);
  const headers = { origin: new URL(page.url()).origin };
  const draft = await page.request.put(`/api/v1/respondent/cycles/${ids.cycle}/draft`, {
    data: { draftVersion: 0, answers, explanations },
    headers,
  });
  expect(draft.status()).toBe(200);
  const submit = await page.request.post(`/api/v1/respondent/cycles/${ids.cycle}/submit`, {
    data: { draftVersion: (await draft.json()).draftVersion, answers, explanations },
    headers,
  });
  expect(submit.status()).toBe(200);
  ids.submission = (await submit.json()).submissionId;
  await page.reload();
  await expect(r7Cycle(page).getByTestId("current-status")).toHaveText(/提出済/);
});

test("review flags: the officer filters to flagged reports and asks about the item", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto(`/prefecture/submissions?cycle=${ids.cycle}`);
  // The flags are computed off the request: ask for a run now and wait for its result.
  await page.getByRole("button", { name: "外れ値を再計算する" }).click();
  await expect(page.getByRole("status").filter({ hasText: /再計算/ })).toBeVisible();
  await expect(async () => {
    await page.goto(`/prefecture/submissions?cycle=${ids.cycle}&flag=outlier&q=${CLINIC.code}`);
    await expect(
      page.getByTestId("respondent-table").getByRole("cell", { name: CLINIC.name, exact: true }),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  // The filter form offers the flags too; ranking by flags keeps the filter.
  await expect(page.getByLabel("目印")).toHaveValue("outlier");
  const row = page.getByTestId("respondent-table").getByRole("row").filter({ hasText: CLINIC.name });
  await expect(row.locator('[data-flag="outlier"]')).toBeVisible();
  await row.getByRole("link", { name: /確認する/ }).click();
  await expect(page).toHaveURL(new RegExp(`/prefecture/submissions/${ids.submission}$`));

  // The flagged item carries its peers' distribution, in the list and in the answers.
  const flags = page.getByTestId("review-flags");
  await expect(flags.getByTestId("outlier-list")).toContainText(itemLabel);
  await expect(flags.getByTestId("outlier-list")).toContainText("中央値");
  await expect(page.getByTestId(`outlier-mark-${itemKey}`)).toContainText("外れ値（高い値）");

  const form = page.getByTestId("item-query-form");
  // Before asking: after the deadline only 期限後の入力許可 would let the clinic correct.
  await expect(form.getByTestId("query-correction-hint")).toContainText("「期限後の入力許可」で入力を再開");
  await form.getByRole("button", { name: "照会する" }).click();
  await expect(form).toContainText("照会の内容を入力してください");
  await form.getByRole("checkbox", { name: itemLabel }).check();
  await form.getByLabel("照会の内容（回答者に表示されます）").fill(QUESTION);
  await form.getByRole("button", { name: "照会する" }).click();
  await expect(form.getByText("照会しました")).toBeVisible();
  await expect(flags.getByTestId("query-item")).toContainText(QUESTION);
  await expect(flags.getByTestId("query-status")).toHaveText("回答待ち");

  // Not confirmable while the query is open: the reason in Japanese.
  await page.getByRole("button", { name: "確認済みにする" }).click();
  await expect(page.getByText(/完了していない照会があるため、確認済みにできません/)).toBeVisible();
  await expect(page.getByTestId("review-status")).toHaveText(/提出済/);
});

test("review flags: the clinic sees the query on its home and in the form, and answers", async ({ page }) => {
  await signIn(page, CLINIC.email, CLINIC.password);
  await expect(page).toHaveURL(/\/institution$/, { timeout: 30_000 });
  await expect(r7Cycle(page).getByTestId("home-queries")).toContainText(QUESTION);
  // Outliers are the prefecture's: nothing of them reaches the respondent.
  await expect(page.getByText(/外れ値|中央値/)).toHaveCount(0);
  await r7Cycle(page).getByRole("link", { name: "入力画面で照会を確認し、回答する" }).click();
  await expect(page).toHaveURL(new RegExp(`/institution/cycles/${ids.cycle}#queries$`));
  await expect(page.getByTestId(`query-note-${itemKey}`)).toContainText(QUESTION);
  await expect(page.getByText(/外れ値|中央値/)).toHaveCount(0);

  // Submitted within the window: the panel names the button the form shows for a correction.
  await expect(page.getByTestId("query-correction")).toContainText("「修正を始める」から修正して提出");
  await expect(page.getByRole("button", { name: "修正を始める" })).toBeVisible();
  const panel = page.getByTestId("respondent-query");
  await expect(panel.getByRole("link", { name: itemLabel })).toHaveAttribute(
    "href",
    `#q-${itemKey.replace(/\./g, "-")}`,
  );
  await panel.getByRole("button", { name: "回答を送る" }).click();
  await expect(panel.getByText("回答を入力してください。")).toBeVisible();
  await panel.getByLabel("回答（都道府県に送られます）").fill(ANSWER);
  await panel.getByRole("button", { name: "回答を送る" }).click();
  await expect(panel.getByText("回答を送りました。")).toBeVisible();
  await expect(panel.getByTestId("respondent-query-status")).toHaveText("回答あり");
});

test("review flags: the officer reads the answer, closes the query and confirms", async ({ page }) => {
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto(`/prefecture/submissions?cycle=${ids.cycle}&flag=query-answered&q=${CLINIC.code}`);
  await expect(
    page.getByTestId("respondent-table").getByRole("cell", { name: CLINIC.name, exact: true }),
  ).toBeVisible();
  await page.goto(`/prefecture/submissions/${ids.submission}`);
  const flags = page.getByTestId("review-flags");
  await expect(flags.getByTestId("query-answer")).toHaveText(ANSWER);
  await flags.getByLabel("完了のメモ（任意・回答者にも表示されます）").fill("電話でも確認済み");
  await flags.getByRole("button", { name: "照会を完了にする" }).click();
  await expect(flags.getByTestId("query-status")).toHaveText("完了");

  // The value is right: the officer marks the outlier 確認済み（問題なし） with a note, and the
  // report leaves the outlier filter.
  const ack = flags.getByTestId(`flag-ack-outlier-${itemKey}`);
  await ack.getByLabel(/確認のメモ/).fill("延べ人数の入力を確認済み");
  await ack.getByRole("button", { name: /確認済み（問題なし）にする/ }).click();
  await expect(ack).toHaveAttribute("data-acknowledged", "true");
  await expect(ack).toContainText("延べ人数の入力を確認済み");
  await expect(page.getByTestId(`outlier-mark-${itemKey}`)).toContainText("確認済み（問題なし）");
  await expectAccessible(page, `[data-testid="flag-ack-outlier-${itemKey}"]`);
  await page.goto(`/prefecture/submissions?cycle=${ids.cycle}&flag=outlier&q=${CLINIC.code}`);
  await expect(page.getByLabel("目印")).toHaveValue("outlier");
  await expect(page.getByRole("cell", { name: CLINIC.name, exact: true })).toHaveCount(0);
  await page.goto(`/prefecture/submissions/${ids.submission}`);

  await page.getByRole("button", { name: "確認済みにする" }).click();
  await expect(page.getByTestId("review-status")).toHaveText(/確認済/);

  // Every step is in the record.
  await page.goto(`/prefecture/audit?entity=submission&entityId=${ids.submission}`);
  for (const summary of [
    /について照会した/,
    /照会に回答した/,
    /回答を確認し、照会を完了した/,
    /の外れ値を確認済み（問題なし）にした/,
    /確認済みにした/,
  ])
    await expect(page.getByText(summary).first()).toBeVisible();
});
