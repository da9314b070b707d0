// Accounts for every role (issue 13, part 2; docs/decisions/0022), as people do it in a browser,
// with real mail: the national administrator creates a prefecture officer, who sets a password
// from the invitation mail and enrols a second factor; that officer creates a council member for
// a zone, who signs in; the officer deactivates the member, whose session ends and whose next
// sign-in is refused. And a user who has forgotten the password resets it from the sign-in page.
//
// Of the suite's two app instances the second has a mail server configured (scripts/test.ts:
// SMTP_PORT = E2E_SMTP_PORT) and runs the job workers, which send the queued mail; the first has
// none. This spec works on the second and starts the real SMTP server on that port
// (tests/support/smtp.ts, as cycle-mail.spec.ts does before it; the specs run one at a time), and
// reads what arrived.
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { currentTotp } from "../../lib/auth/totp";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";
import { startTestSmtp, type TTestSmtp } from "../support/smtp";
import { signIn, signInAs } from "./fixtures";

const RUN = Date.now().toString(36);
const OFFICER = { name: "E2E 担当", email: `e2e-acc-officer-${RUN}@pref.example.jp`, password: "officer e2e sentence" };
const COUNCIL = { name: "E2E 委員", email: `e2e-acc-council-${RUN}@example.jp`, password: "council e2e sentence" };
const FORGETFUL = { email: `e2e-acc-forgot-${RUN}@example.jp`, password: "remembered at last again" };

let smtp: TTestSmtp;
const baseURL = process.env.E2E_SECOND_URL!;

async function query(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  if (!process.env.E2E_DATABASE_URL || !baseURL || !process.env.E2E_SMTP_PORT)
    throw new Error("run through `npm test -- --only e2e` (E2E_DATABASE_URL, E2E_SECOND_URL, E2E_SMTP_PORT)");
  smtp = await startTestSmtp({ port: Number(process.env.E2E_SMTP_PORT) });
});

test.afterAll(async () => {
  await smtp?.close();
  if (process.env.E2E_DATABASE_URL) await query(`delete from "User" where email like $1`, [`e2e-acc-%-${RUN}@%`]);
});

/** A fresh browser context on the mail-enabled instance. */
async function pageOn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  return context.newPage();
}

async function linkFromMail(to: string): Promise<string> {
  const [mail] = await smtp.waitFor(to, 1, 30_000);
  expect(mail, `an invitation mail to ${to}`).toBeTruthy();
  const url = /https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(mail!.text)?.[0];
  expect(url).toBeTruthy();
  return url!;
}

async function setPassword(page: Page, url: string, password: string) {
  await page.goto(url);
  await page.getByLabel("新しいパスワード", { exact: true }).fill(password);
  await page.getByLabel("新しいパスワード（確認）").fill(password);
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page).toHaveURL(/\/set-password\/done$/);
}

