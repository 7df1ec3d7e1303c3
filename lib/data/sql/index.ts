// The hot read path, in one place: the effect list (filtered, counted, paged by key), facet counts,
// free text (FTS5), studies, integrity flags and the dataset's facts, as prepared better-sqlite3
// statements on a read-only connection (lib/db/sqlite.ts). Prisma stays the data model and the
// writer; reads that must stay fast at 200,000 records come through here, and nothing else in the
// app builds SQL.
export { comparisonMates, printingMates, sourceLevelRank, countEffects, countStatement, firstPageStatement, GROUPS_OF_RECORDS, FLAGS_OF_RECORDS, documentsWhere, effectBatches, effectsById, effectsOfStudy, findEffectPage, studyIdsWhere, type EffectPage, type PageRequest } from "./effects";
export { facetCounts, facetCountsUncached, type FacetCounts } from "./facets";
export { mapCounts, recordsPerStudy, studySizes, type MapPairCount } from "./map";
export { flagCounts, flagPage, type FlagCursor, type IntegrityFlag } from "./flags";
export { datasetMeta, type DatasetMeta } from "./meta";
export { ftsCandidates, searchRecords, SEARCH_CANDIDATES, type SearchHit } from "./search";
export { studiesById, studyBatches, studyPage, type StudyPage } from "./studies";
export { effectCondition, FACET_KEYS, NO_FILTERS } from "./where";
export { ftsQuery, ftsTokens } from "./fts";
