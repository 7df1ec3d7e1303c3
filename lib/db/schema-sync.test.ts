// Keeps the migrations in step with the Prisma schema: the tables that prisma/migrations creates
// (as the build applies them) must have exactly the models' fields, types, nullability and indexes.
// Change prisma/schema.prisma without a migration (or the reverse) and this fails.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "./write";

type Field = { name: string; type: string; optional: boolean };
const SCALARS: Record<string, string> = { String: "TEXT", Int: "INTEGER", Float: "REAL", Boolean: "BOOLEAN", DateTime: "DATETIME" };

// Virtual tables Prisma cannot model, left out of the comparison by name: the FTS5 index of the
// records' text (migration 20261210000000_scale) and the shadow tables SQLite keeps for it
// (EffectSearch_data, _idx, _docsize, _config). Any other table must still be a model.
const FTS_TABLES = ["EffectSearch"];
const isFtsTable = (name: string) => FTS_TABLES.some((t) => name === t || name.startsWith(`${t}_`));

function parseSchema(text: string) {
  const models = new Map<string, { fields: Field[]; indexes: string[][]; uniques: string[][]; compositeId: string[] | null }>();
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: Field[] = [];
    const indexes: string[][] = [];
    const uniques: string[][] = [];
    let compositeId: string[] | null = null;
    for (const line of m[2]!.split("\n")) {
      const t = line.trim();
      const idx = /^@@index\(\[([^\]]+)\]\)/.exec(t);
      if (idx) indexes.push(idx[1]!.split(",").map((s) => s.trim()));
      const unique = /^@@unique\(\[([^\]]+)\]\)/.exec(t);
      if (unique) uniques.push(unique[1]!.split(",").map((s) => s.trim()));
      const cid = /^@@id\(\[([^\]]+)\]\)/.exec(t);
      if (cid) compositeId = cid[1]!.split(",").map((s) => s.trim());
      const f = /^(\w+)\s+(\w+)(\?|\[\])?/.exec(t);
      if (f && !t.startsWith("@@") && !t.startsWith("//") && SCALARS[f[2]!]) {
        fields.push({ name: f[1]!, type: f[2]!, optional: f[3] === "?" });
        if (/\s@unique\b/.test(t.split("//")[0]!)) uniques.push([f[1]!]);
      }
    }
    models.set(m[1]!, { fields, indexes, uniques, compositeId });
  }
  return models;
}

describe("prisma/migrations and prisma/schema.prisma", () => {
  const models = parseSchema(readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"));
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "sync-")), "db.sqlite");
  const applied = applyMigrations(file);
  const db = new Database(file, { readonly: true });

  it("applies at least the initial migration", () => {
    expect(applied.length).toBeGreaterThan(0);
  });

  it("creates exactly one table per model", () => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'").all() as { name: string }[];
    expect(tables.map((t) => t.name).filter((n) => !isFtsTable(n)).sort()).toEqual([...models.keys()].sort());
  });

  it("creates the FTS5 index of the records' text that the data layer searches", () => {
    const fts = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'EffectSearch'").get() as { sql: string } | undefined;
    expect(fts?.sql).toMatch(/USING fts5/i);
  });

  for (const [model, { fields, indexes, uniques }] of models) {
    it(`table ${model} has the model's columns, types and nullability`, () => {
      const cols = db.prepare(`PRAGMA table_info("${model}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
      expect(cols.map((c) => c.name).sort()).toEqual(fields.map((f) => f.name).sort());
      for (const f of fields) {
        const c = cols.find((x) => x.name === f.name)!;
        expect(`${f.name}:${c.type}`).toBe(`${f.name}:${SCALARS[f.type]}`);
        expect(`${f.name} nullable=${c.notnull === 0 && c.pk === 0}`).toBe(`${f.name} nullable=${f.optional}`);
      }
      const idx = (db.prepare(`PRAGMA index_list("${model}")`).all() as { name: string; origin: string }[]).filter((i) => i.origin === "c");
      expect(idx.map((i) => i.name).sort()).toEqual([...indexes.map((cols) => `${model}_${cols.join("_")}_idx`), ...uniques.map((cols) => `${model}_${cols.join("_")}_key`)].sort());
    });
  }
});
