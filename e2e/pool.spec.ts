// The pooled analysis a guideline writer opens from a forest plot: the diamond and its weights,
// heterogeneity, what was left out and why, the methods paragraph; estimator and subgroups as links;
// a refusal said plainly; axe-clean, no console errors, readable at 375 px.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoAxeViolations, keepScreenshot, watchConsole } from "./helpers";

const PSH = "/pool?endpoint=recurrence-liver-only&comparison=parenchymal-sparing-hepatectomy:anatomical-hepatectomy&measure=OR";
const OS_RAS = "/pool?endpoint=OS&group=RAS&comparison=RAS:RAS-wt";
const ORR_BY_SETTING = "/pool?endpoint=ORR&group=KRAS&comparison=KRAS:KRAS-wt&by=setting";

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  // The chart is drawn in the browser once its width is known.
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
}

test("a pooled analysis shows the diamond, weights, heterogeneity, methods and what was left out", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await open(page, PSH);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Liver-only recurrence: Parenchymal-sparing hepatectomy vs Anatomical hepatectomy");
  const figure = page.locator("figure");
  await expect(figure.locator("polygon.pooled-diamond")).toHaveCount(1);
  await expect(figure.locator("polygon.pooled-diamond")).toBeVisible();
  await expect(figure.locator("svg text", { hasText: /^Pooled \(REML, HKSJ\), k = 2/ })).toBeVisible();
  await expect(figure.locator("svg text", { hasText: "weight 38.6%" })).toBeVisible();
  await expect(figure.locator("svg text", { hasText: "weight 61.4%" })).toBeVisible();
  await expect(page.getByTestId("pooled-estimate")).toContainText("Pooled OR 0.78 (95% CI 0.68–0.88)");
  await expect(page.getByTestId("heterogeneity")).toContainText(/τ² = 0\.000 \(95% CI 0\.000 to 0\.083\); I² = 0%; H² = 1\.00; Q = 0\.00 \(df = 1, p = 0\.97\)/);
  // Two studies that agree closely: HKSJ is narrower than Wald, and the page says so with the way out.
  await expect(page.getByTestId("interval-warning")).toContainText("narrower than the Wald interval");
  await expect(page.getByTestId("interval-warning").getByRole("link")).toHaveAttribute("href", /ci=hksj-truncated/);
  await expect(page.getByTestId("methods-paragraph")).toContainText("restricted maximum-likelihood (REML)");
  const leftOut = page.getByTestId("records-left-out");
  await expect(leftOut.getByText(/A secondary copy \(Peng JH/)).toBeVisible();
  await expect(leftOut.getByRole("link", { name: /Matsumura 2016 · liver-only-recurrence-p~or/ })).toHaveAttribute("href", "/studies/matsumura-psh-2016#liver-only-recurrence-p~or");
  // The data table under the chart lists every row and the pooled one.
  await figure.getByText(/Data table \(3 rows\)/).click();
  await expect(figure.getByRole("table").getByRole("row")).toHaveCount(4);
  await expect(page.getByTestId("permalink")).toHaveAttribute("href", /^\/pool\?endpoint=recurrence-liver-only/);
  // The downloaded figure carries the pooled row: diamond, label and estimate.
  const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: /Download SVG/ }).click()]);
  const svg = readFileSync((await download.path())!, "utf8");
  expect(svg).toContain("Pooled (REML, HKSJ), k = 2");
  expect(svg).toMatch(/<polygon[^>]*class="pooled-diamond"/);
  await keepScreenshot(page, "pool-psh-1400");

  const estimators = page.getByRole("navigation", { name: "Pooling options" });
  await expect(estimators.getByRole("link", { name: "REML" })).toHaveAttribute("aria-current", "page");
  await estimators.getByRole("link", { name: "DerSimonian–Laird" }).click();
  await expect(page).toHaveURL(/[?&]method=DL(&|$)/);
  await expect(page.getByRole("navigation", { name: "Pooling options" }).getByRole("link", { name: "DerSimonian–Laird" })).toHaveAttribute("aria-current", "page");
  await expect(page.locator("figure svg text", { hasText: /^Pooled \(DL, HKSJ\), k = 2/ })).toBeVisible();
  await expect(page.getByTestId("methods-paragraph")).toContainText("DerSimonian–Laird estimator");
  expect(errors).toEqual([]);
});

