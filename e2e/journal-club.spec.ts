// A fellow preparing a journal club, in a real browser: searches that answer in clinicians' words
// (a treatment with every regimen containing it, "exon 2", a query that finds nothing), the row a
// reader needs (N, arms, design, covariates), a comparison that prints whole and cites correctly,
// and an evidence map by studies and patients.
import { expect, test, type Page } from "@playwright/test";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import { expectNoAxeViolations, keepScreenshot } from "./helpers";

/**
 * Console errors and uncaught page errors, as helpers.watchConsole collects them, except the
 * browser's own request for /favicon.ico (the app's icon is app/icon.svg; Chromium sometimes asks
 * for /favicon.ico before the streamed <link rel="icon"> arrives, and the app answers 404).
 */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/\/favicon\.ico$/.test(m.location().url)) errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

const JOURNAL_CLUB = "/compare?studies=become&studies=cairo5&studies=tribe&studies=olivia";

async function searchFor(page: Page, text: string) {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /search endpoints, treatments, alleles/i });
  await box.fill(text);
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.press("Enter");
}

/** The study names of every record the view lists, across its pages. */
async function studiesListed(page: Page): Promise<Set<string>> {
  const names = new Set<string>();
  for (let i = 0; i < 20; i++) {
    // The results stream in after the heading and the search box.
    await expect(page.locator("li.effect").first()).toBeVisible();
    for (const t of await page.locator("li.effect .sentence a").allTextContents()) names.add(t.split(",")[0]!.trim());
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /Next/ });
    if ((await next.count()) === 0) break;
    await page.goto((await next.getAttribute("href"))!);
  }
  return names;
}

test("'bevacizumab' typed in the search box answers the bevacizumab arms of BECOME, OLIVIA, TRIBE and CAIRO5", async ({ page }) => {
  const errors = watchConsole(page);
  await searchFor(page, "bevacizumab");
  await expect(page).toHaveURL(/treatment=bevacizumab/);
  const studies = await studiesListed(page);
  for (const name of ["BECOME", "OLIVIA", "TRIBE", "CAIRO5"]) expect([...studies], name).toContain(name);
  expect(errors).toEqual([]);
});

test("'hepatic arterial infusion' includes Spectrum's HAI floxuridine records", async ({ page }) => {
  await searchFor(page, "hepatic arterial infusion");
  await expect(page).toHaveURL(/treatment=HAI/);
  expect([...(await studiesListed(page))]).toContain("Spectrum HAI 2022");
});

test("'exon 2' answers codon 12/13 records of KRAS and NRAS, and says how it was read", async ({ page }) => {
  const errors = watchConsole(page);
  await searchFor(page, "exon 2");
  await expect(page).toHaveURL(/group=KRAS-codon-12&/);
  await expect(page).toHaveURL(/group=NRAS-codon-13/);
  await expect(page.getByTestId("search-note")).toContainText("exon 2 is codons 12 and 13, in KRAS and in NRAS");
  await expect(page.locator("li.effect").first()).toBeVisible();
  const levels = await page.locator("li.effect .badge-level").allTextContents();
  expect(levels.length).toBeGreaterThan(0);
  for (const level of levels) expect(level).toMatch(/reported at (codon|allele) level: (KRAS|NRAS) (codon 1[23]|G1[23])/);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, "exon-2-1400");
  expect(errors).toEqual([]);
});

test("a query that finds nothing says what it understood and offers the nearest terms with records", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /search endpoints, treatments, alleles/i });
  await box.fill("sotorasib G12D");
  await expect(page.getByRole("option", { name: /No record matches “sotorasib G12D”/ })).toBeVisible();
  // Every term the box offers has records, and says how many.
  for (const text of await page.getByRole("option").allTextContents()) if (!/No record matches/.test(text)) expect(text).toMatch(/· [1-9]\d* records?$/);
  await box.press("Enter");
  const hint = page.getByTestId("search-hint");
  await expect(hint).toContainText("No record matches “sotorasib G12D”");
  await expect(hint).toContainText("Read as Sotorasib (KRAS G12C inhibitor) (treatment) + KRAS G12D (molecular group)");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, "nothing-found-1400");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(hint).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
  await keepScreenshot(page, "nothing-found-375");
  await hint.getByRole("listitem").filter({ hasText: "KRAS G12C instead of KRAS G12D" }).getByRole("link").click();
  await expect(page).toHaveURL(/group=KRAS-G12C/);
  await expect(page.locator("li.effect").first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("the NCCH adjusted hazard ratio shows N 150, the arms and its covariates", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/?endpoint=OS&group=RAS&analysis=multivariable");
  const row = page.locator("li.effect").filter({ hasText: "HR 3.37 (1.76–6.47), p<0.001" });
  const context = row.getByTestId("record-context");
  await expect(context).toContainText("N 150");
  await expect(context).toContainText("n 63 vs 87");
  await expect(context).toContainText("retrospective cohort");
  await expect(context).toContainText("multivariable, adjusted for RAS status, Primary tumour side, CRLM size > 5 cm, CA19-9 > 100 U/mL");
  // Every row says its study's size and its analysis.
  for (const text of await page.getByTestId("record-context").allTextContents()) expect(text).toMatch(/^N (\d+|not reported) · .*(multivariable|univariable|randomised|descriptive|analysis not reported|computed)/);
  await keepScreenshot(page, "ncch-row-1400");
  // Reloaded at the narrow width, as a phone opens it (charts size themselves on load).
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(context).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
  await keepScreenshot(page, "ncch-row-375");
  expect(errors).toEqual([]);
});

