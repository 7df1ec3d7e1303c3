import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
const { findEffectPage, effectCondition, countStatement, firstPageStatement } = await import("./lib/data/sql/index.ts").catch(async () => await import("./lib/data/sql/effects.ts"));
const { parseFiltersStrict } = await import("./lib/data/filters.ts");
const { getContext } = await import("./lib/data/context.ts");
const { vocab } = await getContext();
const raw = JSON.parse(readFileSync("/work/bench-cache/raw-200k.json", "utf8"));
const db = new Database("/work/bench-cache/cur/200k.db", { readonly: true }); db.pragma("temp_store = MEMORY"); db.pragma("cache_size = -65536");
const COMBOS: Record<string,string> = { all: "", os: "endpoint=OS", kras: "group=KRAS", "ras-os-multivariable": "group=RAS&endpoint=OS&analysis=multivariable", bevacizumab: "treatment=bevacizumab", "hr-full-text": "measure=HR&sourceLevel=primary-full-text", "pfs-arms": "kind=arm&endpoint=PFS", flagged: "flagged=true", "kras-os": "group=KRAS&endpoint=OS", "g12d-orr": "group=KRAS-G12D&endpoint=ORR" };
for (const [name, q] of Object.entries(COMBOS)) {
  const f = parseFiltersStrict(new URLSearchParams(q + (q ? "&" : "") + "limit=50"), vocab.allowed);
  const w = effectCondition(f, []);
  const cur = { count: countStatement(w), page: firstPageStatement(w, 50) };
  const same = cur.count.sql === raw[name].count.sql && cur.page.sql === raw[name].page.sql;
  const c = db.prepare(raw[name].count.sql), p = db.prepare(raw[name].page.sql);
  let t = performance.now(); for (let i = 0; i < 50; i++) { c.get(...raw[name].count.params); p.all(...raw[name].page.params); } const rt = (performance.now() - t) / 50;
  t = performance.now(); for (let i = 0; i < 50; i++) findEffectPage(f, [], { limit: 50, offset: 0 }, { file: "/work/bench-cache/cur/200k.db" }); const lt = (performance.now() - t) / 50;
  console.log(name.padEnd(22), same ? "same" : "DIFF", "raw", rt.toFixed(2), "lib", lt.toFixed(2));
}
