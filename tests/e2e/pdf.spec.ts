import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { download, pdfText, query, signInAs } from "./fixtures";

// The PDF documents against the built app (scripts/server.mjs, rendering in worker threads) on the
// seeded demo prefecture: the officer downloads a zone's council packet and the ZIP of every zone
// after its progress completes; the council downloads its own zone's packet and is refused
// another's; the clinic downloads its 院内掲示 and 提出控え from its receipt page.

test.describe("pdf documents", () => {
  test("pdf: the officer downloads a zone's packet and the ZIP of every zone after the progress completes", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "協議の場資料" }).click();
    await expect(page).toHaveURL(/\/prefecture\/packets$/);
    await expect(page.getByRole("heading", { level: 1, name: "協議の場資料" })).toBeVisible();

    const packet = await download(page, () => page.getByTestId("zone-packet-丹南").click());
    expect(packet.name).toBe("福井県_令和7年度_協議の場資料_丹南.pdf");
    const text = pdfText(packet.bytes);
    expect(text).toContain("丹南");
    expect(text).toContain("協議の場 資料");
    expect(text).toContain("架空のデモデータ");

    const summary = await download(page, () => page.getByTestId("prefecture-summary-download").click());
    expect(pdfText(summary.bytes)).toContain("全圏域の集計");

    await page.getByRole("button", { name: "全圏域を一括作成 (ZIP)" }).click();
    await expect(page.getByRole("progressbar", { name: "一括作成の進み具合" })).toBeVisible();
    const link = page.getByTestId("packet-zip-download");
    await expect(link).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId("packet-batch")).toContainText("5 / 5 件");
    const zip = await download(page, () => link.click());
    expect(zip.name).toMatch(/\.zip$/);
    expect(zip.bytes.subarray(0, 2).toString()).toBe("PK");
    const entries = execFileSync("zipinfo", ["-1", zip.path]).toString().trim().split("\n");
    expect(entries).toHaveLength(5);
    for (const zone of ["福井・坂井", "奥越", "丹南", "嶺南"])
      expect(entries.some((e) => e.endsWith(`_${zone}.pdf`))).toBe(true);
  });

  test("pdf: the council downloads its own zone's packet and cannot download another zone's", async ({ page }) => {
    await signInAs(page, "council@demo.renkei.jp", "/council");
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "協議の場資料" }).click();
    await expect(page).toHaveURL(/\/council\/packets$/);
    await expect(page.getByTestId("zone-packet-丹南")).toBeVisible();
    await expect(page.getByTestId("zone-packet-嶺南")).toHaveCount(0);

    const packet = await download(page, () => page.getByTestId("zone-packet-丹南").click());
    const text = pdfText(packet.bytes);
    expect(text).toContain("丹南");
    expect(text).not.toContain("福井・坂井");

    // Another zone's packet, asked for directly with the council's session: not found.
    const href = await page.getByTestId("zone-packet-丹南").getAttribute("href");
    const [other] = await query<{ id: string }>(
      `select z.id from "Zone" z join "ZoneScheme" s on s.id = z."schemeId" where z.name = '嶺南' and s."isDefault"`,
    );
    const response = await page.request.get(href!.replace(/zone=[^&]+/, `zone=${other!.id}`));
    expect([403, 404]).toContain(response.status());
    expect(response.headers()["content-type"]).toContain("application/json");
    // Neither the prefecture summary nor the batch jobs are the council's.
    expect([403, 404]).toContain(
      (await page.request.get(href!.replace("/packets/zone", "/packets/prefecture"))).status(),
    );
  });

  test("pdf: the clinic downloads its 院内掲示 and 提出控え from its receipt", async ({ page }) => {
    await signInAs(page, "clinic@demo.renkei.jp", "/institution");
    // Last year's report is submitted in the demo data (this year's may not be yet).
    await page.getByRole("link", { name: "受付票" }).last().click();
    await expect(page).toHaveURL(/\/institution\/cycles\/[^/]+\/receipt/);
    const number = (await page.getByTestId("receipt-number").textContent())!.trim();

    const notice = await download(page, () => page.getByTestId("clinic-notice-pdf").click());
    const noticeText = pdfText(notice.bytes);
    expect(noticeText).toContain("当院のかかりつけ医機能について");
    expect(noticeText).toContain("さくら内科クリニック");

    const copy = await download(page, () => page.getByTestId("submission-copy-pdf").click());
    const copyText = pdfText(copy.bytes);
    expect(copyText).toContain("提出控え");
    expect(copyText).toContain(number);
    expect(copyText).toContain("さくら内科クリニック");
  });
});
