// Writes the log-scale inputs of the project's pooled views (lib/pooling/views.ts) as JSON, for
// scripts/metafor/pool-views.R:  npm run stats:views
import { writeFileSync } from "node:fs";
import { viewInputs } from "../../lib/pooling/view-inputs";

const out = process.argv[2];
if (!out) throw new Error("usage: tsx scripts/metafor/views-input.ts <inputs.json>");
writeFileSync(out, JSON.stringify(viewInputs(), null, 1));
