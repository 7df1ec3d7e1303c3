// Every page: no axe-core violations, no console errors, usable at 375 px.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, keepScreenshot, watchConsole } from "./helpers";

const PAGES = [
  ["home", "/"],
  ["g12d", "/?group=KRAS-G12D"],
  ["os-ras", "/?endpoint=OS&group=RAS"],
  ["map", "/map"],
  ["compare", "/compare?studies=become&studies=cairo5&studies=tribe"],
  ["studies", "/studies"],
  ["study", "/studies/ncch-scp-2024"],
  ["study-secondary", "/studies/become"],
  ["integrity", "/integrity"],
] as const;

for (const [name, url] of PAGES) {
  test(`${name}: axe-clean and no console errors`, async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  test(`${name}: usable at 375 px wide`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await keepScreenshot(page, `${name}-375`);
  });
}

test("the print stylesheet turns the view into a handout", async ({ page }) => {
  await page.goto("/?endpoint=OS&group=RAS");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Filters" })).toBeHidden();
  await expect(page.getByText(/handout\. Dataset version/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Citations" })).toBeVisible();
  await keepScreenshot(page, "print-handout");
});
