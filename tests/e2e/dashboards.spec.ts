import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import iconv from "iconv-lite";
import pg from "pg";
import { parse } from "csv-parse/sync";
import { signInAs } from "./fixtures";

// The dashboards on the seeded demo prefecture (福井県): the officer's prefecture and zone views
// with their URL filters and exports, the council member's own zone (and nothing else), and the
// administrator's national tile map. Read-only: the spec changes no data.

/** A zone's id, read from the database: a council member can never learn it from the app. */
async function zoneId(name: string, scheme = "二次医療圏"): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(
      `select z.id from "Zone" z join "ZoneScheme" s on s.id = z."schemeId" where z.name = $1 and s.name = $2`,
      [name, scheme],
    );
    expect(result.rows).toHaveLength(1);
    return result.rows[0]!.id;
  } finally {
    await client.end();
  }
}

const headlineDetail = (page: Page) => page.getByTestId("headline-f1").locator("dd").nth(1);

test.describe("dashboards", () => {
  test("dashboards: the officer filters the prefecture view, opens a zone and exports a table that matches the screen", async ({
    page,
  }) => {
    await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "ダッシュボード" })
      .click();
    await expect(page).toHaveURL(/\/prefecture\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "福井県 ダッシュボード" })).toBeVisible();
    await expect(page.getByTestId("demo-badge")).toBeVisible();

    // Zones side by side: every zone of the default scheme links to its own view, with its n.
    const zoneLinks = page.getByTestId("zone-links").getByRole("link");
    await expect(zoneLinks).toHaveCount(4);
    for (const name of ["福井・坂井", "奥越", "丹南", "嶺南"])
      await expect(page.getByTestId("zone-links").getByRole("link", { name: new RegExp(`^${name}`) })).toContainText(
        "n=",
      );
    await expect(page.getByTestId("chart-function-rates").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("chart-function-rates")).toContainText("丹南（n=");

    // The zones × 17 areas heatmap is a real table: 17 area rows, a column per zone and the prefecture.
    const heatmap = page.getByRole("table", { name: "17の診療領域ごとの一次診療（対応可能な医療機関の割合）" });
    await expect(heatmap).toBeVisible();
    await expect(heatmap.locator("tbody tr")).toHaveCount(17);
    await expect(heatmap.getByRole("columnheader")).toHaveCount(6);
    await expect(heatmap.getByRole("row", { name: /呼吸器領域/ })).toContainText("%");

    // The chart's table alternative opens under 「表で見る」.
    await page.getByText("表で見る（圏域別の1号・2号機能）").click();
    await expect(
      page.getByRole("table", { name: "圏域別の1号・2号機能" }).getByRole("row", { name: /^丹南/ }),
    ).toBeVisible();

    // Filters live in the URL, and the figures follow them.
    const allDetail = await headlineDetail(page).innerText();
    await page.getByLabel("種別", { exact: true }).selectOption({ label: "診療所のみ" });
    await expect(page).toHaveURL(/[?&]kind=clinic/);
    await expect(headlineDetail(page)).not.toHaveText(allDetail);
    await expect(page.getByText("集計対象: 診療所・")).toBeVisible();
    const clinicDetail = await headlineDetail(page).innerText();

    await page.getByLabel("確認済みのみ").check();
    await expect(page).toHaveURL(/[?&]confirmed=1/);
    await expect(page).toHaveURL(/[?&]kind=clinic/);
    await expect(headlineDetail(page)).not.toHaveText(clinicDetail);
    await expect(page.getByText("県が確認済みの報告のみ")).toBeVisible();

    // Back to every report and kind, then into 丹南: the zone view keeps the filter in its URL.
    await page.getByLabel("確認済みのみ").uncheck();
    await expect(page).not.toHaveURL(/confirmed=1/);
    await page.getByLabel("種別", { exact: true }).selectOption({ label: "病院・診療所" });
    await expect(page).not.toHaveURL(/kind=/);
    await expect(headlineDetail(page)).toHaveText(allDetail);
    await page.getByTestId("zone-links").getByRole("link", { name: /^丹南/ }).click();
    await expect(page).toHaveURL(/[?&]zone=/);
    await expect(page.getByRole("heading", { level: 1, name: "丹南（二次医療圏）" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /課題の候補/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "他の圏域との比較" })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "丹南の市区町村別の1号・2号機能" }).getByRole("row", { name: /鯖江市/ }),
    ).toBeVisible();
    await expect(page.getByTestId("institution-table")).toBeVisible();

    // The CSV export (UTF-8 with BOM) holds the zone's 1号 rate shown on the card.
    const onScreen = (await page.getByTestId("headline-f1-value").innerText()).trim();
    expect(onScreen).toMatch(/^\d+\.\d%$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-municipalities-csv").click(),
    ]);
    // Table, cycle, scope, day and encoding in the name.
    expect(download.suggestedFilename()).toMatch(
      /^市区町村別の1号・2号機能_令和\d+年度.+_福井県_丹南_\d{4}-\d{2}-\d{2}_UTF-8\.csv$/,
    );
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[];
    const zoneRow = rows.find((r) => r["市区町村"] === "丹南（圏域全体）");
    expect(zoneRow).toBeDefined();
    expect(`${zoneRow!["1号 有り（%）"]}%`).toBe(onScreen);
    expect(rows.map((r) => r["市区町村"])).toContain("鯖江市");

    // The Shift_JIS file of the same table reads back as the same rows.
    const sjisHref = await page.getByTestId("export-municipalities-csv-sjis").getAttribute("href");
    const sjis = await page.request.get(sjisHref!);
    expect(sjis.status()).toBe(200);
    const sjisRows = parse(iconv.decode(Buffer.from(await sjis.body()), "cp932"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(sjisRows.find((r) => r["市区町村"] === "丹南（圏域全体）")?.["1号 有り（%）"]).toBe(
      zoneRow!["1号 有り（%）"],
    );
  });

  test("dashboards: the council member sees only its own zone", async ({ page }) => {
    await signInAs(page, "council@demo.renkei.jp", "/council");
    await expect(page.getByRole("heading", { level: 1, name: "丹南（二次医療圏）" })).toBeVisible();
    await expect(page.getByText("協議の場の委員には、担当する圏域の集計だけが表示されます。")).toBeVisible();
    // 課題の候補 with the minimum-n rule explained.
    const issues = page.getByTestId("issue-candidates");
    await expect(issues).toBeVisible();
    await expect(issues).toContainText("10件未満のもの");
    await expect(issues).toContainText("課題の候補");
    // Its institutions, drafts shown as 未提出; no other zone and no zone switcher for one zone.
    const institutions = page.getByTestId("institution-table");
    await expect(institutions).toBeVisible();
    await expect(institutions).toContainText("未提出");
    await expect(institutions).not.toContainText("下書き");
    await expect(page.getByText("さくら内科クリニック")).toBeVisible();
    await expect(page.getByRole("heading", { name: "他の圏域との比較" })).toHaveCount(0);
    await expect(page.getByLabel("圏域", { exact: true })).toHaveCount(0);
    // The institution list filters in the browser.
    await page.getByLabel("名称・コード・市区町村").fill("さくら内科");
    await expect(page.getByTestId("institution-count")).toHaveText(/^1件（全\d+件）$/);

    // Another zone's id in the URL is a not-found page, not data — and so are the API and exports.
    const other = await zoneId("福井・坂井");
    const response = await page.goto(`/council?zone=${other}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("表示できるページが見つかりません")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /福井・坂井/ })).toHaveCount(0);
    await expect(page.getByTestId("headline-cards")).toHaveCount(0);
    expect((await page.request.get(`/api/v1/summaries?zone=${other}`)).status()).toBe(404);
    expect(
      (await page.request.get(`/api/v1/summaries/export?zone=${other}&table=institutions&format=csv`)).status(),
    ).toBe(404);

    // The prefecture's dashboard is not theirs: they are sent back to their own zone.
    await page.goto("/prefecture/dashboard");
    await expect(page).toHaveURL(/\/council$/);
    await expect(page.getByRole("heading", { level: 1, name: "丹南（二次医療圏）" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "福井県 ダッシュボード" })).toHaveCount(0);
  });

  test("dashboards: the administrator sees the 47-tile map with 福井県 coloured and the others without data", async ({
    page,
  }) => {
    await signInAs(page, "admin@demo.renkei.jp", "/admin");
    await expect(page.getByRole("heading", { level: 1, name: "全国の集計" })).toBeVisible();
    const map = page.getByTestId("tile-map");
    await expect(map.getByRole("listitem")).toHaveCount(47);
    const fukui = page.getByTestId("tile-18");
    await expect(fukui).toHaveAttribute("data-has-data", "true");
    await expect(fukui).toContainText("福井県");
    await expect(fukui).toContainText(/\d+\.\d%/);
    await expect(fukui).toContainText("n=");
    await expect(map.locator('[data-has-data="false"]')).toHaveCount(46);
    await expect(page.getByTestId("tile-13")).toContainText("データなし");
    // 福井県's tile is shaded; a tile without data is grey.
    const background = (testId: string) =>
      page.getByTestId(testId).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background("tile-18")).not.toBe(await background("tile-13"));
    await expect(page.getByText("凡例（1号機能 有り）")).toBeVisible();

    // The map's table alternative and the prefectures table with its exports.
    await page.getByText("表で見る（タイルマップの値）").click();
    await expect(page.getByTestId("tile-table").getByRole("row", { name: /福井県/ })).toContainText("n=");
    await expect(
      page.getByRole("table", { name: "都道府県別の1号・2号機能" }).getByRole("row", { name: /^全国/ }),
    ).toBeVisible();
    await expect(page.getByTestId("export-prefectures-xlsx")).toHaveAttribute("href", /table=prefectures&format=xlsx/);

    // Another indicator recolours the map (URL filter), and the tile opens 福井県's dashboard.
    await page.getByLabel("地図の指標").selectOption("f2ha.has");
    await expect(page).toHaveURL(/indicator=f2ha\.has/);
    await expect(page.getByText("凡例（2号(ハ) 在宅医療の提供 有り）")).toBeVisible();
    await fukui.getByRole("link").click();
    await expect(page).toHaveURL(/\/admin\/dashboard\?cycle=/);
    await expect(page.getByRole("heading", { level: 1, name: "福井県 ダッシュボード" })).toBeVisible();
  });
});
