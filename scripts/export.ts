// npm run export -- --format json|csv --out FILE — the whole dataset, as the app serves it.
// JSON: { version, studies, effects }; CSV: one row per effect (studies' citation columns joined).
// Written a batch of records at a time (lib/data/export-stream.ts): memory stays bounded at any size.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { csvParts, jsonParts } from "../lib/data/export-stream";
import { datasetMeta, NO_FILTERS } from "../lib/data/sql";
import { databasePath } from "../lib/db/paths";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function write(out: Writable, parts: Iterable<string>): Promise<void> {
  for (const part of parts) if (!out.write(part)) await once(out, "drain");
}

async function main() {
  const format = arg("format") ?? "json";
  const outFile = arg("out");
  if (format !== "json" && format !== "csv") throw new Error(`--format must be json or csv, not "${format}"`);
  const file = databasePath();
  const meta = datasetMeta(file);
  const view = { filters: NO_FILTERS, freeText: [], order: "dataset" as const };
  const parts = format === "json" ? jsonParts(meta, null, view, { file }) : csvParts(view, { file });
  const out = outFile ? createWriteStream(outFile) : process.stdout;
  await write(out, parts);
  if (outFile) {
    out.end();
    await once(out, "finish");
    console.log(`export: ${meta.studies} studies, ${meta.effects} effects (${format}) -> ${outFile}`);
  }
  // The benchmark reads the peak memory of a whole export from here.
  if (process.env.EXPORT_REPORT_MEMORY) console.error(`export peak RSS ${process.resourceUsage().maxRSS} kB`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
