// Two-factor sign-in as an officer does it: a fresh officer account enrols on its first sign-in
// (reading the key shown next to the QR code), signs out, signs in with a code; a recovery code
// works once and not twice. Until the second factor is passed the session reaches nothing else.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { currentTotp } from "../../lib/auth/totp";
import { enterTotp, signIn } from "./fixtures";

const OFFICER = { email: "e2e-2fa-officer@example.jp", password: "two factor e2e officer" };

async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  const passwordHash = await hashPassword(OFFICER.password);
  await withDb(async (client) => {
    await client.query(`delete from "User" where email = $1`, [OFFICER.email]);
    await client.query(
      `insert into "User" (id, email, name, "passwordHash", role, "prefectureCode", "updatedAt")
       values ('e2e-2fa-officer', $1, '二要素 確認', $2, 'PREFECTURE', '18', now())`,
      [OFFICER.email, passwordHash],
    );
  });
});

test.afterAll(async () => {
  await withDb(async (client) => {
    await client.query(`delete from "User" where email = $1`, [OFFICER.email]);
    await client.query(`delete from "SignInThrottle" where key like $1`, ["2fa:e2e-2fa-officer%"]);
  });
});

async function signOut(page: Page) {
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

test("an officer enrols TOTP on first sign-in, then signs in with a code; a recovery code works once", async ({
  page,
}) => {
  await signIn(page, OFFICER.email, OFFICER.password);
  await expect(page).toHaveURL(/\/two-factor\/setup/);
  // Pending: the officer's area and its API are out of reach until the second factor is set.
  await page.goto("/prefecture/accounts");
  await expect(page).toHaveURL(/\/two-factor/);
  expect((await page.request.get("/api/v1/directory?q=a")).status()).toBe(401);

  await expect(page.getByRole("img", { name: "認証アプリで読み取る QR コード" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("確認コード（6桁）").fill("000000");
  await page.getByRole("button", { name: "設定を完了する" }).click();
  await expect(page.getByText("確認コードが正しくありません。").first()).toBeVisible();
  await page.getByLabel("確認コード（6桁）").fill(currentTotp(secret));
  await page.getByRole("button", { name: "設定を完了する" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = await page.getByTestId("recovery-codes").locator("li").allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "保管しました。続ける" }).click();
  // On to the page first asked for (the pending session was sent to enrolment from there).
  await expect(page).toHaveURL(/\/prefecture\/accounts$/);

  await signOut(page);
  await signIn(page, OFFICER.email, OFFICER.password);
  await expect(page).toHaveURL(/\/two-factor$/);
  await enterTotp(page, OFFICER.email, secret);
  await expect(page).toHaveURL(/\/prefecture$/);
  await page.goto("/prefecture/security");
  await expect(page.getByText("未使用の回復コード: 10個")).toBeVisible();

  await signOut(page);
  await signIn(page, OFFICER.email, OFFICER.password);
  await page.getByLabel("確認コード").fill(codes[0]!);
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page).toHaveURL(/\/prefecture$/);

  await signOut(page);
  await signIn(page, OFFICER.email, OFFICER.password);
  await page.getByLabel("確認コード").fill(codes[0]!);
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page.getByText("確認コードが正しくありません。").first()).toBeVisible();
  await expect(page).toHaveURL(/\/two-factor/);
});

test("the sign-in page offers 「パスワードをお忘れの方」, which without a mail server says whom to ask", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "パスワードをお忘れの方" }).click();
  await expect(page).toHaveURL(/\/login\/forgot$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("パスワードをお忘れの方");
  await expect(page.getByText("都道府県の担当者に、都道府県の方は全国管理者に")).toBeVisible();
});
