// The Chinese interface (issue 9, item 9): /zh shows the interface, the vocabularies' labels and the
// clinician sentences in Simplified Chinese; numbers, study names and locators stay as printed; the
// language switch keeps the page and its filters; a browser that asks for Chinese lands on /zh.
import { expect, test } from "@playwright/test";
import { watchConsole } from "./helpers";

const SCREENSHOTS = "docs/screenshots";

test("/zh shows 总生存期 for overall survival, in the endpoint facet and on an OS record", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/zh");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("证据浏览");
  const facets = page.getByRole("navigation", { name: "筛选" });
  const os = facets.getByRole("link", { name: /^总生存期/ });
  await expect(os).toBeVisible();
  await os.click();
  await expect(page).toHaveURL(/\/zh\/?\?endpoint=OS$/);
  // The OS records sit under a 总生存期 heading; the NCCH hazard ratio reads in Chinese with its printed numbers.
  await expect(page.locator("h3#ep-OS")).toContainText("总生存期");
  // The charts' titles too: the forest plot of OS hazard ratios.
  await expect(page.getByRole("heading", { level: 3, name: "总生存期 (HR)" })).toBeVisible();
  await page.goto("/zh?endpoint=OS&group=RAS&analysis=multivariable");
  await expect(page.getByRole("link", { name: "移除筛选条件 总生存期" })).toBeVisible();
  const ncch = page.locator('[data-effect-id="ncch-scp-2024/os-mv-ras"]');
  await expect(ncch.locator(".sentence")).toContainText("HR 3.37 (1.76–6.47)，p<0.001");
  await expect(ncch.getByTestId("record-context")).toContainText("N 150");
  await expect(ncch.getByTestId("record-context")).toContainText("多因素分析");
  await expect(ncch.locator(".sentence")).toContainText("NCCH 2024");
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/zh");
  await page.screenshot({ path: `${SCREENSHOTS}/zh-home-1400.png`, fullPage: false });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `${SCREENSHOTS}/zh-home-375.png`, fullPage: false });
  // No horizontal scroll on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(errors).toEqual([]);
});

test("switching to English keeps the page and its filters, and back", async ({ page }) => {
  await page.goto("/zh?endpoint=OS&group=RAS");
  await expect(page.locator("h3#ep-OS")).toContainText("总生存期");
  await page.getByTestId("language-en").click();
  await expect(page).toHaveURL(/\/\?endpoint=OS&group=RAS$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h3#ep-OS")).toContainText("Overall survival");
  await expect(page.getByRole("link", { name: "Remove filter Overall survival" })).toBeVisible();
  await page.getByTestId("language-zh").click();
  await expect(page).toHaveURL(/\/zh\?endpoint=OS&group=RAS$/);
  await expect(page.getByRole("link", { name: "移除筛选条件 总生存期" })).toBeVisible();
});

test.describe("a browser that asks for Chinese", () => {
  test.use({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  test("lands on the Chinese interface", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/zh$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "浏览" })).toBeVisible();
  });
});

