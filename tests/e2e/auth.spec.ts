import { expect, test } from "@playwright/test";
import { formAlert, signIn, signInAs } from "./fixtures";

const homes = [
  { email: "admin@demo.renkei.jp", path: "/admin", heading: "全国", scope: "全国" },
  { email: "pref@demo.renkei.jp", path: "/prefecture", heading: "都道府県ホーム", scope: "福井県" },
  { email: "council@demo.renkei.jp", path: "/council", heading: "丹南", scope: "丹南" },
  {
    email: "clinic@demo.renkei.jp",
    path: "/institution",
    heading: "さくら内科クリニック",
    scope: "さくら内科クリニック",
  },
  { email: "hub@demo.renkei.jp", path: "/hub", heading: "丹南在宅医療連携拠点（デモ）", scope: "丹南在宅医療連携拠点" },
];

for (const home of homes) {
  test(`${home.email} signs in and lands on ${home.path}`, async ({ page }) => {
    await signInAs(page, home.email, home.path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(home.heading);
    await expect(page.getByTestId("scope-label")).toContainText(home.scope);
    await expect(page.getByText("架空のデモデータ").first()).toBeVisible();
  });
}

test("a wrong password is refused with a Japanese message", async ({ page }) => {
  await signIn(page, "pref@demo.renkei.jp", "wrong-password");
  await expect(formAlert(page)).toHaveText("メールアドレスまたはパスワードが正しくありません。");
  await expect(page).toHaveURL(/\/login/);
});

test("an empty form shows field messages without calling the server", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByText("メールアドレスを入力してください。")).toBeVisible();
  await expect(page.getByText("パスワードを入力してください。")).toBeVisible();
});

test("an unauthenticated visit to a protected page goes to sign-in and back", async ({ page }) => {
  await page.goto("/prefecture/cycles");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprefecture%2Fcycles/);
  await signIn(page, "pref@demo.renkei.jp");
  await expect(page).toHaveURL(/\/prefecture\/cycles$/);
});

test("another role's area sends you back to your own home", async ({ page }) => {
  await signInAs(page, "clinic@demo.renkei.jp", "/institution");
  await page.goto("/prefecture");
  await expect(page).toHaveURL(/\/institution$/);
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "council@demo.renkei.jp", "/council");
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await expect(page.getByText("ログアウトしました。")).toBeVisible();
  await page.goto("/council");
  await expect(page).toHaveURL(/\/login/);
});
