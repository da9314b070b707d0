import { chromium } from "@playwright/test";
const [, , email, name, ...paths] = process.argv;
const port = process.env.PORT || 3000;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "ja-JP" });
await page.goto(`http://localhost:${port}/login`);
await page.getByLabel("メールアドレス").fill(email);
await page.getByLabel("パスワード").fill("renkei-demo");
await page.getByRole("button", { name: "ログイン" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const [i, p] of paths.entries()) {
  await page.goto(`http://localhost:${port}${p}`);
  await page.waitForLoadState("networkidle");
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const parts = Math.min(8, Math.ceil(height / 1600));
  for (let k = 0; k < parts; k++) {
    await page.screenshot({ path: `/tmp/shots/${name}-${i}-${k}.png`, fullPage: true, clip: { x: 0, y: k * 1600, width: 1400, height: Math.min(1600, height - k * 1600) } });
  }
  console.log("shot", p, page.url(), height, parts);
}
await browser.close();
