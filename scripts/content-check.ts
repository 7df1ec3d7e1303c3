// npm run content:check — validates every content file against the schemas and vocabularies.
import { loadContent, formatContentError } from "../lib/content/load";
import { contentDir } from "../lib/env";

// The same folder db:build builds from (EVIDENCE_CONTENT, else ./content).
const result = loadContent(contentDir());
if (!result.ok) {
  for (const e of result.errors) console.error(formatContentError(e));
  console.error(`\ncontent:check failed: ${result.errors.length} error(s).`);
  process.exit(1);
}
const { studies, version } = result.content;
const effects = studies.reduce((n, s) => n + s.effects.length, 0);
console.log(`content:check ok: ${studies.length} studies, ${effects} records, version ${version}`);
