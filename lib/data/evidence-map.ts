// The evidence map: endpoint x molecular group, counting records at the level they were reported.
// A row with records at RAS or KRAS level but none at codon or allele level shows where
// codon-specific evidence is missing.
import type { PrismaClient } from "../generated/prisma/client";
import { effectWhere } from "./find-effects";
import { filtersToQuery, type EffectFilters } from "./filters";
import type { AppVocabulary } from "./vocabulary";

export type MapCell = { group: string; count: number; href: string };
export type MapRow = { endpoint: string; label: string; cells: MapCell[]; total: number; broadOnly: boolean };
export type EvidenceMap = { columns: { code: string; label: string; level: string; depth: number }[]; rows: MapRow[] };

const SPECIFIC = new Set(["codon", "allele"]);
const BROAD = new Set(["gene-family", "gene"]);

export async function evidenceMap(db: PrismaClient, vocab: AppVocabulary, filters: EffectFilters): Promise<EvidenceMap> {
  const where = effectWhere({ ...filters, endpoint: [], group: [] }, vocab);
  const pairs = await db.effectMolecularGroup.findMany({ where: { effect: where }, select: { groupCode: true, effect: { select: { endpointCode: true } } } });
  const count = new Map<string, number>();
  for (const p of pairs) {
    const k = `${p.effect.endpointCode}|${p.groupCode}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const used = new Set(pairs.map((p) => p.groupCode));
  const columns = vocab.groups.filter((g) => used.has(g.code) || g.level === "codon" && (g.code === "KRAS-codon-12" || g.code === "KRAS-codon-13")).map((g) => ({ code: g.code, label: g.label, level: g.level, depth: g.depth }));
  const levelOf = new Map(columns.map((c) => [c.code, c.level]));
  const rows: MapRow[] = [];
  for (const e of vocab.endpoints) {
    const cells = columns.map((c) => ({
      group: c.code,
      count: count.get(`${e.code}|${c.code}`) ?? 0,
      href: `/${filtersToQuery({ ...filters, endpoint: [e.code], group: [c.code], offset: 0 })}`,
    }));
    const total = cells.reduce((s, c) => s + c.count, 0);
    if (total === 0) continue;
    const broad = cells.some((c) => c.count > 0 && BROAD.has(levelOf.get(c.group) ?? ""));
    const specific = cells.some((c) => c.count > 0 && SPECIFIC.has(levelOf.get(c.group) ?? ""));
    rows.push({ endpoint: e.code, label: e.label, cells, total, broadOnly: broad && !specific });
  }
  return { columns, rows };
}
