// Writes a built dataset into a new SQLite file: tables from prisma/migrations (the same SQL that
// `prisma migrate` applies), rows through Prisma Client. Used by scripts/db-build.ts.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import type { ContentSet } from "../content/load";
import type { BuiltDataset } from "../build/dataset";
import { MIGRATIONS_DIR } from "./paths";
import { searchTextFor } from "../domain/search-text";
import { comparisonKey } from "../build/comparisons";
import { parsePrintedP } from "../content/printed";

export function applyMigrations(file: string, dir = MIGRATIONS_DIR): string[] {
  const db = new Database(file);
  try {
    const applied: string[] = [];
    for (const name of readdirSync(dir).filter((d) => existsSync(path.join(dir, d, "migration.sql"))).sort()) {
      db.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
      applied.push(name);
    }
    return applied;
  } finally {
    db.close();
  }
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * Every treatment named in a record's comparison, as "|a|b|". Filtering by a treatment then keeps
 * both arms of a comparison that involves it (FOLFOXIRI + bev vs doublet + bev shows the doublet arm).
 */
export function comparisonTreatments(effects: BuiltDataset["effects"], parents: Map<string, string[]> = new Map()): Map<string, string> {
  // A regimen stands also for what it is made of and the classes it belongs to: filtering by
  // bevacizumab finds FOLFOX + bevacizumab, FOLFOXIRI + bevacizumab, doublet + bevacizumab …
  const withAncestors = (code: string): string[] => {
    const seen = new Set<string>();
    const stack = [code];
    while (stack.length) {
      const at = stack.pop()!;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(parents.get(at) ?? []));
    }
    return [...seen];
  };
  const byComparison = new Map<string, Set<string>>();
  const key = comparisonKey;
  for (const e of effects) {
    const k = key(e);
    if (!k) continue;
    const set = byComparison.get(k) ?? new Set<string>();
    for (const t of [e.treatment, e.referenceTreatment]) if (t) withAncestors(t).forEach((a) => set.add(a));
    byComparison.set(k, set);
  }
  const out = new Map<string, string>();
  for (const e of effects) {
    const k = key(e);
    const own = [e.treatment, e.referenceTreatment].filter((t): t is string => Boolean(t)).flatMap(withAncestors);
    const all = new Set([...own, ...(k ? (byComparison.get(k) ?? []) : [])]);
    out.set(e.id, all.size ? `|${[...all].sort().join("|")}|` : "");
  }
  return out;
}

function groupPaths(vocab: ContentSet["vocab"]): Map<string, string> {
  const parent = new Map(vocab.molecularGroups.map((g) => [g.code, g.parent]));
  const paths = new Map<string, string>();
  for (const g of vocab.molecularGroups) {
    const chain: string[] = [];
    // The vocabulary is checked for cycles before a build; the visited test keeps this loop finite regardless.
    let cur: string | null | undefined = g.code;
    while (cur && !chain.includes(cur)) {
      chain.unshift(cur);
      cur = parent.get(cur) ?? null;
    }
    paths.set(g.code, `/${chain.join("/")}/`);
  }
  return paths;
}

