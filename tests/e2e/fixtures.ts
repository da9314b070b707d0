import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";

/** Signs in from the current page if it is the sign-in page (keeps its callbackUrl), else from /login. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
}

export async function signInAs(page: Page, email: string, expectedPath: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${expectedPath}$`));
}

/** Alerts inside the page's main content (Next's route announcer is also role="alert"). */
export const formAlert = (page: Page) => page.locator("form").getByRole("alert");
