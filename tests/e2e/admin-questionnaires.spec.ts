import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures";

test("the administrator sees provisional items and publishes a new definition version without a code change", async ({
  page,
}) => {
  await signInAs(page, "admin@demo.renkei.jp", "/admin");
  await page.getByRole("link", { name: "調査票の版" }).click();
  await expect(page.getByRole("link", { name: /令和7年度 かかりつけ医機能報告 第1版/ })).toBeVisible();

  // The shipped 令和7年度 version marks its provisional items.
  await page.getByRole("link", { name: /令和7年度 かかりつけ医機能報告 第1版/ }).click();
  await expect(page.locator("[data-provisional]").first()).toBeVisible();
  await expect(page.getByText(/暫定項目 \d+件/)).toBeVisible();

  // A corrected version (e.g. after the manual's revision) as a file.
  const r7 = JSON.parse(readFileSync("prisma/questionnaires/clinic-report-r7-v1.json", "utf8"));
  const r7v2 = {
    ...r7,
    versionKey: "clinic-report-r7-v2",
    versionLabel: "第2版（テスト）",
    previous: { versionKey: "clinic-report-r7-v1", keyMap: {} },
  };
  await page.goto("/admin/questionnaires");
  await page
    .getByLabel("定義ファイル（JSON）")
    .setInputFiles({ name: "r7v2.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(r7v2)) });
  await page.getByRole("button", { name: "下書きとして登録（確認用）" }).click();
  await expect(page.getByText("clinic-report-r7-v2: 登録しました（下書き）")).toBeVisible();

  await page.getByRole("link", { name: /第2版（テスト）/ }).click();
  await expect(page.getByText("下書き（未公開）")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "この版を公開する" }).click();
  await expect(page.getByText(/公開中（/)).toBeVisible();

  // A broken file is refused with the path of each problem.
  await page.goto("/admin/questionnaires");
  await page.getByLabel("定義ファイル（JSON）").setInputFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...r7, versionKey: "bad-v1", sections: [] })),
  });
  await page.getByRole("button", { name: "下書きとして登録（確認用）" }).click();
  await expect(page.getByText("調査票の定義に誤りがあります。")).toBeVisible();
});
