// What a clinician sees of the trust work: damaged print read, flags by severity with a plain
// sentence first, followable citations.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, keepScreenshot, watchConsole } from "./helpers";

test("a damaged table printing shows its reading beside the print, and a quiet note for the confirmed reading", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/studies/ncch-scp-2024");
  const hr = page.locator("li.effect", { hasText: "HR 2.48 (printed 248) (1.31–4.70)" });
  await expect(hr).toBeVisible();
  await expect(hr.locator(".flag-note").first()).toContainText("read as 2.48");
  await expect(page.locator("li.effect", { hasText: "Median 57.40 (printed 5740) months" }).first()).toBeVisible();
  // The clean twin in the Results carries at most a note.
  const clean = page.locator("li.effect", { hasText: "HR 2.48 (1.31–4.70)" }).first();
  await expect(clean.locator(".flag-error, .flag-warning")).toHaveCount(0);
  await keepScreenshot(page, "ncch-damaged-print");
  expect(errors).toEqual([]);
});

test("flags lead with a plain sentence; errors and warnings are coloured, notes quiet; technical detail folds", async ({ page }) => {
  await page.goto("/integrity");
  await expect(page.getByText(/\d+ errors · \d+ warnings · \d+ notes/)).toBeVisible();
  const error = page.locator(".flag-error").first();
  await expect(error.locator("summary")).toContainText("Error:");
  await expect(error.locator(".flag-detail")).toBeHidden();
  await error.locator("summary").click();
  await expect(error.locator(".flag-detail")).toBeVisible();
  // No internal ids or file names in what a reader sees.
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/primary-facts|\.yaml|\.md\b/);
  const noteColour = await page.locator(".flag-note summary").first().evaluate((el) => getComputedStyle(el).color);
  const errorColour = await error.locator("summary").evaluate((el) => getComputedStyle(el).color);
  expect(noteColour).not.toBe(errorColour);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, "integrity-by-severity");
});

test("an update between reports reads as an update, and citations can be followed", async ({ page }) => {
  await page.goto("/studies/cairo5");
  await expect(page.locator(".flag-note", { hasText: "Updated in" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "doi:10.1016/S0923-7534(23)04149-2" })).toBeVisible();
  await page.goto("/studies/visnu-1");
  await expect(page.getByRole("link", { name: "doi:10.1136/esmoopen-2020-000944" })).toBeVisible();
  await page.goto("/studies/nivacor");
  await expect(page.getByText(/Citation: This is the trial's design \(protocol\) paper/)).toBeVisible();
});
