// Issue 9's remaining journeys, in a real browser, asserting what a reader sees: a filter that selects
// one arm keeps the comparison whole (both medians, both response rates), the forest plot's labels and
// data table carry N and the covariates, forest plots sort on the server, and the printed handout
// (A4 PDF) keeps the forest plot's labels whole, and the list shows one entry per estimate (a figure
// printed in two reports is one entry, the other printing in its details). Screenshots at 1400 and 375 px are kept in
// docs/screenshots. The figures asserted are those of content/studies (ncch-scp-2024.yaml,
// mdacc-kras-codon-524.yaml, spectrum-hai-2022.yaml).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, keepScreenshot } from "./helpers";

const SHOTS = path.join(process.cwd(), "docs", "screenshots");

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/\/favicon\.ico$/.test(m.location().url)) errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** Kept in docs/screenshots at this width (reloaded there, as a phone or a wide screen opens it). */
async function keepAt(page: Page, width: number, name: string) {
  await page.setViewportSize({ width, height: 900 });
  await page.reload();
  await expect(page.locator("li.effect, [data-testid=compare-matrix]").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} overflows at ${width} px`).toBeLessThanOrEqual(1);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

/** The cells of a chart's data table, row by row (the table is in the page, folded on screen). */
async function tableRows(page: Page, chartTitle: RegExp): Promise<string[][]> {
  const figure = page.locator("figure.chart-frame").filter({ has: page.getByRole("heading", { name: chartTitle }) });
  await expect(figure).toBeVisible();
  return figure.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

test("a RAS filter on OS after hepatectomy shows both medians, the wild-type one marked as the comparator", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/?endpoint=OS&treatment=hepatectomy&group=RAS");
  await expect(page.getByRole("heading", { name: /^Records \(\d+\) \+ \d+ comparator arms( · \d+ entr(y|ies); \d+ printings? folded)?$/ })).toBeVisible();
  // The list: NCCH's RAS-mutant median, and its wild-type median beside it, marked.
  const mutant = page.locator("li.effect").filter({ hasText: "Median 44.03 months" }).filter({ hasText: "NCCH 2024" });
  const wildType = page.locator("li.effect[data-comparator=true]").filter({ hasText: "Median 70.03 months" });
  await expect(mutant.first()).toBeVisible();
  await expect(wildType).toBeVisible();
  await expect(wildType.locator(".badge-comparator")).toHaveText("comparator");
  await expect(page.locator("li.effect[data-comparator=true]").filter({ hasText: "Median 72.6 months" })).toBeVisible();
  // The chart draws both, each comparison's arms together.
  const rows = await tableRows(page, /Overall survival: median \(months\) by arm/);
  expect(rows).toContainEqual(expect.arrayContaining(["NCCH 2024", "RAS wild-type (comparator)", "70.03"]));
  expect(rows.find((r) => r[0] === "NCCH 2024" && r[2] === "44.03")?.[1]).not.toMatch(/comparator/);
  expect(rows).toContainEqual(expect.arrayContaining(["RAS wild-type (comparator)", "72.6"]));
  // The export agrees: the comparators are in the CSV, marked.
  const csv = await (await page.request.get("/api/export?endpoint=OS&treatment=hepatectomy&group=RAS&format=csv")).text();
  expect(csv.split("\r\n")[0]).toContain(",studyN,");
  expect(csv).toMatch(/ncch-scp-2024\/os-median-ras-wt,.*,comparator,\r?$/m);
  await expectNoAxeViolations(page);
  await keepAt(page, 1400, "home-os-hepatectomy-ras");
  await keepAt(page, 375, "home-os-hepatectomy-ras");
  expect(errors).toEqual([]);
});

test("HAI floxuridine with KRAS shows the KRAS-mutant response 7/11 and the wild-type 13/13", async ({ page }) => {
  await page.goto("/?treatment=HAI-FUDR&group=KRAS");
  const orr = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Objective response/ }) });
  await expect(orr.locator("li.effect").filter({ hasText: "64% (7/11)" })).toBeVisible();
  const wildType = orr.locator("li.effect[data-comparator=true]").filter({ hasText: "100% (13/13)" });
  await expect(wildType).toBeVisible();
  await expect(wildType).toContainText("reported at wild-type level");
});

test("the NCCH adjusted hazard ratio's forest-plot row and data table show N 150 and its covariates; sorted by estimate on the server", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/?endpoint=OS&group=RAS&analysis=multivariable");
  const figure = page.locator("figure.chart-frame").filter({ has: page.getByRole("heading", { name: /^Overall survival \(HR\)/ }) });
  // The label column, as drawn: every word of the row's label (wrapped over lines, never cut).
  const plot = figure.locator("svg.recharts-surface").first();
  await expect(plot).toContainText("NCCH");
  const drawn = (await plot.textContent()) ?? "";
  for (const words of ["NCCH 2024", "N 150", "n 63 vs 87", "adjusted for RAS status, Primary tumour side, CRLM size > 5 cm, CA19-9 > 100 U/mL"])
    for (const word of words.split(" ")) expect(drawn, word).toContain(word);
  const rows = await tableRows(page, /^Overall survival \(HR\)/);
  const ncch = rows.find((r) => r[0] === "NCCH 2024" && r[8] === "3.37");
  expect(ncch).toBeDefined();
  expect(ncch!.slice(1, 7)).toEqual(["2024", "150", "RAS-mutant vs RAS wild-type", "n 63 vs 87", "Retrospective cohort", "multivariable, adjusted for RAS status, Primary tumour side, CRLM size > 5 cm, CA19-9 > 100 U/mL"]);

  await expectNoAxeViolations(page);

  // Every hazard ratio for OS, sorted by estimate: a link, answered by the server.
  await page.goto("/?endpoint=OS&measure=HR");
  const unsorted = (await tableRows(page, /^Overall survival \(HR\)/)).map((r) => Number(r[8]));
  expect(unsorted).not.toEqual([...unsorted].sort((a, b) => a - b));
  await page.getByRole("navigation", { name: "Sort the forest plots" }).getByRole("link", { name: "Estimate" }).click();
  await expect(page).toHaveURL(/sort=estimate/);
  await expect(page.getByRole("navigation", { name: "Sort the forest plots" }).locator("[aria-current=true]")).toHaveText("Estimate");
  const sorted = (await tableRows(page, /^Overall survival \(HR\)/)).map((r) => Number(r[8]));
  expect(sorted.length).toBeGreaterThan(5);
  expect(sorted).toEqual([...unsorted].sort((a, b) => a - b));
  await expectNoAxeViolations(page);
  await keepAt(page, 1400, "forest-sorted-by-estimate");
  await keepAt(page, 375, "forest-sorted-by-estimate");
  expect(errors).toEqual([]);
});

test("the printed handout (A4 PDF) carries the forest plot's full labels, not the filter chips", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/?endpoint=OS&group=RAS&analysis=multivariable");
  await expect(page.locator("figure.chart-frame svg.recharts-surface").first()).toContainText("NCCH");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".chips[aria-label='Active filters']")).toBeHidden();
  const pdfPath = test.info().outputPath("handout.pdf");
  writeFileSync(pdfPath, await page.pdf({ format: "A4", printBackground: true }));
  const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"]).toString().replace(/\s+/g, " ");
  expect(text).toContain("handout. Dataset version");
  // The NCCH row's label, drawn in the chart, whole on paper.
  for (const words of ["N 150", "n 63 vs 87", "CA19-9 > 100 U/mL", "Primary tumour side"]) expect(text).toContain(words);
  expect(text).not.toMatch(/Remove filter/);
  execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "2", pdfPath, test.info().outputPath("handout")]);
  expect(readdirSync(test.info().outputDir).filter((f) => /^handout-\d+\.png$/.test(f)).length).toBeGreaterThanOrEqual(1);
});

test("the compare page for a journal club, kept at 1400 and 375 px", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/compare?studies=become&studies=cairo5&studies=tribe&studies=olivia");
  await expect(page.getByTestId("compare-matrix")).toBeVisible();
  await keepAt(page, 1400, "compare-journal-club");
  await keepAt(page, 375, "compare-journal-club");
  await keepScreenshot(page, "compare-journal-club-375");
  expect(errors).toEqual([]);
});

test("CAIRO5's list shows one entry per estimate: the final report's OS figures lead, the ESMO abstract's printings folded under them and reachable", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/?study=cairo5");
  // 29 records: six OS figures printed in the ESMO 2023 abstract (LBA27) and again in the final report.
  await expect(page.getByRole("heading", { name: "Records (29) · 23 entries; 6 printings folded" })).toBeVisible();
  await expect(page.locator("li.effect")).toHaveCount(23);
  await expect(page.locator('li.effect[data-effect-id="cairo5/os-lba27-arm-a"]')).toHaveCount(0);
  const armA = page.locator('li.effect[data-effect-id="cairo5/os-final-arm-a"]');
  await expect(armA.locator(".sentence")).toContainText("Median 23.6 months");
  await expect(armA.getByTestId("also-printed-in")).toHaveText("Also printed in: Punt CJA et al., Ann Oncol 2023, ESMO 2023 abstract LBA27, Results (arms A vs B; median follow-up 57 months)");
  // The folded printing is reachable: its figure, its locator (a link to the record) and its source level.
  const copy = armA.locator('[data-folded-id="cairo5/os-lba27-arm-a"]');
  await expect(copy).toBeHidden();
  await armA.getByText("1 other printing of this figure").click();
  await expect(copy).toBeVisible();
  await expect(copy).toContainText("Median 23.6 months");
  await expect(copy.getByRole("link", { name: "CAIRO5, ESMO 2023 abstract LBA27, Results (arms A vs B; median follow-up 57 months)" })).toHaveAttribute("href", "/studies/cairo5#os-lba27-arm-a");
  // The hazard ratio updated between the reports: the abstract's figure is shown plainly on the final one's entry.
  const hr = page.locator('li.effect[data-effect-id="cairo5/os-final-hr-ab"]');
  await expect(hr.getByTestId("disagreement")).toHaveText(/^≠ earlier report, .*ESMO 2023 abstract LBA27.*: HR 0\.92 \(0\.70–1\.20\), p=0\.52$/);
  // The export stays one row per record, the abstract's printing naming the entry it is folded into.
  const csv = await (await page.request.get("/api/export?study=cairo5&format=csv")).text();
  expect(csv.split("\r\n")[0]).toMatch(/,shownAs,foldedInto$/);
  expect(csv).toMatch(/^cairo5\/os-lba27-arm-a,.*,match,cairo5\/os-final-arm-a\r?$/m);
  await expectNoAxeViolations(page);
  // Kept with the first entry's other printing open (keepAt reloads, which closes it: opened after).
  for (const width of [1400, 375]) {
    await keepAt(page, width, "home-cairo5-one-entry-per-estimate");
    await page.locator('li.effect[data-effect-id="cairo5/os-final-arm-a"]').getByText("1 other printing of this figure").click();
    await expect(page.locator('[data-folded-id="cairo5/os-lba27-arm-a"]')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(SHOTS, `home-cairo5-one-entry-per-estimate-${width}.png`), fullPage: true });
  }
  expect(errors).toEqual([]);
});
