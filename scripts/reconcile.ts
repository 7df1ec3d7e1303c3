// npm run reconcile -- [--second DIR] — double-extraction reconciliation. Compares, per source
// document, the multiset of numbers in the curated content (extraction A) with an independent
// second extraction (extraction B: flat YAML lists of {locator, study, what, numbers}), and lists
// every number one extraction has and the other lacks. Each difference is then resolved against
// the source and the outcome logged in content/RECONCILIATION.md.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { loadContent, formatContentError } from "../lib/content/load";

const args = process.argv.slice(2);
const secondDir = args.includes("--second") ? args[args.indexOf("--second") + 1]! : path.join(process.cwd(), "..", "extract-b");

export function normaliseNumber(raw: string): string | null {
  const s = raw.trim().replace(/^p\s*/i, "").replace(/^[<>=≤≥]+\s*/, "").replace(/%$/, "").replace("−", "-").replace("–", "-");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return s.startsWith(".") ? `0${s}` : s.startsWith("-.") ? `-0${s.slice(1)}` : s;
}

function count(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

const result = loadContent();
if (!result.ok) {
  result.errors.forEach((e) => console.error(formatContentError(e)));
  process.exit(1);
}
const byDoc = new Map<string, { n: string; where: string }[]>();
const push = (doc: string, raw: string | null | number | undefined, where: string) => {
  if (raw === null || raw === undefined) return;
  const n = normaliseNumber(String(raw));
  if (n !== null) byDoc.set(doc, [...(byDoc.get(doc) ?? []), { n, where }]);
};
for (const s of result.content.studies) {
  push(s.document, s.n, `${s.id} (study n)`);
  for (const a of s.arms) push(s.document, a.n, `${s.id} arm ${a.id}`);
  for (const e of s.effects) {
    const doc = e.document ?? s.document;
    const where = `${s.id}/${e.id} @ ${e.locator}`;
    for (const x of [e.value?.text, e.ciLower?.text, e.ciUpper?.text, e.rangeLower?.text, e.rangeUpper?.text, e.p?.text, e.events, e.total]) push(doc, x as string | number | null | undefined, where);
  }
}

let differences = 0;
if (!existsSync(secondDir)) {
  console.error(`no second extraction at ${secondDir}`);
  process.exit(1);
}
for (const file of readdirSync(secondDir).filter((f) => f.endsWith(".yaml")).sort()) {
  const doc = file.replace(/\.yaml$/, "");
  const entries = (parse(readFileSync(path.join(secondDir, file), "utf8")) ?? []) as { locator: string; what: string; numbers?: unknown[] }[];
  const b: { n: string; where: string }[] = [];
  for (const e of entries) for (const raw of e.numbers ?? []) {
    const n = normaliseNumber(String(raw));
    if (n !== null) b.push({ n, where: `${e.locator} — ${e.what}` });
  }
  const a = byDoc.get(doc) ?? [];
  const ca = count(a.map((x) => x.n));
  const cb = count(b.map((x) => x.n));
  console.log(`\n# ${doc}: A has ${a.length} numbers, B has ${b.length}`);
  for (const [n, k] of cb) {
    const inA = ca.get(n) ?? 0;
    if (inA === 0) {
      differences++;
      console.log(`  only in B: ${n}  (${b.filter((x) => x.n === n).map((x) => x.where).slice(0, 3).join(" || ")})`);
    } else if (inA < k && process.env.COUNTS) console.log(`  fewer in A (${inA} vs ${k}): ${n}`);
  }
  for (const [n] of ca) {
    if ((cb.get(n) ?? 0) === 0) {
      differences++;
      console.log(`  only in A: ${n}  (${a.filter((x) => x.n === n).map((x) => x.where).slice(0, 3).join(" || ")})`);
    }
  }
}
console.log(`\n${differences} numbers differ between the extractions.`);
