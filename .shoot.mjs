import { chromium } from "@playwright/test";
const [, , email, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "ja-JP" });
await page.goto("http://localhost:"+(process.env.PORT||3000)+"/login");
await page.getByLabel("メールアドレス").fill(email);
await page.getByLabel("パスワード").fill("renkei-demo");
await page.getByRole("button", { name: "ログイン" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const [i, p] of paths.entries()) {
  if (p !== "-") await page.goto("http://localhost:"+(process.env.PORT||3000)+"" + p);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shots/${email.split("@")[0]}-${i}.png`, fullPage: process.env.FULL === "1" });
  console.log("shot", p, page.url());
}
await browser.close();
