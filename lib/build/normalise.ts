// Content (as written by people) -> flat records (as the database, the export and the API see
// them). Defaults are resolved here: a record without its own document or source level takes the
// study's; the reported molecular level is derived from the record's groups.
import type { ContentSet } from "../content/load";
import type { EffectContent, EndpointRole, StudyContent } from "../content/schema";
import type { EffectRecord, StudyRecord } from "../domain/records";
import { RATIO_MEASURES } from "../content/schema";
import { logRatioFromCi } from "../stats/effect-sizes";

const LEVEL_SPECIFICITY = ["allele", "codon", "gene", "gene-family", "wild-type", "unselected"] as const;

export function reportedLevel(groups: string[], levelOf: Map<string, string>): string {
  const levels = groups.map((g) => levelOf.get(g)).filter((l): l is string => Boolean(l));
  for (const level of LEVEL_SPECIFICITY) if (levels.includes(level)) return level;
  return "none";
}

function armLabel(study: StudyContent, key: string | null): string | null {
  if (!key) return null;
  return study.arms.find((a) => a.id === key)?.label ?? key;
}

export function normaliseEffect(
  study: StudyContent,
  e: EffectContent,
  ctx: { endpointLabel: Map<string, string>; endpointRole: Map<string, EndpointRole>; levelOf: Map<string, string> },
): EffectRecord {
  const ratio = e.measure !== null && RATIO_MEASURES.has(e.measure);
  let logValue: number | null = null;
  let logSe: number | null = null;
  if (ratio && e.value && e.value.value > 0) {
    logValue = Math.log(e.value.value);
    if (e.ciLower && e.ciUpper && e.ciLower.value > 0 && e.ciUpper.value > e.ciLower.value)
      logSe = logRatioFromCi(e.value.value, e.ciLower.value, e.ciUpper.value, e.ciLevel?.value ?? 95).se;
  }
  return {
    id: `${study.id}/${e.id}`,
    studyId: study.id,
    studyShortName: study.shortName,
    recordId: e.id,
    kind: e.kind,
    endpoint: e.endpoint,
    endpointLabel: ctx.endpointLabel.get(e.endpoint) ?? e.endpoint,
    endpointRole: ctx.endpointRole.get(e.endpoint) ?? "neutral",
    measure: e.measure,
    value: e.value?.value ?? null,
    valueText: e.value?.text ?? null,
    ciLower: e.ciLower?.value ?? null,
    ciLowerText: e.ciLower?.text ?? null,
    ciUpper: e.ciUpper?.value ?? null,
    ciUpperText: e.ciUpper?.text ?? null,
    ciLevel: e.ciLower ? (e.ciLevel?.value ?? 95) : null,
    rangeLower: e.rangeLower?.value ?? null,
    rangeLowerText: e.rangeLower?.text ?? null,
    rangeUpper: e.rangeUpper?.value ?? null,
    rangeUpperText: e.rangeUpper?.text ?? null,
    p: e.p?.text ?? null,
    test: e.test,
    events: e.events,
    total: e.total,
    unit: e.unit,
    timepoint: e.timepoint,
    exposure: e.exposure,
    reference: e.reference,
    group: armLabel(study, e.group),
    groupKey: e.group,
    population: e.population,
    analysis: e.analysis,
    covariates: e.covariates,
    treatment: e.treatment,
    referenceTreatment: e.referenceTreatment,
    molecularGroups: e.molecularGroups,
    reportedLevel: reportedLevel(e.molecularGroups, ctx.levelOf),
    comparison: e.comparison,
    locator: e.locator,
    alsoAt: e.alsoAt,
    document: e.document ?? study.document,
    sourceLevel: e.sourceLevel ?? study.sourceLevel,
    citedAs: e.citedAs,
    report: e.report,
    statement: e.statement,
    direction: e.direction,
    note: e.note,
    sameAs: e.sameAs ? (e.sameAs.includes("/") ? e.sameAs : `${study.id}/${e.sameAs}`) : null,
    computed: false,
    computeMethod: null,
    derivedFrom: [],
    logValue,
    logSe,
    flags: [],
  };
}

export function normaliseStudy(
  study: StudyContent & { file: string },
  effects: EffectRecord[],
  ctx: { designLabel: Map<string, string>; levelRank: Map<string, number> },
): StudyRecord {
  const levels = [...new Set(effects.map((e) => e.sourceLevel))].sort(
    (a, b) => (ctx.levelRank.get(a) ?? 99) - (ctx.levelRank.get(b) ?? 99),
  );
  const c = study.citation;
  return {
    id: study.id,
    shortName: study.shortName,
    title: study.title,
    authors: c.authors,
    authorsComplete: c.authorsComplete,
    journal: c.journal,
    year: c.year,
    volume: c.volume,
    issue: c.issue,
    pages: c.pages,
    doi: c.doi,
    pmid: c.pmid,
    reports: study.reports.map((r) => ({
      id: r.id,
      label: r.label,
      title: r.title,
      authors: r.authors,
      journal: r.journal,
      year: r.year,
      volume: r.volume,
      issue: r.issue,
      pages: r.pages,
      doi: r.doi,
      pmid: r.pmid,
    })),
    design: study.design,
    designLabel: ctx.designLabel.get(study.design) ?? study.design,
    setting: study.setting,
    centres: study.centres,
    country: study.country,
    enrolment: study.enrolment,
    n: study.n,
    codonsTested: study.codonsTested,
    followUp: study.followUp,
    sourceLevel: levels[0] ?? study.sourceLevel,
    sourceLevels: levels,
    notes: study.notes,
    arms: study.arms.map((a) => ({ id: a.id, label: a.label, n: a.n, molecularGroup: a.molecularGroup, treatment: a.treatment })),
    file: study.file,
    effectCount: effects.length,
    flags: [],
  };
}

export type Normalised = { studies: StudyRecord[]; effects: EffectRecord[]; groupings: GroupingRecord[] };
export type GroupingRecord = { studyId: string; label: string; total: number; locator: string | null; arms: { id: string; label: string; n: number | null }[] };

export function normalise(content: ContentSet): Normalised {
  const endpointLabel = new Map(content.vocab.endpoints.map((e) => [e.code, e.label]));
  const endpointRole = new Map(content.vocab.endpoints.map((e) => [e.code, e.role]));
  const levelOf = new Map(content.vocab.molecularGroups.map((g) => [g.code, g.level]));
  const designLabel = new Map(content.vocab.designs.map((d) => [d.code, d.label]));
  const levelRank = new Map(content.vocab.sourceLevels.map((l) => [l.code, l.rank]));
  const studies: StudyRecord[] = [];
  const effects: EffectRecord[] = [];
  const groupings: GroupingRecord[] = [];
  for (const study of content.studies) {
    const own = study.effects.map((e) => normaliseEffect(study, e, { endpointLabel, endpointRole, levelOf }));
    effects.push(...own);
    studies.push(normaliseStudy(study, own, { designLabel, levelRank }));
    for (const g of study.groupings)
      groupings.push({
        studyId: study.id,
        label: g.label,
        total: g.total,
        locator: g.locator,
        arms: g.arms.map((id) => {
          const arm = study.arms.find((a) => a.id === id);
          return { id, label: arm?.label ?? id, n: arm?.n ?? null };
        }),
      });
  }
  return { studies, effects, groupings };
}
