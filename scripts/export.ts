// npm run export -- --format json|csv --out FILE — the whole dataset, as the app serves it.
// JSON: { version, studies, effects }; CSV: one row per effect (studies' citation columns joined).
import { writeFileSync } from "node:fs";
import { openDatabase } from "../lib/db/open";
import { exportDataset, datasetToCsv } from "../lib/data/export-dataset";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const format = arg("format") ?? "json";
  const out = arg("out");
  if (format !== "json" && format !== "csv") throw new Error(`--format must be json or csv, not "${format}"`);
  const db = openDatabase();
  try {
    const dataset = await exportDataset(db);
    const text = format === "json" ? JSON.stringify(dataset, null, 2) : datasetToCsv(dataset);
    if (out) {
      writeFileSync(out, text);
      console.log(`export: ${dataset.studies.length} studies, ${dataset.effects.length} effects (${format}) -> ${out}`);
    } else process.stdout.write(text);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
