// Compare 2-4 studies: an endpoint x study matrix of the key figures, and beside it the
// differences that matter when reading them together (design, setting, population, arms,
// definitions, follow-up, source level).
import type { PrismaClient } from "../generated/prisma/client";
import type { EffectRecord, StudyRecord } from "../domain/records";
import { findStudy } from "./find-studies";
import type { AppVocabulary } from "./vocabulary";

export const MAX_COMPARE = 4;
const KIND_ORDER = { contrast: 0, arm: 1, frequency: 2, "p-only": 3, direction: 4 } as const;

export type CompareCell = { studyId: string; effects: EffectRecord[] };
export type CompareRow = { endpoint: string; label: string; cells: CompareCell[]; definitionNotes: string[] };
export type Difference = { label: string; values: string[] };
export type Comparison = { studies: StudyRecord[]; rows: CompareRow[]; differences: Difference[] };

export async function compareStudies(db: PrismaClient, vocab: AppVocabulary, studyIds: string[], endpoints: string[]): Promise<Comparison> {
  const loaded = (await Promise.all(studyIds.slice(0, MAX_COMPARE).map((id) => findStudy(db, id)))).filter((s): s is NonNullable<typeof s> => s !== null);
  // By default every outcome, plus allele spectra (studies are often compared on them).
  const wanted = (e: EffectRecord) => (endpoints.length ? endpoints.includes(e.endpoint) : e.endpointRole !== "descriptive" || e.endpoint === "mutation-frequency");
  const rows: CompareRow[] = [];
  for (const ep of vocab.endpoints) {
    const cells = loaded.map((s) => ({
      studyId: s.id,
      // Printed figures before computed ones; contrasts, then arms, then p-only and direction.
      effects: s.effects
        .filter((e) => e.endpoint === ep.code && wanted(e))
        .sort((a, b) => Number(a.computed) - Number(b.computed) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
    }));
    if (cells.every((c) => c.effects.length === 0)) continue;
    const definitionNotes = [
      ...new Set(
        cells.flatMap((c) =>
          c.effects
            .filter((e) => e.note && /RECIST|WHO|defin|criteria|≤|within \d+ months|R0|secondary resectab|competing/i.test(e.note))
            .map((e) => `${e.studyShortName}: ${e.note}`),
        ),
      ),
    ].slice(0, 6);
    rows.push({ endpoint: ep.code, label: ep.label, cells, definitionNotes });
  }
  const groupLabel = (c: string | null) => (c ? (vocab.groups.find((g) => g.code === c)?.label ?? c) : null);
  const treatmentLabel = (c: string | null) => (c ? (vocab.treatments.find((t) => t.code === c)?.label ?? c) : null);
  const differences: Difference[] = [
    { label: "Design", values: loaded.map((s) => s.designLabel) },
    { label: "Setting", values: loaded.map((s) => s.setting ?? "not stated") },
    { label: "Population (molecular)", values: loaded.map((s) => [...new Set(s.arms.map((a) => groupLabel(a.molecularGroup)).filter(Boolean))].join(", ") || [...new Set(s.effects.flatMap((e) => e.molecularGroups).map(groupLabel))].slice(0, 3).join(", ")) },
    { label: "N", values: loaded.map((s) => (s.n !== null ? String(s.n) : "not stated")) },
    { label: "Arms (n)", values: loaded.map((s) => s.arms.map((a) => `${a.label}${a.n !== null ? ` (${a.n})` : ""}${a.treatment ? ` — ${treatmentLabel(a.treatment)}` : ""}`).join("; ") || "—") },
    { label: "Enrolment", values: loaded.map((s) => s.enrolment ?? "not stated") },
    { label: "Follow-up", values: loaded.map((s) => s.followUp ?? "not stated") },
    { label: "Source levels", values: loaded.map((s) => s.sourceLevels.map((l) => vocab.labels.sourceLevel[l] ?? l).join("; ")) },
  ];
  return { studies: loaded, rows, differences };
}
