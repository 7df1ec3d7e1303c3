// npm run synth -- --studies 10000 --effects 200000 --out DIR [--seed N] — a synthetic content set
// (DIR/content) shaped like the curated one, for measuring at scale (lib/synth/generate.ts says how).
// Check and build it with the real pipeline:
//   EVIDENCE_CONTENT=DIR/content npm run content:check
//   EVIDENCE_CONTENT=DIR/content EVIDENCE_DB=DIR/evidence.db npm run db:build
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate, readTemplates } from "../lib/synth/generate";

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`--${name} is required`);
  return v;
}

function count(name: string, fallback?: string): number {
  const v = arg(name, fallback);
  if (!/^\d{1,9}$/.test(v)) throw new Error(`--${name} must be a whole number, not "${v}"`);
  return Number(v);
}

const started = performance.now();
const studies = count("studies");
const effects = count("effects");
const seed = count("seed", "20261210");
const out = path.resolve(arg("out"));
const content = path.join(out, "content");
const source = path.resolve(process.env.SYNTH_TEMPLATES ?? path.join(process.cwd(), "content"));
rmSync(content, { recursive: true, force: true });
for (const dir of ["vocab", "studies", "questions", "risk-of-bias"]) mkdirSync(path.join(content, dir), { recursive: true });
let files = 0;
let bytes = 0;
for (const file of generate(readTemplates(source), { studies, effects, seed })) {
  writeFileSync(path.join(content, file.path), file.text);
  files++;
  bytes += Buffer.byteLength(file.text);
}
console.log(`synth: ${studies} studies, ${effects} records, ${files} files, ${(bytes / 1e6).toFixed(1)} MB -> ${path.relative(process.cwd(), content) || content} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
