// Lenient pages "ignore and say so": every page that reads parameters from its URL shows one notice
// (app/_components/IgnoredNotice.tsx) naming what it set aside and why, never echoes a long value
// whole, keeps a payload in the link inert, and builds its own links (exports included) without the
// ignored value.
import { expect, test, type Page } from "@playwright/test";
import { watchConsole } from "./helpers";

const PAYLOAD = "<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>";
const LONG = PAYLOAD.repeat(150).slice(0, 10_000); // a 10 kB value

async function notice(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  const el = page.getByTestId("ignored");
  await expect(el).toBeVisible();
  await expect(el).toHaveCount(1);
  return el;
}

test("home (browse): an unknown molecular group is ignored and named; the exports leave it out", async ({ page }) => {
  const errors = watchConsole(page);
  const el = await notice(page, "/?endpoint=OS&group=FOO&grup=KRAS");
  await expect(el).toHaveText("Ignored: group=FOO (unknown molecular group); grup=KRAS (not a parameter of this page).");
  // The rest of the link still applies: OS is a filter chip; FOO is in no link the page builds.
  await expect(page.getByRole("link", { name: /Remove filter Overall survival/ })).toBeVisible();
  for (const format of ["csv", "json", "ris", "bibtex"]) {
    const href = await page.locator(`a[href*="format=${format}"]`).first().getAttribute("href");
    expect(href).toContain("endpoint=OS");
    expect(href).not.toMatch(/FOO|grup/);
  }
  expect(errors).toEqual([]);
});

test("home: a typed search that becomes filters keeps saying what it ignored", async ({ page }) => {
  const el = await notice(page, "/?q=G12D&group=FOO&grup=KRAS");
  expect(new URL(page.url()).searchParams.get("searched")).toBe("G12D");
  await expect(el).toHaveText("Ignored: group=FOO (unknown molecular group); grup=KRAS (not a parameter of this page).");
});

test("home: a limit above a page's size and a bad cursor are named with what was used", async ({ page }) => {
  const el = await notice(page, "/?endpoint=OS&limit=5000&after=x1");
  await expect(el).toContainText("limit=5000 (a page lists at most 100 records; 100 used");
  await expect(el).not.toContainText("limit=1000");
  await expect(el).toContainText("after=x1 (not a whole number from 0 to");
});

test("studies list: a bad cursor and an unknown parameter", async ({ page }) => {
  const el = await notice(page, "/studies?after=-3&sort=name");
  await expect(el).toHaveText(/^Ignored: after=-3 \(not a whole number from 0 to \d+ .*\); sort=name \(not a parameter of this page\)\.$/);
  await expect(page.getByRole("heading", { name: "Studies" })).toBeVisible();
});

test("compare: an unknown study, endpoint and population; the known studies are still compared", async ({ page }) => {
  const el = await notice(page, "/compare?studies=become&studies=cairo5&studies=nosuch&endpoint=XX&population=martian");
  await expect(el).toContainText("studies=nosuch (unknown study)");
  await expect(el).toContainText("endpoint=XX (unknown endpoint)");
  await expect(el).toContainText("population=martian (unknown population; allowed: all");
  await expect(page.getByRole("link", { name: "Remove BECOME from the comparison" })).toBeVisible();
  const ris = await page.locator('a[href*="format=ris"]').first().getAttribute("href");
  expect(ris).not.toMatch(/nosuch|martian|XX/);
});

test("evidence map: an unknown endpoint and a non-boolean flag", async ({ page }) => {
  const el = await notice(page, "/map?endpoint=NOPE&flagged=maybe");
  await expect(el).toHaveText("Ignored: endpoint=NOPE (unknown endpoint); flagged=maybe (must be true or false).");
  await expect(page.getByRole("heading", { name: "Evidence map" })).toBeVisible();
});

test("integrity: an unknown check and a position without its check", async ({ page }) => {
  const el = await notice(page, "/integrity?check=toString&after=1.5");
  await expect(el).toHaveText("Ignored: check=toString (unknown check); after=1.5 (a position needs the check it belongs to).");
  await expect(page.getByRole("heading", { name: "Estimates outside their CI" })).toBeVisible();
});

test("pool: an unknown filter value and pooling option, each named", async ({ page }) => {
  const el = await notice(page, "/pool?endpoint=recurrence-liver-only&comparison=parenchymal-sparing-hepatectomy:anatomical-hepatectomy&measure=OR&group=FOO&method=XX");
  await expect(el).toContainText("group=FOO (unknown molecular group)");
  await expect(el).toContainText("method=XX (unknown method; allowed: REML, DL, PM, FE)");
  await expect(page.getByTestId("pooled-estimate")).toContainText("Pooled OR 0.78");
});

test("questions: an unknown view falls back to the table and says so", async ({ page }) => {
  const el = await notice(page, "/questions/ras-unresectable?view=graph");
  await expect(el).toHaveText("Ignored: view=graph (unknown view; allowed: sof, profile; the table shown).");
  await expect(page.locator("table").first()).toBeVisible();
});

test("a 10 kB payload in a link: quoted short, shown as text, never run", async ({ page }) => {
  const errors = watchConsole(page);
  for (const path of ["/", "/map", "/pool", "/compare"]) {
    const key = path === "/compare" ? "studies" : "group";
    const el = await notice(page, `${path}?${key}=${encodeURIComponent(LONG)}`);
    const text = (await el.textContent()) ?? "";
    expect(text.length, path).toBeLessThan(300);
    expect(text).toContain(`${key}=${LONG.slice(0, 40)}… (10000 characters)`);
    expect(await el.locator("img, script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
  expect(errors).toEqual([]);
});
