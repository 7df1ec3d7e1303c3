// Paging by key: the home page lists one page of records, with links to the next and previous pages
// that keep the filters and land on the neighbouring records.
import { expect, test } from "@playwright/test";

test("Next and Previous walk the list a page at a time, keeping the filters", async ({ page }) => {
  await page.goto("/");
  // The page's printings of one figure are one entry: the heading says how many entries and folded printings.
  const heading = page.getByRole("heading", { name: /^Records 1–50 of \d+( \(\d+ entr(y|ies); \d+ printings? folded\))?$/ });
  await expect(heading).toBeVisible();
  const total = Number(/ of (\d+)/.exec((await heading.textContent())!)![1]);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await pages.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/[?&]after=\d+/);
  await expect(page.getByRole("heading", { name: `Records 51–${Math.min(100, total)} of ${total}` })).toBeVisible();
  await pages.getByRole("link", { name: /Previous/ }).click();
  await expect(page.getByRole("heading", { name: `Records 1–50 of ${total}` })).toBeVisible();

  await page.goto("/?endpoint=OS");
  const os = page.getByRole("heading", { name: /^Records/ });
  const text = (await os.textContent())!;
  if (/ of /.test(text)) {
    await pages.getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/endpoint=OS.*after=\d+/);
  }
  for (const e of await page.locator("li.effect").all()) await expect(e.locator(".sentence")).toBeVisible();
});

test("a long facet shows its largest values and a link to all of them", async ({ page }) => {
  await page.goto("/");
  const filters = page.getByRole("navigation", { name: "Filters" });
  const more = filters.getByRole("link", { name: /more endpoint values/ });
  await expect(more).toBeVisible();
  await more.click();
  await expect(page).toHaveURL(/more=endpoint/);
  await expect(filters.getByRole("link", { name: /more endpoint values/ })).toHaveCount(0);
});
