// Regenerates fixtures/metafor-extra.json with R and metafor and compares it with the committed copy,
// so the known answers in meta-analysis.test.ts are checked against metafor rather than trusted.
// CI installs R (.ci/run); without R or metafor the block is skipped and says why.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = "scripts/metafor/fixtures.R";
const COMMITTED = path.join(REPO_ROOT, "lib/stats/fixtures/metafor-extra.json");
const TOLERANCE = 1e-8;

function whyRCannotRun(): string | null {
  const probe = spawnSync(
    "Rscript",
    ["-e", 'quit(status = if (requireNamespace("metafor", quietly = TRUE) && requireNamespace("jsonlite", quietly = TRUE)) 0 else 3)'],
    { encoding: "utf8" },
  );
  if (probe.error) return "Rscript is not on PATH (install r-cran-metafor and r-cran-jsonlite)";
  if (probe.status !== 0) return "Rscript runs but metafor or jsonlite does not load";
  return null;
}

/** Paths where the two JSON values differ: numbers by more than the tolerance, anything else at all. */
function differences(got: unknown, want: unknown, at: string, out: string[]): string[] {
  if (typeof want === "number" && typeof got === "number") {
    if (!(Math.abs(got - want) <= TOLERANCE)) out.push(`${at}: regenerated ${got}, committed ${want}`);
  } else if (Array.isArray(want) && Array.isArray(got)) {
    if (got.length !== want.length) out.push(`${at}: regenerated length ${got.length}, committed ${want.length}`);
    else want.forEach((w, i) => differences(got[i], w, `${at}[${i}]`, out));
  } else if (want !== null && got !== null && typeof want === "object" && typeof got === "object") {
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    for (const key of keys) differences((got as Record<string, unknown>)[key], (want as Record<string, unknown>)[key], `${at}.${key}`, out);
  } else if (got !== want) {
    out.push(`${at}: regenerated ${JSON.stringify(got)}, committed ${JSON.stringify(want)}`);
  }
  return out;
}

const skipReason = whyRCannotRun();

describe.skipIf(skipReason !== null)(`metafor-extra.json regenerated with R${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  it(`Rscript ${SCRIPT} reproduces the committed fixture to ${TOLERANCE}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "metafor-fixtures-"));
    try {
      const output = path.join(dir, "metafor-extra.json");
      const run = spawnSync("Rscript", [SCRIPT, output], { cwd: REPO_ROOT, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      const regenerated = JSON.parse(readFileSync(output, "utf8")) as Record<string, unknown>;
      const committed = JSON.parse(readFileSync(COMMITTED, "utf8")) as Record<string, unknown>;
      // The R and metafor versions may differ between machines; the figures may not.
      const { generatedBy: _regeneratedBy, ...regeneratedFigures } = regenerated;
      const { generatedBy: _committedBy, ...committedFigures } = committed;
      expect(differences(regeneratedFigures, committedFigures, "$", [])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
