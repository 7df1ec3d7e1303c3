// The whole build in one pure step: content -> records -> computed records -> integrity flags.
// scripts/db-build.ts writes its result to SQLite; scripts/export.ts and the tests use it directly.
import type { ContentSet } from "../content/load";
import type { Dataset, EffectRecord, FlagRecord } from "../domain/records";
import { runChecks, type CheckFlag } from "../checks";
import { asPrinted, type CheckRecord } from "../checks/types";
import { deriveComputedContrasts } from "./derive";
import { normalise, type GroupingRecord } from "./normalise";
import type { CitingDocument } from "../domain/citations";

export type BuiltDataset = Dataset & { checkFlags: CheckFlag[]; groupings: GroupingRecord[]; citingDocuments: CitingDocument[] };

function toFlagRecord(f: CheckFlag): FlagRecord {
  return {
    code: f.code,
    severity: f.severity,
    summary: f.summary,
    message: f.message,
    locator: f.locator,
    otherEffectId: f.otherEffectId,
    otherLocator: f.otherLocator,
    expected: f.expected,
  };
}

/** The exported record: what the checks saw, less the curator's annotations about printing. */
function toEffectRecord(e: CheckRecord): EffectRecord {
  const { read: _read, consistentPrinting: _c, explainedDifference: _x, misprint: _m, updatesChain: _u, ...record } = e;
  return record;
}

export function buildDataset(content: ContentSet): BuiltDataset {
  const { studies, effects: printed, groupings } = normalise(content);
  const computed = deriveComputedContrasts(printed).map(asPrinted);
  const checked: CheckRecord[] = [...printed, ...computed];
  const checkFlags = runChecks({ effects: checked, groupings });
  const effects = checked.map(toEffectRecord);
  const byEffect = new Map<string, FlagRecord[]>();
  const byStudy = new Map<string, FlagRecord[]>();
  for (const f of checkFlags) {
    // Study-level flags: those without a record (group sums), so that no flag is lost.
    const [map, key] = f.effectId ? [byEffect, f.effectId] : [byStudy, f.studyId];
    const list = map.get(key);
    if (list) list.push(toFlagRecord(f));
    else map.set(key, [toFlagRecord(f)]);
  }
  for (const e of effects) e.flags = byEffect.get(e.id) ?? [];
  for (const s of studies) s.flags = byStudy.get(s.id) ?? [];
  const order = new Map(studies.map((s, i) => [s.id, i]));
  effects.sort((a, b) => (order.get(a.studyId)! - order.get(b.studyId)!) || 0);
  // Documents that are no study of their own (the review): cited wherever their secondary figures are used.
  const citingDocuments: CitingDocument[] = content.vocab.documents.flatMap((d) =>
    d.citation && !d.study
      ? [{ code: d.code, label: d.label, citation: { title: d.citation.title, authors: d.citation.authors, authorsComplete: d.citation.authorsComplete, journal: d.citation.journal, year: d.citation.year, volume: d.citation.volume, issue: d.citation.issue, pages: d.citation.pages, doi: d.citation.doi, pmid: d.citation.pmid, url: d.citation.url } }]
      : [],
  );
  return { version: content.version, studies, effects, checkFlags, groupings, citingDocuments };
}