test("one usable estimate: no diamond, the estimate as it stands, and the reason in plain words", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await open(page, OS_RAS);
  await expect(page.getByRole("heading", { name: "No pooled estimate" })).toBeVisible();
  await expect(page.getByTestId("refusal-reason")).toContainText("Only one usable estimate");
  await expect(page.locator("figure polygon.pooled-diamond")).toHaveCount(0);
  await expect(page.locator("figure svg text", { hasText: "NCCH 2024" })).toBeVisible();
  await expect(page.getByTestId("records-left-out")).toContainText(/reports only a p-value/i);
  await keepScreenshot(page, "pool-refused-1400");
  expect(errors).toEqual([]);
});

test("subgroups by setting: a diamond per subgroup, the overall one, and the test for subgroup differences", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await open(page, ORR_BY_SETTING);
  const figure = page.locator("figure");
  await expect(figure.locator("polygon.pooled-diamond")).toHaveCount(3);
  await expect(figure.locator("svg text", { hasText: /^Subtotal, k = 1/ })).toHaveCount(2);
  await expect(figure.locator("svg text", { hasText: /^Overall \(REML, HKSJ\), k = 2/ })).toBeVisible();
  await expect(page.getByTestId("subgroup-test")).toHaveText(/Test for subgroup differences: Q = \d+\.\d\d, df = 1, p = 0\.\d+/);
  await expect(page.getByRole("navigation", { name: "Pooling options" }).getByRole("link", { name: "Setting" })).toHaveAttribute("aria-current", "page");
  await keepScreenshot(page, "pool-subgroups-1400");
  expect(errors).toEqual([]);
});

test("a bad pooling parameter is ignored and named, never an error page", async ({ page }) => {
  const response = await page.goto(`${PSH}&method=XX&sort=sideways`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("ignored")).toContainText("method=XX (unknown method; allowed: REML");
  await expect(page.getByTestId("ignored")).toContainText("sort=sideways (unknown sort; allowed:");
  await expect(page.getByTestId("pooled-estimate")).toContainText("Pooled OR 0.78");
});

test("the browser's forest plot carries its pooled line, linking to the pooled analysis", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/?endpoint=recurrence-liver-only");
  const summary = page.getByTestId("pooled-summaries").first();
  await expect(summary).toContainText("Pooled (REML, HKSJ), Parenchymal-sparing hepatectomy vs Anatomical hepatectomy: OR 0.78 (0.68–0.88)");
  await summary.getByRole("link", { name: "see the pooled analysis" }).first().click();
  await expect(page).toHaveURL(/\/pool\?endpoint=recurrence-liver-only&measure=OR&comparison=parenchymal-sparing-hepatectomy:anatomical-hepatectomy/);
  await expect(page.getByTestId("pooled-estimate")).toContainText("Pooled OR 0.78");
  await page.goto("/?endpoint=OS&group=RAS");
  await expect(page.getByTestId("pooled-summaries").first()).toContainText("HR not pooled: only one usable estimate");
  expect(errors).toEqual([]);
});

for (const [name, url] of [
  ["psh", PSH],
  ["refused", OS_RAS],
  ["subgroups", ORR_BY_SETTING],
] as const) {
  test(`pool ${name}: axe-clean and no console errors`, async ({ page }) => {
    const errors = watchConsole(page);
    await open(page, url);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  test(`pool ${name}: readable at 375 px`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(page, url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await keepScreenshot(page, `pool-${name}-375`);
  });
}

test("the pooled analysis prints: controls hidden, methods and records kept", async ({ page }) => {
  await open(page, PSH);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Pooling options" })).toBeHidden();
  await expect(page.getByTestId("methods-paragraph")).toBeVisible();
  await expect(page.getByText(/pooled analysis\. Dataset version/)).toBeVisible();
  await keepScreenshot(page, "pool-print");
});