test("a study page in Chinese: labels in Chinese, study name and numbers as printed, links stay in Chinese", async ({ page }) => {
  await page.goto("/zh/studies/ncch-scp-2024");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("NCCH 2024");
  await expect(page.getByRole("heading", { level: 2, name: "研究设计" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "总生存期", exact: true })).toBeVisible();
  await expect(page.locator('[data-effect-id="ncch-scp-2024/os-mv-ras"] .sentence')).toContainText("HR 3.37 (1.76–6.47)，p<0.001");
  await expect(page.getByRole("link", { name: "← 全部研究" })).toHaveAttribute("href", "/zh/studies");
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/zh-study-1400.png`, fullPage: false });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `${SCREENSHOTS}/zh-study-375.png`, fullPage: false });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("the integrity flags in Chinese on /zh/integrity and on a study page; English at /integrity and in /api", async ({ page }) => {
  const errors = watchConsole(page);
  // The English flags' template words; the curators' explanations quoted in a flag stay as written.
  const TEMPLATE = [/\bprints\b/, /Also printed/, /^Updated in /, /^Updates /, /^The copy of/, /cites this figure differently/, /The figure is consistent with/, /no whole number of/, /the interval is not centred/];
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/zh/integrity");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const summaries = page.locator(".flag-text > summary");
  await expect(summaries.first()).toBeVisible();
  const shown = (await summaries.allInnerTexts()).map((t) => t.replace(/^[ⓘ⚑]\s*\S+?：\s*/, ""));
  expect(shown.length).toBeGreaterThan(20);
  expect(shown.filter((t) => !/[\u4e00-\u9fff]/.test(t))).toEqual([]);
  expect(shown.filter((t) => TEMPLATE.some((w) => w.test(t)))).toEqual([]);
  const damaged = page.locator(".flag-text", { hasText: "此副本的 Table 2 中，总生存期（Male）的数值印作 5740（读作 57.40），按原样不可能正确。" }).first();
  await expect(damaged).toBeVisible();
  await damaged.locator("summary").click();
  await expect(damaged.locator(".flag-detail")).toContainText("印刷损坏：数值原文印作 5740，读作 57.40。");
  await expect(page.locator(".flag-text", { hasText: "该数字与原始报告一致" }).first()).toBeVisible();
  await page.locator(".flag-text").first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await page.screenshot({ path: `${SCREENSHOTS}/zh-integrity-1400.png`, fullPage: false });
  // On a study page, a record's flags in Chinese too.
  await page.goto("/zh/studies/ncch-scp-2024");
  await expect(page.locator("li.effect .flag-text", { hasText: "Table 2 中也印有此数字，印作 248，该处印刷损坏（读作 2.48）" }).first()).toBeAttached();
  // The unprefixed URLs keep the English (without the locale cookie /zh set), and so does the API.
  await page.context().clearCookies();
  await page.goto("/integrity");
  await expect(page.locator(".flag-text", { hasText: "The copy of Table 2 prints the value 5740 (read as 57.40) for overall survival, Male, which cannot be right as printed." }).first()).toBeVisible();
  expect((await page.locator(".flag-text > summary").allInnerTexts()).filter((t) => /[\u4e00-\u9fff]/.test(t.replace(/良医汇/g, "")))).toEqual([]);
  const api = await (await page.request.get("/api/studies/ncch-scp-2024")).text();
  expect(api).toContain("Also printed in Table 2 as 248");
  expect(api).not.toMatch(/summaryZh|印作/);
  expect(errors).toEqual([]);
});

test("the compare page in Chinese", async ({ page }) => {
  await page.goto("/zh/compare?studies=become&studies=cairo5&studies=tribe");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("比较研究");
  await expect(page.getByRole("heading", { level: 2, name: "按终点列出的数字" })).toBeVisible();
  const matrix = page.getByTestId("compare-matrix");
  await expect(matrix.getByRole("columnheader", { name: "终点" })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: /^总生存期/ })).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: "BECOME" })).toBeVisible();
  // Links from the matrix stay in Chinese.
  await expect(matrix.locator('a[href^="/studies/"]')).toHaveCount(0);
  await expect(matrix.locator('a[href^="/zh/studies/"]').first()).toBeVisible();
});

test("the pooled analysis in Chinese: controls, heterogeneity, reasons set aside and the methods paragraph; numbers as printed", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/zh/pool?endpoint=recurrence-liver-only&comparison=parenchymal-sparing-hepatectomy:anatomical-hepatectomy&measure=OR&method=XX");
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("pooled-estimate")).toContainText("合并 OR 0.78（95% CI 0.68–0.88）");
  await expect(page.getByTestId("heterogeneity")).toContainText("异质性：τ² = 0.000（95% CI 0.000 至 0.083）；I² = 0%");
  await expect(page.getByTestId("interval-warning")).toContainText("窄于 Wald 区间");
  const options = page.getByRole("navigation", { name: "合并选项" });
  await expect(options.getByRole("link", { name: "固定效应" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^未纳入的记录/ })).toBeVisible();
  await expect(page.getByTestId("records-left-out").getByText(/^二手转载（Peng JH/)).toBeVisible();
  await expect(page.getByTestId("methods-paragraph")).toContainText("限制性最大似然（REML）");
  await expect(page.getByTestId("ignored")).toContainText("已忽略：method=XX（未知的合并方法；允许的值：REML");
  expect(errors).toEqual([]);
});

test("search notes and the GRADE statement in Chinese", async ({ page }) => {
  await page.goto("/zh");
  const box = page.getByRole("combobox", { name: "搜索终点、治疗、等位基因、密码子和研究" });
  await box.fill("exon 2");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.press("Enter");
  await expect(page.getByTestId("search-note")).toContainText("外显子 2 即 KRAS 和 NRAS 的第 12、13 密码子");
  await page.goto("/zh/questions/ras-unresectable");
  // The question's title and population in Chinese (titleZh, populationZh in content/questions).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("在初始不可切除的结直肠癌肝转移中，RAS 突变能否预测早期进展或转化失败？");
  await expect(page.locator(".question-facts")).toContainText("接受一线全身（转化）治疗的初始不可切除结直肠癌肝转移患者");
  const row = page.locator('tr[data-outcome="early-progression"]');
  await expect(row).toContainText("OR 2.96");
  await expect(row).toContainText("RAS 突变或许与");
  await expect(row).toContainText("风险升高相关。");
});

test("the Summary of Findings and the pooled forest plot in Chinese: absolute effects, certainty arithmetic, settings and row markers; English unchanged", async ({ page }) => {
  const errors = watchConsole(page);
  const main = () => page.locator("main").innerText();
  // English phrases the tables and the pool page used to show under /zh.
  const ENGLISH = ["per 1,000", " more ", " fewer ", "Median ", "Assumes", "(start)", "levels down", "Computed rating", "(inverted)", "(as ", "after liver resection", "systemic therapy", "log scale", "Certainty assessment", "Weight at", "Judgement used for", "Reconciliation:"];
  const noEnglish = (text: string) => expect(ENGLISH.filter((phrase) => text.includes(phrase))).toEqual([]);

  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/zh/questions/ras-unresectable");
  const early = page.locator('tr[data-outcome="early-progression"]');
  await expect(early).toContainText("RAS野生型：每 1000 人 493 例");
  await expect(early).toContainText("每 1000 人多");
  await expect(early).toContainText("对照组风险 49.3%");
  await expect(early).toContainText("OR 2.96 （95% CI 1.35 至 6.48）仅一项研究：无需合并");
  noEnglish(await main());
  await page.screenshot({ path: `${SCREENSHOTS}/zh-sof-1400.png`, fullPage: false });
  await page.setViewportSize({ width: 375, height: 812 });
  await early.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/zh-sof-375.png`, fullPage: false });
  await page.setViewportSize({ width: 1400, height: 900 });

  await page.goto("/zh/questions/ras-hepatectomy");
  await expect(page.locator(".question-facts")).toContainText("肝切除或局部治疗后");
  await expect(page.locator('tr[data-outcome="OS"]')).toContainText("RAS野生型：中位数 70.0 个月");
  await expect(page.locator('tr[data-outcome="OS"]')).toContainText("假设比例风险且生存时间服从指数分布");
  noEnglish(await main());

  await page.goto("/zh/questions/triplet-doublet?view=profile");
  await expect(page.locator('section[data-outcome="PFS"] .profile-summary')).toContainText("高（起始）− 降 2 级 + 升 0 级 = 低");
  await expect(page.locator('section[data-outcome="PFS"]')).toContainText("（重要）");
  await expect(page.locator(".rob-section")).toContainText("评级所用的判断：");
  noEnglish(await main());

  await page.goto("/zh/pool?endpoint=OS&comparison=RAS-wt:RAS");
  await expect(page.locator(".pool-scope")).toContainText("肝切除或局部治疗后");
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
  await expect(page.locator("main")).toContainText("NCCH 2024（反向）");
  await expect(page.getByTestId("refusal-reason")).toHaveText("仅有一个可用估计值：无可合并。按原样显示。");
  noEnglish(await main());

  await page.goto("/zh/pool?endpoint=OS&comparison=FOLFOXIRI-bev:doublet-bev&by=setting");
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
  await expect(page.locator("main")).toContainText("TRIBE, 2014（按 FOLFOXIRI-bev 对 FOLFIRI-bev）");
  await expect(page.locator("main")).toContainText("全身治疗");
  await expect(page.locator("main")).toContainText("风险比（对数尺度）");
  noEnglish(await main());
  await page.screenshot({ path: `${SCREENSHOTS}/zh-pool-1400.png`, fullPage: false });

  // The unprefixed URLs keep the English words (without the locale cookie /zh set, which would send them to /zh).
  await page.context().clearCookies();
  await page.goto("/questions/ras-unresectable");
  await expect(page).toHaveURL(/\/questions\/ras-unresectable$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Does RAS mutation predict early progression or failed conversion in initially unresectable colorectal liver metastases?");
  await expect(page.locator('tr[data-outcome="early-progression"]')).toContainText("493 per 1,000 with RAS wild-type");
  await page.goto("/pool?endpoint=OS&comparison=RAS-wt:RAS");
  await expect(page.locator("main")).toContainText("NCCH 2024 (inverted)");
  await expect(page.locator(".pool-scope")).toContainText("after liver resection or local treatment");
  expect(errors).toEqual([]);
});
