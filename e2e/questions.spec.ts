// A guideline panel reads a question's Summary of Findings, checks why each rating was given,
// downloads it for the guideline document and prints it for the meeting.
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, keepScreenshot, watchConsole } from "./helpers";

const SOF = "/questions/ras-unresectable";

/** Every word of the PDF lies inside its page, inside the margins (nothing clipped at the right edge). */
function expectNoWordOffPage(pdfPath: string) {
  const boxes = execFileSync("pdftotext", ["-bbox", pdfPath, "-"], { encoding: "utf8" });
  const pageWidth = Number(/<page width="([\d.]+)"/.exec(boxes)![1]);
  const rightmost = Math.max(...[...boxes.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
  expect(rightmost).toBeGreaterThan(pageWidth / 2);
  expect(rightmost).toBeLessThan(pageWidth - 14); // inside a 5 mm margin at least
}
const PROFILE = "/questions/ras-unresectable?view=profile";

test("the list shows every question, its kind and outcomes, each linking to its Summary of Findings", async ({ page, request }) => {
  const errors = watchConsole(page);
  const { data: questions } = (await (await request.get("/api/sof")).json()) as { data: { id: string; title: string }[] };
  expect(questions.length).toBeGreaterThanOrEqual(7);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questions" }).click();
  await expect(page).toHaveURL(/\/questions$/);
  await expect(page.getByRole("heading", { level: 1, name: "Questions" })).toBeVisible();
  for (const q of questions) await expect(page.getByRole("link", { name: q.title })).toHaveAttribute("href", `/questions/${q.id}`);
  const item = page.locator('[data-question="ras-unresectable"]');
  await expect(item).toContainText("Prognostic factor question");
  await expect(item.getByRole("list", { name: /Outcomes of/ })).toContainText(/Early progression \(≤ 6 months\)\s*Critical/);
  await item.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`${SOF}$`));
  await expect(page.getByRole("table", { name: /Summary of findings/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test("ras-unresectable: the early-progression row in GRADE's layout, with its footnotes and links", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(SOF);
  const table = page.getByRole("table", { name: /Summary of findings: RAS-mutant .* compared with RAS wild-type/ });
  await expect(table.getByRole("columnheader")).toHaveText([
    "Outcome (importance)",
    /^№ of studies \(partici\u00AD?pants\)$/,
    "Relative effect (95% CI; PI where pooled)",
    "Anticipated absolute effect",
    "Certainty of the evidence (GRADE)",
    "What happens",
  ]);
  // Critical outcomes first.
  const importance = await table.locator("tbody .sof-importance").allTextContents();
  expect(importance.indexOf("Important") === -1 || importance.lastIndexOf("Critical") < importance.indexOf("Important")).toBe(true);

  const row = table.locator('tr[data-outcome="early-progression"]');
  await expect(row.getByRole("rowheader")).toContainText(/Early progression \(≤ 6 months\)\s*Critical/);
  await expect(row).toContainText("1 (193)");
  await expect(row).toContainText("OR 2.96");
  await expect(row).toContainText("95% CI 1.35 to 6.48");
  await expect(row).toContainText("249 more per 1,000");
  await expect(row.locator(".sof-assumption")).toContainText("Comparator risk 49.3%");
  await expect(row.locator(".certainty")).toHaveText("⊕⊕◯◯ Low");
  await expect(row).toContainText("RAS mutation may be associated with a higher risk of early progression");

  // The domains that lowered certainty carry footnote letters; the footnotes give the reason in words.
  const marks = row.locator(".sof-lowered li");
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(0)).toContainText("Risk of bias");
  await expect(marks.nth(1)).toContainText("Imprecision");
  const letter = (await marks.nth(0).locator("sup").textContent())!.trim();
  await marks.nth(0).getByRole("link", { name: `footnote ${letter}` }).click();
  const note = page.locator(`#footnote-${letter}`);
  await expect(note).toContainText("Risk of bias: Serious (−1).");
  await expect(note).toContainText("100% of the weight at high risk");
  const explanations = page.getByRole("region", { name: "Explanations" });
  await expect(explanations.locator('[data-outcome="early-progression"]')).toContainText("193 participants fall short of an optimal information size");
  // Ratios the guard rails set aside are listed under the row's footnotes.
  await expect(explanations.locator('[data-outcome="early-progression"] .sof-set-aside')).toContainText("OR 2.057 (1.054–4.015): an unadjusted (univariable) estimate");

  // Each row links to its pooled forest plot and to its records.
  await expect(row.getByRole("link", { name: "Forest plot of Early progression (≤ 6 months)" })).toHaveAttribute("href", "/pool?endpoint=early-progression&comparison=RAS:RAS-wt&measure=OR");
  await expect(row.getByRole("link", { name: "Records of Early progression (≤ 6 months)" })).toHaveAttribute("href", "/?endpoint=early-progression&group=RAS&group=RAS-wt");
  expect(errors).toEqual([]);
});

test("the exports answer with the Summary of Findings as Word, CSV and JSON", async ({ page, request }) => {
  await page.goto(SOF);
  const docx = page.getByRole("link", { name: "Word (DOCX)" });
  await expect(docx).toHaveAttribute("href", "/api/sof?question=ras-unresectable&format=docx");
  const word = await request.get((await docx.getAttribute("href"))!);
  expect(word.status()).toBe(200);
  expect(word.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect((await word.body()).subarray(0, 2).toString()).toBe("PK");
  const csv = await request.get((await page.getByRole("link", { name: "CSV" }).getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Early progression");
  const json = await request.get((await page.getByRole("link", { name: "JSON" }).getAttribute("href"))!);
  expect(((await json.json()) as { question: { id: string } }).question.id).toBe("ras-unresectable");
});

test("the evidence profile shows every domain's reason and figures, and the studies' risk-of-bias judgements", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(SOF);
  await page.getByRole("navigation", { name: "Views of this question" }).getByRole("link", { name: "Evidence profile" }).click();
  await expect(page).toHaveURL(/view=profile/);
  await expect(page.getByRole("link", { name: "Evidence profile" })).toHaveAttribute("aria-current", "page");
  const early = page.getByRole("region", { name: /^Early progression/ });
  await expect(early.locator('tr[data-domain="inconsistency"]')).toContainText("Not applicable");
  await expect(early.locator('tr[data-domain="inconsistency"]')).toContainText("A single study");
  await expect(early.locator('tr[data-domain="imprecision"]')).toContainText("Participants193");
  await expect(early.locator(".profile-start")).toContainText("Prognostic-factor question");
  await expect(early.locator(".profile-total")).toContainText("high (start) − 2 levels down + 0 up = low");
  await expect(early.getByRole("link", { name: /OR 2\.962/ })).toHaveAttribute("href", /^\/studies\/sysu-early-progression#/);

  const rob = page.getByRole("region", { name: "Risk of bias of the contributing studies" });
  const sysu = rob.locator('[data-study="sysu-early-progression"]');
  await expect(sysu).toContainText("QUIPS");
  await expect(sysu).toContainText("Early progression (≤ 6 months): high");
  await expect(sysu.getByRole("row", { name: /Study participation/ })).toContainText("Retrospective single-centre series");
  await expect(sysu.getByRole("row", { name: /Study confounding/ })).toContainText("Table 2; Table 3");
  await expect(sysu).toContainText("Outcome-specific judgements");
  expect(errors).toEqual([]);
});

test("an unknown question is a 404 page with a way back", async ({ page }) => {
  const response = await page.goto("/questions/no-such-question");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "all questions" })).toHaveAttribute("href", "/questions");
});

for (const [name, url] of [
  ["questions", "/questions"],
  ["sof", SOF],
  ["profile", PROFILE],
] as const) {
  test(`${name}: axe-clean, no console errors, kept at 1400 px`, async ({ page }) => {
    const errors = watchConsole(page);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await keepScreenshot(page, `${name}-1400`);
  });

  test(`${name}: no horizontal overflow at 375 px (wide tables scroll inside their own frame)`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await keepScreenshot(page, `${name}-375`);
  });
}

test("the Summary of Findings prints on landscape A4: the whole table, no controls, version and permalink", async ({ page }) => {
  await page.goto(SOF);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Word (DOCX)" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print handout" })).toBeHidden();
  await expect(page.locator(".sof-row-links").first()).toBeHidden();
  const version = (await page.locator(".question-version .version").textContent())!.trim();

  const pdfPath = test.info().outputPath("sof-print.pdf");
  writeFileSync(pdfPath, await page.pdf({ format: "A4", landscape: true, printBackground: true }));
  const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
  // A4 landscape: 842 × 595 pt, give or take Chromium's rounding to whole CSS pixels.
  const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
  expect(Math.abs(width! - 842)).toBeLessThan(3);
  expect(Math.abs(height! - 595)).toBeLessThan(3);
  // The text as laid out on paper: every outcome, every column (the rightmost, "What happens", last
  // to be clipped), the version and the permalink.
  const text = execFileSync("pdftotext", ["-raw", pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  for (const s of ["Early progression (≤ 6 months)", "Conversion to resectability", "OR 2.96", "What happens", "RAS mutation may be associated with a higher risk of early progression", "Explanations", version, "/questions/ras-unresectable"])
    expect(text).toContain(s);
  expect(text).not.toContain("Word (DOCX)");
  expect(text).not.toContain("Forest plot");
  expectNoWordOffPage(pdfPath);
  // Each page as an image, kept beside the PDF for a person to look at.
  execFileSync("pdftoppm", ["-png", "-r", "60", pdfPath, test.info().outputPath("sof-print")]);
  expect(readdirSync(test.info().outputDir).filter((f) => /^sof-print-\d+\.png$/.test(f)).length).toBeGreaterThanOrEqual(1);
});

test("a longer Summary of Findings (pooled rows, prediction intervals) prints across pages with every outcome", async ({ page, request }) => {
  const { rows } = (await (await request.get("/api/sof?question=triplet-doublet")).json()) as { rows: { outcomeLabel: string }[] };
  await page.goto("/questions/triplet-doublet");
  const pdfPath = test.info().outputPath("sof-print-triplet-doublet.pdf");
  writeFileSync(pdfPath, await page.pdf({ format: "A4", landscape: true, printBackground: true }));
  const text = execFileSync("pdftotext", ["-raw", pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  for (const r of rows) expect(text).toContain(r.outcomeLabel);
  expectNoWordOffPage(pdfPath);
  expect(text).toContain("PI 0.65 to 0.89");
  execFileSync("pdftoppm", ["-png", "-r", "60", pdfPath, test.info().outputPath("sof-print-triplet-doublet")]);
});

test("the evidence profile prints too (portrait), risk-of-bias judgements included", async ({ page }) => {
  await page.goto(PROFILE);
  const pdfPath = test.info().outputPath("profile-print.pdf");
  writeFileSync(pdfPath, await page.pdf({ format: "A4", printBackground: true }));
  const text = execFileSync("pdftotext", ["-raw", pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  for (const s of ["Evidence profile", "Not applicable", "Risk of bias of the contributing studies", "Study participation"]) expect(text).toContain(s);
  execFileSync("pdftoppm", ["-png", "-r", "60", pdfPath, test.info().outputPath("profile-print")]);
});
