// The project's own pooled views against R metafor: every estimator (FE, DL, REML, PM) and interval
// (Wald, HKSJ) agrees to 1e-4 on estimate, CI, PI, tau2 and its CI, I2, H2 and Q. The known answers are
// committed (fixtures/metafor-views.json, written by `npm run stats:views`); where R and metafor are
// installed (CI installs them) the inputs are regenerated from the content and refitted, so a content
// change that alters a view cannot leave a stale fixture behind.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metaAnalysis, type IntervalMethod, type PoolingMethod } from "../stats/meta-analysis";
import { viewInputs, type ViewInput } from "./view-inputs";

type MetaforResult = {
  name: string; method: PoolingMethod; ci: IntervalMethod; k: number; estimate: number; ciLower: number; ciUpper: number;
  piLower: number | null; piUpper: number | null; tau2: number; tau2CiLower: number | null; tau2CiUpper: number | null; i2: number; h2: number; q: number; qP: number;
};
type Fixture = { metafor: string; inputs: ViewInput[]; results: MetaforResult[] };

const FIXTURE = path.join(process.cwd(), "lib/pooling/fixtures/metafor-views.json");
const committed = JSON.parse(readFileSync(FIXTURE, "utf8")) as Fixture;
const FIGURES = ["estimate", "ciLower", "ciUpper", "piLower", "piUpper", "tau2", "tau2CiLower", "tau2CiUpper", "i2", "h2", "q"] as const;

function compare(inputs: ViewInput[], results: MetaforResult[]): string[] {
  const off: string[] = [];
  for (const r of results) {
    const view = inputs.find((v) => v.name === r.name)!;
    const ours = metaAnalysis({ yi: view.yi, vi: view.vi }, { method: r.method, ci: r.ci });
    for (const f of FIGURES) {
      const want = r[f];
      const got = ours[f];
      if (want === null || want === undefined) {
        if (got !== null) off.push(`${r.name} ${r.method}/${r.ci} ${f}: metafor none, ours ${got}`);
      } else if (got === null || Math.abs(got - want) > 1e-4) off.push(`${r.name} ${r.method}/${r.ci} ${f}: metafor ${want}, ours ${got}`);
    }
  }
  return off;
}

describe("the project's pooled views agree with metafor", () => {
  it("covers at least two views, with every estimator and interval", () => {
    expect(committed.inputs.length).toBeGreaterThanOrEqual(2);
    expect(committed.results.length).toBe(committed.inputs.length * 8);
  });

  it("the committed inputs are today's content (else run npm run stats:views)", () => {
    const today = viewInputs();
    expect(today.map((v) => v.name)).toEqual(committed.inputs.map((v) => v.name));
    today.forEach((v, i) => {
      expect(v.ids).toEqual(committed.inputs[i]!.ids);
      v.yi.forEach((y, j) => expect(y).toBeCloseTo(committed.inputs[i]!.yi[j]!, 10));
      v.vi.forEach((x, j) => expect(x).toBeCloseTo(committed.inputs[i]!.vi[j]!, 10));
    });
  });

  it("every figure agrees to 1e-4", () => {
    expect(compare(committed.inputs, committed.results)).toEqual([]);
  });
});

const rMissing = (() => {
  const probe = spawnSync("Rscript", ["-e", 'quit(status = if (requireNamespace("metafor", quietly = TRUE) && requireNamespace("jsonlite", quietly = TRUE)) 0 else 3)'], { encoding: "utf8" });
  if (probe.error) return "Rscript is not on PATH (install r-cran-metafor and r-cran-jsonlite)";
  return probe.status === 0 ? null : "metafor or jsonlite does not load in R";
})();

describe.skipIf(rMissing !== null)(`the views refitted by R now${rMissing ? ` (skipped: ${rMissing})` : ""}`, () => {
  it("metafor fitted on today's inputs agrees with this project to 1e-4", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pool-views-"));
    try {
      const input = path.join(dir, "inputs.json");
      const output = path.join(dir, "out.json");
      writeFileSync(input, JSON.stringify(viewInputs()));
      const run = spawnSync("Rscript", ["scripts/metafor/pool-views.R", input, output], { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      const fresh = JSON.parse(readFileSync(output, "utf8")) as Fixture;
      expect(compare(fresh.inputs, fresh.results)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
