// Accounts for every role (issue 13, part 2; docs/decisions/0022), as people do it in a browser,
// with real mail: the national administrator creates a prefecture officer, who sets a password
// from the invitation mail and enrols a second factor; that officer creates a council member for
// a zone, who signs in; the officer deactivates the member, whose session ends and whose next
// sign-in is refused.
//
// The suite's two app instances run without a mail server (other specs rely on that), so this
// spec starts a third instance of the same build on the same database with SMTP_HOST pointing at
// a real SMTP server started here (tests/support/smtp.ts), and reads what arrived.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { currentTotp } from "../../lib/auth/totp";
import { startTestSmtp, type TTestSmtp } from "../support/smtp";
import { signIn, signInAs } from "./fixtures";

const RUN = Date.now().toString(36);
const OFFICER = { name: "E2E 担当", email: `e2e-acc-officer-${RUN}@pref.example.jp`, password: "officer e2e sentence" };
const COUNCIL = { name: "E2E 委員", email: `e2e-acc-council-${RUN}@example.jp`, password: "council e2e sentence" };

let smtp: TTestSmtp;
let server: ChildProcess;
let baseURL: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForApp(url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the mail-enabled instance exited with ${server.exitCode}`);
    const status = await fetch(`${url}/login`).then(
      (r) => r.status,
      () => 0,
    );
    if (status > 0 && status < 500) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the mail-enabled instance did not start at ${url}`);
}

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
  test.setTimeout(120_000);
  if (!process.env.E2E_DATABASE_URL) throw new Error("run through `npm test -- --only e2e` (E2E_DATABASE_URL)");
  smtp = await startTestSmtp();
  const port = await freePort();
  baseURL = `http://localhost:${port}`;
  server = spawn(
    process.execPath,
    [path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        RENKEI_DIST_DIR: process.env.RENKEI_E2E_DIST_DIR || ".next-e2e",
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        NEXTAUTH_URL: baseURL,
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(smtp.port),
        SMTP_SECURE: "false",
        RENKEI_JOB_WORKERS: "0",
        MALLOC_ARENA_MAX: "2",
        NODE_OPTIONS: "--max-old-space-size=256",
      },
      stdio: "ignore",
    },
  );
  await waitForApp(baseURL);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
  await smtp?.close();
  if (process.env.E2E_DATABASE_URL) await query(`delete from "User" where email like $1`, [`e2e-acc-%-${RUN}@%`]);
});

/** A fresh browser context on the mail-enabled instance. */
async function pageOn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  return context.newPage();
}

async function linkFromMail(to: string): Promise<string> {
  const [mail] = await smtp.waitFor(to);
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

  const [mail] = await smtp.waitFor(OFFICER.email);
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
