// The benchmark's baseline for the database build: loads and builds a content set as db:build does,
// then times only the raw single-transaction insert of the same rows (raw-insert.ts).
//   tsx scripts/bench/raw-build.ts <content folder> <database file>   -> one JSON line
import { rmSync } from "node:fs";
import { loadContent, formatContentError } from "../../lib/content/load";
import { buildDataset } from "../../lib/build/dataset";
import { rawInsert } from "./raw-insert";

const [content, file] = process.argv.slice(2);
const loaded = loadContent(content!);
if (!loaded.ok) throw new Error(loaded.errors.slice(0, 5).map(formatContentError).join("\n"));
const dataset = buildDataset(loaded.content);
rmSync(file!, { force: true });
const started = performance.now();
rawInsert(file!, loaded.content, dataset);
console.log(JSON.stringify({ records: dataset.effects.length, insertMs: Math.round(performance.now() - started) }));
