// The evidence map: endpoint x molecular group, at the level the source reported each finding. A cell
// counts studies and their patients (the sum of the distinct studies' N; studies without an N are
// counted apart), not records, so one paper with a hundred table rows does not outweigh ten trials;
// the record count stays with the cell. A cell is shaded by the most direct source level among its
// records. A row with records at RAS or KRAS level but none at codon or allele level shows where
// codon-specific evidence is missing.
//
// Bounded: two GROUP BY queries over the record-group pairs' index (lib/data/sql/map.ts; rows are
// group x endpoint x study x source level, not records), and the studies' N read for the studies found.
import type { PrismaClient } from "../generated/prisma/client";
import { databaseFileOf } from "../db/open";
import { mapCounts, studySizes } from "./sql";
import { filtersToQuery, type EffectFilters } from "./filters";
import type { AppVocabulary } from "./vocabulary";

export type EvidenceCount = {
  studies: number;
  /** Sum of N over the studies that report one. */
  patients: number;
  /** Studies counted in `studies` that report no N. */
  studiesWithoutN: number;
  records: number;
  /** The most direct source level among the records (its code), null when there are none. */
  bestLevel: string | null;
};
export type MapCell = EvidenceCount & { group: string; href: string };
export type MapRow = { endpoint: string; label: string; cells: MapCell[]; total: EvidenceCount; href: string; broadOnly: boolean };
export type EvidenceMap = {
  columns: { code: string; label: string; level: string; depth: number }[];
  rows: MapRow[];
  /** Source levels from most to least direct, for the legend and the shading. */
  levels: { code: string; label: string; rank: number }[];
};

const SPECIFIC = new Set(["codon", "allele"]);
const BROAD = new Set(["gene-family", "gene"]);

type Tally = { studies: Set<string>; records: number; best: number };

function summarise(t: Tally | undefined, nOf: Map<string, number | null>, levels: EvidenceMap["levels"]): EvidenceCount {
  if (!t) return { studies: 0, patients: 0, studiesWithoutN: 0, records: 0, bestLevel: null };
  let patients = 0;
  let withoutN = 0;
  for (const s of t.studies) {
    const n = nOf.get(s);
    if (n === null || n === undefined) withoutN++;
    else patients += n;
  }
  return { studies: t.studies.size, patients, studiesWithoutN: withoutN, records: t.records, bestLevel: levels[t.best]?.code ?? null };
}

export async function evidenceMap(db: PrismaClient, vocab: AppVocabulary, filters: EffectFilters): Promise<EvidenceMap> {
  const levels = vocab.sourceLevels.map((l, i) => ({ code: l.code, label: l.label, rank: i + 1 }));
  const rankOf = new Map(levels.map((l, i) => [l.code, i]));
  const file = databaseFileOf(db);
  const { pairs, recordsByEndpoint: rowCounts } = mapCounts(filters, file);

  const cellTally = new Map<string, Tally>();
  const rowTally = new Map<string, Tally>();
  const studyIds = new Set<string>();
  const usedSet = new Set<string>();
  const add = (map: Map<string, Tally>, key: string, studyId: string, records: number, level: string) => {
    const t = map.get(key) ?? { studies: new Set<string>(), records: 0, best: Number.MAX_SAFE_INTEGER };
    t.studies.add(studyId);
    t.records += records;
    t.best = Math.min(t.best, rankOf.get(level) ?? levels.length);
    map.set(key, t);
  };
  for (const r of pairs) {
    usedSet.add(r.groupCode);
    studyIds.add(r.studyId);
    add(cellTally, `${r.endpointCode}|${r.groupCode}`, r.studyId, r.records, r.sourceLevel);
    // Row studies and levels; the row's record count is read apart (a record with two groups is one record).
    add(rowTally, r.endpointCode, r.studyId, 0, r.sourceLevel);
  }
  const nOf = studySizes([...studyIds], file);

  const columns = vocab.groups
    .filter((g) => usedSet.has(g.code) || (g.level === "codon" && (g.code === "KRAS-codon-12" || g.code === "KRAS-codon-13")))
    .map((g) => ({ code: g.code, label: g.label, level: g.level, depth: g.depth }));
  const levelOf = new Map(columns.map((c) => [c.code, c.level]));
  const rows: MapRow[] = [];
  for (const e of vocab.endpoints) {
    const cells = columns.map((c) => ({
      group: c.code,
      ...summarise(cellTally.get(`${e.code}|${c.code}`), nOf, levels),
      href: `/${filtersToQuery({ ...filters, endpoint: [e.code], group: [c.code], offset: 0 })}`,
    }));
    const row = rowTally.get(e.code);
    if (!row) continue;
    const broad = cells.some((c) => c.records > 0 && BROAD.has(levelOf.get(c.group) ?? ""));
    const specific = cells.some((c) => c.records > 0 && SPECIFIC.has(levelOf.get(c.group) ?? ""));
    rows.push({
      endpoint: e.code,
      label: e.label,
      cells,
      total: { ...summarise(row, nOf, levels), records: rowCounts.get(e.code) ?? 0 },
      href: `/${filtersToQuery({ ...filters, endpoint: [e.code], offset: 0 })}`,
      broadOnly: broad && !specific,
    });
  }
  return { columns, rows, levels };
}

/** "2 studies", "391 patients", "n unknown": the words of a count, for cells, titles and screen readers. */
export function countWords(c: EvidenceCount, locale: string = "en"): { studies: string; patients: string; records: string; full: string } {
  if (locale === "zh") return countWordsZh(c);
  const studies = `${c.studies} stud${c.studies === 1 ? "y" : "ies"}`;
  const patients =
    c.studies === 0 ? "" : c.studiesWithoutN === c.studies ? "n unknown" : `${c.patients.toLocaleString("en-GB")} patients${c.studiesWithoutN ? ` + ${c.studiesWithoutN} stud${c.studiesWithoutN === 1 ? "y" : "ies"} with n unknown` : ""}`;
  const records = `${c.records} record${c.records === 1 ? "" : "s"}`;
  return { studies, patients, records, full: [studies, patients, records].filter(Boolean).join(", ") };
}

/** The same counts in Chinese: "3 项研究，412 例患者，9 条记录". */
function countWordsZh(c: EvidenceCount): { studies: string; patients: string; records: string; full: string } {
  const studies = `${c.studies} 项研究`;
  const patients = c.studies === 0 ? "" : c.studiesWithoutN === c.studies ? "例数未知" : `${c.patients.toLocaleString("en-GB")} 例患者${c.studiesWithoutN ? ` + ${c.studiesWithoutN} 项研究例数未知` : ""}`;
  const records = `${c.records} 条记录`;
  return { studies, patients, records, full: [studies, patients, records].filter(Boolean).join("，") };
}