test("the journal-club comparison folds copies, switches population, prints whole and cites every DOI", async ({ page, request }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(JOURNAL_CLUB);
  const matrix = page.getByTestId("compare-matrix");
  await expect(matrix).toBeVisible();
  // The review's copy of a BECOME figure is folded under the primary one.
  await expect(matrix.getByTestId("also-reported").filter({ hasText: /also reported in Peng JH/ }).first()).toBeVisible();
  await expect(matrix.getByTestId("also-reported").filter({ hasText: /^updates / }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, "compare-1400");

  // On paper: no controls, every folded "+N more" entry shown.
  const entriesOnScreen = await matrix.getByTestId("compare-entry").count();
  const hiddenOnScreen = await matrix.locator("details.cell-more [data-testid=compare-entry]").count();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Molecular population" })).toBeHidden();
  await expect(page.getByRole("region", { name: "What is compared" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print handout" })).toBeHidden();
  await expect(page.getByText(/journal-club handout\. Dataset version/)).toBeVisible();
  for (const summary of await matrix.locator("details.cell-more > summary").all()) await expect(summary).toBeHidden();
  const entries = matrix.getByTestId("compare-entry");
  expect(await entries.count()).toBe(entriesOnScreen);
  for (const entry of await matrix.locator("details.cell-more [data-testid=compare-entry]").all()) await expect(entry).toBeVisible();
  await expect(page.getByTestId("compare-references")).toBeVisible();
  await keepScreenshot(page, `compare-print-${hiddenOnScreen}-folded`);
  await page.emulateMedia({ media: "screen" });

  // The citations of the view import: every publication with a DOI keeps it.
  const risHref = await page.getByRole("link", { name: "Citations (RIS)" }).getAttribute("href");
  const ris = await (await request.get(risHref!)).text();
  const parsed = (await Cite.async(ris, { forceType: "@ris/file" })).data as { title?: string; DOI?: string; author?: unknown[] }[];
  const dois = parsed.map((r) => r.DOI).filter(Boolean);
  for (const doi of ["10.1200/JCO.20.00174", "10.1016/S1470-2045(23)00219-X", "10.1056/NEJMoa1403108", "10.1093/annonc/mdu580"]) expect(dois).toContain(doi);
  // Every DOI the page's reference list prints is in the file, as a DOI (not only in a note).
  const shownDois = (await page.getByTestId("compare-references").locator("li").allTextContents()).flatMap((t) => [...t.matchAll(/doi:(\S+)/g)].map((m) => m[1]!));
  expect(shownDois.length).toBeGreaterThanOrEqual(4);
  for (const doi of shownDois) expect(dois.map((d) => d!.toLowerCase()), doi).toContain(doi.toLowerCase());
  for (const r of parsed) expect(r.author?.length ?? 0, r.title).toBeGreaterThan(0);
  const references = await page.getByTestId("compare-references").locator("li").count();
  expect(parsed).toHaveLength(references);
  expect(parsed.some((r) => /RAS突变型结直肠癌肝转移/.test(r.title ?? ""))).toBe(true);

  // The RAS-mutant switch keeps only RAS-mutant arms and subgroup results.
  await page.getByRole("navigation", { name: "Molecular population" }).getByRole("link", { name: /^RAS-mutant only/ }).click();
  await expect(page).toHaveURL(/population=RAS(&|$)/);
  await expect(page.getByTestId("population-note")).toContainText("Population: RAS-mutant only");
  const rasHref = (await page.getByRole("link", { name: "Citations (RIS)" }).getAttribute("href"))!;
  expect(rasHref).toMatch(/&group=RAS$/);
  const rasParsed = (await Cite.async(await (await request.get(rasHref)).text(), { forceType: "@ris/file" })).data as { DOI?: string }[];
  expect(rasParsed.map((r) => r.DOI)).toContain("10.1200/JCO.20.00174");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
  await keepScreenshot(page, "compare-ras-375");
  expect(errors).toEqual([]);
});

test("a comparison with long cells prints every entry, without the controls", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/compare?studies=ncch-scp-2024&studies=mdacc-ras-margin&endpoint=OS&endpoint=positive-margin");
  const matrix = page.getByTestId("compare-matrix");
  const folded = matrix.locator("details.cell-more");
  await expect(folded.first().locator("summary")).toHaveText(/^\+\d+ more$/);
  const hidden = matrix.locator("details.cell-more [data-testid=compare-entry]");
  expect(await hidden.count()).toBeGreaterThan(10);
  await expect(hidden.first()).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(folded.first().locator("summary")).toBeHidden();
  for (const entry of await hidden.all()) await expect(entry).toBeVisible();
  await expect(page.getByRole("button", { name: "Print handout" })).toBeHidden();
  await expect(page.getByRole("region", { name: "What is compared" })).toBeHidden();
  await expect(page.getByText(/journal-club handout\. Dataset version/)).toBeVisible();
  await keepScreenshot(page, "compare-long-print");
  expect(errors).toEqual([]);
});

test("the compare pickers answer as you type, without a list of every study", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/compare?studies=become");
  expect(await page.locator("input[type=checkbox]").count()).toBe(0);
  const picker = page.getByRole("combobox", { name: "Add a study" });
  await picker.fill("tribe");
  const option = page.getByRole("option", { name: /TRIBE/ });
  await expect(option).toContainText("N 508");
  await option.click();
  await expect(page).toHaveURL(/studies=become&studies=tribe/);
  await expect(page.getByTestId("compare-matrix")).toBeVisible();
  expect(errors).toEqual([]);
});

test("compare BECOME, CAIRO5 and TRIBE on resection, chosen by typing", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/compare");
  await expect(page.getByText("Choose at least two studies.")).toBeVisible();
  const add = async (picker: string, typed: string, option: RegExp) => {
    await page.getByRole("combobox", { name: picker }).fill(typed);
    await page.getByRole("option", { name: option }).click();
    await expect(page.getByRole("combobox", { name: picker })).toHaveValue("");
  };
  await add("Add a study", "BECOME", /^BECOME/);
  await add("Add a study", "cairo", /^CAIRO5/);
  await add("Add a study", "Loupakis", /^TRIBE/);
  await add("Add an endpoint", "resection rate", /^Resection rate \(any\)/);
  await add("Add an endpoint", "R0", /^R0 resection rate/);
  await expect(page).toHaveURL(/studies=become&studies=cairo5&studies=tribe&endpoint=resection&endpoint=r0-resection/);
  const matrix = page.getByTestId("compare-matrix");
  await expect(matrix.getByRole("columnheader")).toHaveText(["Endpoint", "BECOME", "CAIRO5", "TRIBE"]);
  const r0 = matrix.getByRole("row", { name: /^R0 resection rate/ });
  await expect(r0).toContainText("22.3% (27/121)");
  await expect(r0).toContainText("51%");
  await expect(r0.getByRole("cell").last()).toContainText("not reported in the sources");
  await expect(page.getByRole("row", { name: /^Design/ })).toContainText("Randomised phase 3");
  // The review's "resection rate" for BECOME is the paper's R0 rate: the copy says so.
  await expect(matrix.getByRole("row", { name: /^Resection rate \(any\)/ }).getByTestId("copy-of").first()).toContainText("a copy of the R0 resection rate 22.3% (27/121)");
  await keepScreenshot(page, "compare-resection");
  expect(errors).toEqual([]);
});

test("the evidence map counts studies and patients, shades by source and opens the records", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/map");
  const row = page.locator("tr").filter({ has: page.getByRole("rowheader", { name: "Overall survival", exact: true }) });
  const cell = row.getByTestId("map-cell").first();
  await expect(cell).toContainText(/\d+ stud(y|ies)/);
  await expect(cell).toContainText(/pts|n unknown/);
  await expect(cell).toHaveAttribute("title", /\d+ records?; most direct source: /);
  await expect(row.getByTestId("map-row-total")).toContainText(/\d+ records?/);
  expect(await page.locator("td[class*=map-level-]").count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, "map-1400");
  await cell.click();
  await expect(page).toHaveURL(/endpoint=OS/);
  await expect(page.locator("li.effect").first()).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/map");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
  await keepScreenshot(page, "map-375");
  expect(errors).toEqual([]);
});
