// The journeys a fellow or guideline writer takes, in a real browser.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { keepScreenshot, watchConsole } from "./helpers";

test("search 'G12D' and land on allele-level records", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /search endpoints, treatments, alleles/i });
  await box.fill("G12D");
  const option = page.getByRole("option", { name: /KRAS G12D/ }).first();
  await expect(option).toContainText("molecular group");
  await box.press("Enter");
  await expect(page).toHaveURL(/group=KRAS-G12D/);
  const records = page.locator("li.effect");
  await expect(records.first()).toBeVisible();
  const count = await records.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(records.nth(i)).toContainText("reported at allele level: KRAS G12D");
  await expect(page.getByRole("navigation", { name: "Filters" }).getByRole("link", { name: /^KRAS G12D/ })).toHaveAttribute("aria-current", "true");
  await keepScreenshot(page, "g12d");
  expect(errors).toEqual([]);
});

test("other spellings and Chinese terms reach the same view", async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent("p.Gly12Asp")}`);
  await expect(page).toHaveURL(/group=KRAS-G12D/);
  await page.goto(`/?q=${encodeURIComponent("转化治疗")}`);
  await expect(page).toHaveURL(/endpoint=conversion/);
  await expect(page.getByTestId("interpretation")).toContainText("Conversion to resectability");
});

test("filter OS + RAS-mutant + multivariable and see the forest plot with the NCCH hazard ratio", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/");
  const filters = page.getByRole("navigation", { name: "Filters" });
  await filters.getByRole("link", { name: /^Overall survival\s*\d+/ }).click();
  await expect(page).toHaveURL(/endpoint=OS/);
  await filters.getByRole("link", { name: /^RAS-mutant \(KRAS or NRAS\)\s*\d+/ }).click();
  await expect(page).toHaveURL(/group=RAS/);
  await filters.getByRole("link", { name: /^Multivariable \(adjusted\)\s*\d+/ }).click();
  await expect(page).toHaveURL(/analysis=multivariable/);
  const forest = page.getByRole("figure", { name: /Overall survival/ }).first();
  await expect(forest).toBeVisible();
  await expect(forest).toContainText("NCCH 2024");
  await expect(forest).toContainText("log scale");
  await expect(page.locator("li.effect").filter({ hasText: "HR 3.37 (1.76–6.47), p<0.001" })).toContainText("multivariable");
  await expect(page.getByText(/above 1: higher hazard/).first()).toBeVisible();
  await keepScreenshot(page, "os-ras-multivariable");
  expect(errors).toEqual([]);
});

test("open a study and follow a record to its locator", async ({ page }) => {
  await page.goto("/studies");
  await page.getByRole("link", { name: "NCCH 2024", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("NCCH 2024");
  await expect(page.getByRole("link", { name: /doi:10.1186\/s12957-024-03529-9/ })).toHaveAttribute("href", "https://doi.org/10.1186/s12957-024-03529-9");
  await expect(page.getByRole("link", { name: /PubMed 39267117/ })).toBeVisible();
  // From the browser, a record's source link lands on the record in its study, at its locator.
  await page.goto("/?endpoint=OS&group=RAS&analysis=multivariable");
  await page.locator("li.effect").filter({ hasText: "HR 3.37" }).getByRole("link", { name: /NCCH 2024, Table 2, multivariate column/ }).click();
  await expect(page).toHaveURL(/\/studies\/ncch-scp-2024#os-mv-ras/);
  const record = page.locator("#os-mv-ras");
  await expect(record).toContainText("Table 2, multivariate column");
  await record.getByText("Source details").click();
  await expect(record).toContainText("Adjusted for");
  await keepScreenshot(page, "study-locator");
});

test("export the CSV of a filtered view and check its rows", async ({ page }) => {
  await page.goto("/?study=become&endpoint=r0-resection");
  const heading = await page.getByRole("heading", { name: /^Records/ }).textContent();
  const shown = Number(/\((\d+)\)/.exec(heading ?? "")?.[1]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV", exact: true }).click()]);
  const text = readFileSync((await download.path())!, "utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^id,studyId,/);
  expect(lines.length - 1).toBe(shown);
  for (const line of lines.slice(1)) expect(line).toMatch(/^become\//);
  expect(text).toContain("22.3");
  expect(text).toContain("27");
});

test("a permalink reloads to the same view, with the dataset version shown", async ({ page }) => {
  const url = "/?endpoint=ORR&treatment=HAI-FUDR";
  await page.goto(url);
  const version = await page.getByTestId("dataset-version").textContent();
  expect(version).toMatch(/^[0-9a-f]{16}$/);
  const before = await page.locator("li.effect").allTextContents();
  expect(before.length).toBeGreaterThan(0);
  await page.reload();
  await expect(page).toHaveURL(url);
  expect(await page.locator("li.effect").allTextContents()).toEqual(before);
  await expect(page.getByTestId("dataset-version")).toHaveText(version!);
  await expect(page.getByRole("navigation", { name: "Filters" }).getByRole("link", { name: /^Objective response rate\s*\d+/ })).toHaveAttribute("aria-current", "true");
});

test("the evidence map shows where evidence exists only at RAS level and opens the filtered view", async ({ page }) => {
  await page.goto("/map");
  const row = page.getByRole("row", { name: /Early progression/ });
  await expect(row).toContainText("RAS/KRAS level only");
  await row.getByRole("link", { name: /records: Early progression.*RAS-mutant \(KRAS or NRAS\)/ }).click();
  await expect(page).toHaveURL(/endpoint=early-progression/);
  await expect(page).toHaveURL(/group=RAS/);
  await keepScreenshot(page, "map-cell");
});

test("the search box works by keyboard alone", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // brand
  for (let i = 0; i < 12; i++) {
    if (await page.getByRole("combobox").evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(page.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("codon 13");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/group=KRAS-codon-13/);
});

test("the three questions of a journal club are each one click from the home page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "What is known about KRAS G12D?" }).click();
  await expect(page).toHaveURL(/group=KRAS-G12D/);
  await expect(page.getByRole("figure", { name: /allele|KRAS/i }).first()).toBeVisible();

  await page.goto("/");
  await page.getByRole("link", { name: "OS after hepatectomy by RAS status, adjusted?" }).click();
  await expect(page.getByRole("figure", { name: /Overall survival \(HR\)/ })).toContainText("RAS-mutant vs RAS wild-type");
  await expect(page.getByRole("figure", { name: /Overall survival.*median/i }).first()).toContainText("44.03");

  await page.goto("/");
  await page.getByRole("link", { name: "Triplet vs doublet on resection in RAS-mutant disease?" }).click();
  const r0 = page.getByRole("figure", { name: /R0 resection rate/ });
  await expect(r0).toContainText("CAIRO5");
  await expect(r0).toContainText("51%");
  await expect(r0).toContainText("37%"); // the doublet arm stays with its comparison
  await keepScreenshot(page, "triplet-vs-doublet");
});