export async function writeDatabase(file: string, content: ContentSet, dataset: BuiltDataset): Promise<void> {
  applyMigrations(file);
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file }) });
  try {
    const { vocab } = content;
    const paths = groupPaths(vocab);
    await prisma.endpoint.createMany({
      data: vocab.endpoints.map((e, i) => ({ code: e.code, role: e.role, label: e.label, definition: e.definition, synonyms: json(e.synonyms), sortOrder: i })),
    });
    await prisma.treatment.createMany({
      data: vocab.treatments.map((t, i) => ({ code: t.code, label: t.label, class: t.class, parents: json(t.parents), synonyms: json(t.synonyms), sortOrder: i })),
    });
    await prisma.question.createMany({ data: content.questions.map((q, i) => ({ id: q.id, title: q.title, kind: q.kind, definition: json(q), sortOrder: i })) });
    await prisma.riskOfBias.createMany({ data: content.riskOfBias.map((r) => ({ studyId: r.study, tool: r.tool, assessment: json(r) })) });
    await prisma.molecularGroup.createMany({
      data: vocab.molecularGroups.map((g, i) => ({ code: g.code, label: g.label, parentCode: g.parent, level: g.level, path: paths.get(g.code)!, synonyms: json(g.synonyms), sortOrder: i })),
    });
    await prisma.design.createMany({ data: vocab.designs.map((d, i) => ({ code: d.code, label: d.label, sortOrder: i })) });
    await prisma.sourceLevel.createMany({ data: vocab.sourceLevels.map((l) => ({ code: l.code, label: l.label, rank: l.rank })) });
    await prisma.study.createMany({
      data: dataset.studies.map((s, i) => ({
        id: s.id,
        shortName: s.shortName,
        title: s.title,
        authors: json(s.authors),
        authorsComplete: s.authorsComplete,
        journal: s.journal,
        year: s.year,
        volume: s.volume,
        issue: s.issue,
        pages: s.pages,
        doi: s.doi,
        pmid: s.pmid,
        url: s.url,
        citationNote: s.citationNote,
        reports: json(s.reports),
        design: s.design,
        setting: s.setting,
        centres: s.centres,
        country: s.country,
        enrolment: s.enrolment,
        n: s.n,
        codonsTested: s.codonsTested ? json(s.codonsTested) : null,
        followUp: s.followUp,
        sourceLevel: s.sourceLevel,
        sourceLevels: json(s.sourceLevels),
        notes: s.notes,
        sortOrder: i,
      })),
    });
    await prisma.arm.createMany({
      data: dataset.studies.flatMap((s) =>
        s.arms.map((a, i) => ({ id: `${s.id}/${a.id}`, studyId: s.id, armKey: a.id, label: a.label, n: a.n, molecularGroup: a.molecularGroup, treatment: a.treatment, sortOrder: i })),
      ),
    });
    const studyById = new Map(dataset.studies.map((s) => [s.id, s]));
    const treatments = comparisonTreatments(dataset.effects, new Map(vocab.treatments.map((t) => [t.code, t.parents])));
    await prisma.effect.createMany({
      data: dataset.effects.map((e, i) => ({
        id: e.id,
        studyId: e.studyId,
        recordId: e.recordId,
        kind: e.kind,
        endpointCode: e.endpoint,
        measure: e.measure,
        value: e.value,
        valueText: e.valueText,
        ciLower: e.ciLower,
        ciLowerText: e.ciLowerText,
        ciUpper: e.ciUpper,
        ciUpperText: e.ciUpperText,
        ciLevel: e.ciLevel,
        rangeLower: e.rangeLower,
        rangeLowerText: e.rangeLowerText,
        rangeUpper: e.rangeUpper,
        rangeUpperText: e.rangeUpperText,
        readingReason: e.readingReason,
        p: e.p,
        pValue: e.p ? (parsePrintedP(e.p)?.value ?? null) : null,
        pRelation: e.p ? (parsePrintedP(e.p)?.relation ?? null) : null,
        test: e.test,
        events: e.events,
        total: e.total,
        unit: e.unit,
        timepoint: e.timepoint,
        exposure: e.exposure,
        reference: e.reference,
        exposureGroup: e.exposureGroup,
        referenceGroup: e.referenceGroup,
        groupKey: e.groupKey,
        groupLabel: e.group,
        population: e.population,
        analysis: e.analysis,
        covariates: json(e.covariates),
        treatment: e.treatment,
        referenceTreatment: e.referenceTreatment,
        treatments: treatments.get(e.id)!,
        reportedLevel: e.reportedLevel,
        comparison: e.comparison,
        locator: e.locator,
        alsoAt: json(e.alsoAt),
        document: e.document,
        publication: e.publication,
        publicationDoi: e.publicationDoi,
        sourceLevel: e.sourceLevel,
        citedAs: e.citedAs,
        report: e.report,
        statement: e.statement,
        direction: e.direction,
        note: e.note,
        sameAs: e.sameAs,
        computed: e.computed,
        computeMethod: e.computeMethod,
        derivedFrom: e.derivedFrom.length ? json(e.derivedFrom) : null,
        logValue: e.logValue,
        logSe: e.logSe,
        searchText: searchTextFor(e, studyById.get(e.studyId)!, vocab),
        sortOrder: i,
      })),
    });
    await prisma.effectMolecularGroup.createMany({
      data: dataset.effects.flatMap((e) => [...new Set(e.molecularGroups)].map((g) => ({ effectId: e.id, groupCode: g }))),
    });
    await prisma.flag.createMany({
      data: dataset.checkFlags.map((f) => ({
        code: f.code,
        severity: f.severity,
        summary: f.summary,
        message: f.message,
        studyId: f.studyId,
        effectId: f.effectId,
        locator: f.locator,
        otherEffectId: f.otherEffectId,
        otherLocator: f.otherLocator,
        expected: f.expected,
      })),
    });
    await prisma.datasetMeta.createMany({
      data: [
        { key: "version", value: dataset.version },
        { key: "studies", value: String(dataset.studies.length) },
        { key: "effects", value: String(dataset.effects.length) },
        { key: "flags", value: String(dataset.checkFlags.length) },
        { key: "citingDocuments", value: JSON.stringify(dataset.citingDocuments) },
      ],
    });
  } finally {
    await prisma.$disconnect();
  }
}
