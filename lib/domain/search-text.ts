// The text a record is found by: its study, endpoint, treatments and molecular groups with all
// their synonyms, and its own words. Stored per record (Effect.searchText) so that a later FTS5
// index can be built from the same column.
import type { Vocab } from "../content/schema";
import type { EffectRecord, StudyRecord } from "./records";

export function searchTextFor(e: EffectRecord, study: StudyRecord, vocab: Vocab): string {
  const endpoint = vocab.endpoints.find((x) => x.code === e.endpoint);
  const treatments = [e.treatment, e.referenceTreatment]
    .map((code) => vocab.treatments.find((t) => t.code === code))
    .filter((t): t is NonNullable<typeof t> => Boolean(t));
  const groups = e.molecularGroups.map((code) => vocab.molecularGroups.find((g) => g.code === code)).filter((g): g is NonNullable<typeof g> => Boolean(g));
  return [
    study.shortName,
    study.authors[0] ?? "",
    study.year ?? "",
    endpoint ? [endpoint.code, endpoint.label, ...endpoint.synonyms] : [e.endpoint],
    treatments.flatMap((t) => [t.code, t.label, ...t.synonyms]),
    groups.flatMap((g) => [g.code, g.label, ...g.synonyms]),
    e.measure ?? "",
    e.exposure ?? "",
    e.reference ?? "",
    e.group ?? "",
    e.population,
    e.statement ?? "",
    e.locator,
  ]
    .flat()
    .filter(Boolean)
    .join(" | ");
}
