import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./fixtures";

// The prefecture's lists as an officer uses them: on a phone the submissions list is cards, sorts
// by deadline status (期限までの日数) from the filter form, and keeps its order in the URL across a
// reload; at full width each column header is a sort link (keyboard reachable) with aria-sort.

/** The 期限 value of each card, in order. */
async function deadlines(cards: Locator): Promise<string[]> {
  return cards.locator("li").evaluateAll((items) =>
    items.map((li) => {
      const dt = [...li.querySelectorAll("dt")].find((d) => d.textContent === "期限");
      return dt?.nextElementSibling?.textContent ?? "";
    }),
  );
}

/** Those who owe a report come first: once a 提出済 appears, nothing owed follows. */
function owedFirst(values: string[]): boolean {
  const firstDone = values.indexOf("提出済");
  return firstDone === -1 || values.slice(firstDone).every((v) => v === "提出済");
}

async function sortOnPhone(page: Page, dir: "昇順" | "降順") {
  await page.getByLabel("並び順").selectOption({ label: "期限までの日数" });
  await page.getByLabel("順序").selectOption({ label: dir });
  await page.getByRole("button", { name: "絞り込む" }).click();
}

test("lists: the submissions list sorts by deadline status on a 390 px phone, as cards, and keeps the order on reload", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto("/prefecture/submissions");
  const cards = page.getByTestId("respondent-cards");
  await expect(cards).toBeVisible();
  await expect(page.getByTestId("respondent-table")).toBeHidden();

  await sortOnPhone(page, "昇順");
  await expect(page).toHaveURL(/[?&]sort=deadline(&|$)/);
  const ascending = await deadlines(cards);
  expect(ascending.length).toBeGreaterThan(1);
  expect(ascending[0]).not.toBe("提出済");
  expect(owedFirst(ascending)).toBe(true);
  // A card's name is on one line of its own, not one character per line.
  const title = cards.locator("li p").first();
  const box = await title.boundingBox();
  expect(box!.width).toBeGreaterThan(200);

  await sortOnPhone(page, "降順");
  await expect(page).toHaveURL(/dir=desc/);
  const descending = await deadlines(cards);
  expect(descending[0]).toBe("提出済");

  const firstName = await cards.locator("li p").first().textContent();
  await page.reload();
  await expect(page).toHaveURL(/sort=deadline/);
  await expect(page.getByLabel("並び順")).toHaveValue("deadline");
  await expect(page.getByLabel("順序")).toHaveValue("desc");
  await expect(cards.locator("li p").first()).toHaveText(firstName!);
  expect(await deadlines(cards)).toEqual(descending);
});

test("lists: at full width the column headers sort, with aria-sort, from the keyboard", async ({ page }) => {
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  await page.goto("/prefecture/submissions");
  const table = page.getByTestId("respondent-table");
  await expect(table).toBeVisible();
  await expect(page.getByTestId("respondent-cards")).toBeHidden();

  const header = table.locator("th", { hasText: "期限までの日数" });
  await header.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=deadline/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await header.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=deadline&dir=desc|dir=desc.*sort=deadline/);
  await expect(header).toHaveAttribute("aria-sort", "descending");

  // The roster and the accounts list sort the same way; an unknown column is the default order.
  await page.goto("/prefecture/roster?sort=name&dir=desc");
  await expect(page.locator("th", { hasText: "名称" })).toHaveAttribute("aria-sort", "descending");
  const response = await page.goto("/prefecture/accounts?sort=passwordHash&dir=sideways");
  expect(response?.status()).toBe(200);
  await expect(page.locator("th", { hasText: "所属" })).toHaveAttribute("aria-sort", "ascending");
});

test("lists: the roster and the accounts list are cards on a 390 px phone, sortable there, and the page never scrolls sideways", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "pref@demo.renkei.jp", "/prefecture");
  for (const [path, testId, column] of [
    ["/prefecture/roster", "roster-cards", "名称"],
    ["/prefecture/accounts", "account-cards", "最終ログイン"],
  ] as const) {
    await page.goto(path);
    const cards = page.getByTestId(testId);
    await expect(cards).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0); // display:none: not in the accessibility tree
    await page.getByLabel("並び順").selectOption({ label: column });
    await page.getByLabel("順序").selectOption({ label: "降順" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/sort=\w+&dir=desc|dir=desc.*sort=\w+/);
    await expect(cards.locator("li").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
});
