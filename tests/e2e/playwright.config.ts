import { defineConfig } from "@playwright/test";

// Run through `npm test`, which builds the app, starts it on a freshly seeded embedded database
// and sets E2E_BASE_URL. The browser is Debian's Chromium: nothing is downloaded.
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3100";

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // One folder per build folder, so parallel runs on one machine do not clean each other's traces.
  outputDir: `../../test-results/${process.env.RENKEI_E2E_DIST_DIR?.replace(/^\./, "") || "e2e"}`,
  use: {
    baseURL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    acceptDownloads: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