test("accounts: the administrator creates an officer, who sets a password from the mail and enrols 2FA; the officer adds a council member, then deactivates them", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // ---- the national administrator ----
  const admin = await pageOn(browser);
  await signInAs(admin, "admin@demo.renkei.jp", "/admin");
  await admin.goto("/admin/officers");
  const form = admin.getByRole("form", { name: "都道府県の担当者を追加" });
  await form.getByRole("button", { name: "担当者を追加して招待する" }).click();
  await expect(form.getByText("氏名を入力してください。")).toBeVisible();
  await expect(form.getByText("都道府県を選んでください。")).toBeVisible();
  await form.getByLabel("都道府県").selectOption({ label: "福井県" });
  await form.getByLabel("氏名").fill(OFFICER.name);
  await form.getByLabel("メールアドレス（ログインID）").fill(OFFICER.email);
  await form.getByRole("button", { name: "担当者を追加して招待する" }).click();
  await expect(form.getByText("招待メールを送りました")).toBeVisible();
  // The same address again: a message on the field, not an error page.
  await form.getByLabel("都道府県").selectOption({ label: "福井県" });
  await form.getByLabel("氏名").fill("重複");
  await form.getByLabel("メールアドレス（ログインID）").fill(OFFICER.email.toUpperCase());
  await form.getByRole("button", { name: "担当者を追加して招待する" }).click();
  await expect(form.getByText(/すでに別のアカウントで使われています/)).toBeVisible();

  const [mail] = await smtp.waitFor(OFFICER.email, 1, 30_000);
  expect(mail!.subject).toBe("【Renkei】都道府県担当者アカウントのご案内（福井県）");

  // ---- the new officer ----
  const officer = await pageOn(browser);
  await setPassword(officer, await linkFromMail(OFFICER.email), OFFICER.password);
  await signIn(officer, OFFICER.email, OFFICER.password);
  await expect(officer).toHaveURL(/\/two-factor\/setup/);
  const secret = (await officer.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await officer.getByLabel("確認コード（6桁）").fill(currentTotp(secret));
  await officer.getByRole("button", { name: "設定を完了する" }).click();
  await expect(officer.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await officer.getByRole("button", { name: "保管しました。続ける" }).click();
  await expect(officer).toHaveURL(/\/prefecture$/);

  await officer.goto("/prefecture/accounts");
  const add = officer.getByRole("form", { name: "アカウントを追加" });
  await add.getByRole("button", { name: "アカウントを追加して招待する" }).click();
  await expect(add.getByText("圏域を1つ以上選んでください。")).toBeVisible();
  await add.getByLabel("氏名").fill(COUNCIL.name);
  await add.getByLabel("メールアドレス（ログインID）").fill(COUNCIL.email);
  await add.getByRole("checkbox", { name: "丹南" }).first().check();
  await add.getByRole("button", { name: "アカウントを追加して招待する" }).click();
  await expect(add.getByText("招待メールを送りました")).toBeVisible();

  // ---- the council member ----
  const council = await pageOn(browser);
  await setPassword(council, await linkFromMail(COUNCIL.email), COUNCIL.password);
  await signIn(council, COUNCIL.email, COUNCIL.password);
  await expect(council).toHaveURL(/\/council$/);

  // ---- the officer deactivates the member: the session ends, sign-in is refused ----
  await officer.goto(`/prefecture/accounts?q=${encodeURIComponent(COUNCIL.email)}`);
  await officer.getByRole("link", { name: COUNCIL.email }).last().click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(COUNCIL.email);
  officer.once("dialog", (dialog) => void dialog.accept());
  await officer.getByRole("button", { name: "無効にする" }).click();
  await expect(officer.getByRole("button", { name: "有効に戻す" })).toBeVisible();

  await council.goto("/council");
  await expect(council).toHaveURL(/\/login/);
  await signIn(council, COUNCIL.email, COUNCIL.password);
  await expect(council.getByText("メールアドレスまたはパスワードが正しくありません。")).toBeVisible();
  await expect(council).toHaveURL(/\/login/);

  // Every step is in the audit log, with who did it.
  const actions = (
    await query(
      `select a.action from "AuditEvent" a join "User" u on u.id = a."entityId" where u.email = any($1) order by a.at`,
      [[OFFICER.email, COUNCIL.email]],
    )
  ).map((r: { action: string }) => r.action);
  expect(actions).toEqual(
    expect.arrayContaining(["account.create", "account.issue_link", "account.set_password", "account.deactivate"]),
  );
});

test("accounts: a user who forgot the password resets it from the sign-in page with the link mailed to them", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A hub account signing in with a password (the demo one, copied), without a second factor.
  await query(
    `insert into "User" (id, email, name, "passwordHash", role, "hubId", "updatedAt")
     select $1, $2, 'E2E 再設定', "passwordHash", role, "hubId", now() from "User" where email = 'hub@demo.renkei.jp'`,
    [`e2e-forgot-${RUN}`, FORGETFUL.email],
  );
  const page = await pageOn(browser);
  await page.goto("/login");
  await page.getByRole("link", { name: "パスワードをお忘れの方" }).click();
  await expect(page).toHaveURL(/\/login\/forgot$/);
  await expect(page.getByRole("heading", { name: "パスワードをお忘れの方" })).toBeVisible();

  // An address nobody holds and the holder's: the same answer, word for word.
  const ask = async (email: string) => {
    await page.goto("/login/forgot");
    await page.getByLabel("メールアドレス").fill(email);
    await page.getByRole("button", { name: "再設定用のリンクを送る" }).click();
    const answer = page.getByText(/入力されたメールアドレスがアカウントとして登録されていれば/);
    await expect(answer).toBeVisible();
    return answer.textContent();
  };
  const unknownAnswer = await ask(`e2e-acc-nobody-${RUN}@example.jp`);
  const knownAnswer = await ask(FORGETFUL.email.toUpperCase());
  expect(knownAnswer).toBe(unknownAnswer);

  // The link arrives by mail (sent by the queue's worker), to the holder only.
  const [mail] = await smtp.waitFor(FORGETFUL.email, 1, 30_000);
  expect(mail!.subject).toBe("【Renkei】パスワード再設定のご案内");
  expect(mail!.text).toContain("ログイン画面の「パスワードをお忘れの方」からの依頼により");
  expect(smtp.received.some((m) => m.to.includes(`e2e-acc-nobody-${RUN}@example.jp`))).toBe(false);

  // Until the link is used the old password still works; afterwards only the new one.
  const url = await linkFromMail(FORGETFUL.email);
  await setPassword(page, url, FORGETFUL.password);
  await page.goto("/login");
  await signIn(page, FORGETFUL.email, DEMO_PASSWORD);
  await expect(page.getByText("メールアドレスまたはパスワードが正しくありません。")).toBeVisible();
  await signIn(page, FORGETFUL.email, FORGETFUL.password);
  await expect(page).toHaveURL(/\/hub$/);

  // The link works once.
  await page.goto(url);
  await expect(page.getByText(/すでに使われています/)).toBeVisible();
});
