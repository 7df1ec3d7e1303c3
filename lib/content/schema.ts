// One definition per record type: the zod schemas for content files, with the TypeScript types
// inferred from them. Content YAML is parsed with the failsafe schema, so every scalar arrives as
// the text printed in the file; these schemas turn it into typed values and keep printed numbers
// as `Printed` (text + value + decimals).
import { z } from "zod";
import { parsePrinted, parsePrintedP, type Printed } from "./printed";

const NULL_WORDS = new Set(["null", "~", ""]);

/** A scalar that may be written as null / ~ / empty. */
const orNull = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (typeof v === "string" && NULL_WORDS.has(v.trim()) ? null : v), inner.nullable());

const MAX_TEXT = 5000;
const text = z.string().trim().min(1, { error: "must not be empty" }).max(MAX_TEXT, { error: `is longer than ${MAX_TEXT} characters` });
/** Names a reader sees in a list or a chart label. */
const shortText = z.string().trim().min(1, { error: "must not be empty" }).max(300, { error: "is longer than 300 characters (a short name or label)" });
const optText = orNull(text).optional().transform((v) => v ?? null);

const slug = z
  .string()
  .max(80, { error: "is longer than 80 characters" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "must be kebab-case (a-z, 0-9, single hyphens)" });

/** No figure in this literature needs more digits or a larger magnitude; beyond them a number is damage or a typo. */
const MAX_DIGITS = 12;
const MAX_MAGNITUDE = 1e7;
const printedNumber = z.string().transform((s, ctx): Printed => {
  const parsed = parsePrinted(s);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: `"${s.slice(0, 40)}" is not a number as printed (digits with an optional decimal point)` });
    return z.NEVER;
  }
  if (parsed.text.replace(/\D/g, "").length > MAX_DIGITS || !Number.isFinite(parsed.value) || Math.abs(parsed.value) > MAX_MAGNITUDE) {
    ctx.addIssue({ code: "custom", message: `"${s.slice(0, 40)}${s.length > 40 ? "…" : ""}" is not a plausible printed figure (at most ${MAX_DIGITS} digits, magnitude up to ${MAX_MAGNITUDE})` });
    return z.NEVER;
  }
  return parsed;
});
const optPrinted = orNull(printedNumber).optional().transform((v) => v ?? null);

const MAX_COUNT = 10_000_000;
const count = z.string().transform((s, ctx): number => {
  const parsed = parsePrinted(s);
  if (!parsed || parsed.decimals > 0 || parsed.value < 0 || parsed.value > MAX_COUNT) {
    ctx.addIssue({ code: "custom", message: `"${s.slice(0, 40)}" is not a whole number from 0 to ${MAX_COUNT}` });
    return z.NEVER;
  }
  return parsed.value;
});
const year = z.string().transform((s, ctx): number => {
  const n = Number(s);
  if (!/^\d{4}$/.test(s.trim()) || n < 1900 || n > 2100) {
    ctx.addIssue({ code: "custom", message: `"${s.slice(0, 40)}" is not a year from 1900 to 2100` });
    return z.NEVER;
  }
  return n;
});
const optCount = orNull(count).optional().transform((v) => v ?? null);

const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

const pValue = z.string().transform((s, ctx) => {
  const parsed = parsePrintedP(s);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: `"${s}" is not a p-value as printed (e.g. "<0.001", "0.03", ".04")` });
    return z.NEVER;
  }
  return parsed;
});

const textList = orNull(z.array(text)).optional().transform((v) => v ?? []);

export const SOURCE_LEVELS = ["primary-full-text", "primary-abstract", "conference-report", "news-report", "secondary"] as const;
export const EFFECT_KINDS = ["contrast", "arm", "frequency", "p-only", "direction"] as const;
export const MEASURES = ["HR", "OR", "RR", "RD", "MD", "median", "mean", "proportion", "percent-change", "count"] as const;
export const RATIO_MEASURES = new Set(["HR", "OR", "RR"]);
export const ANALYSES = ["univariable", "multivariable", "randomised", "descriptive", "not-reported"] as const;
export const DIRECTIONS = ["worse", "better", "higher", "lower", "shorter", "longer", "no-difference"] as const;

export const citationSchema = z.strictObject({
  authors: textList,
  authorsComplete: orNull(bool).optional().transform((v) => v ?? false),
  journal: optText,
  year: orNull(year).optional().transform((v) => v ?? null),
  volume: optText,
  issue: optText,
  pages: optText,
  doi: optText,
  pmid: orNull(z.string().regex(/^\d+$/, { error: "PMID must be digits only" })).optional().transform((v) => v ?? null),
  url: orNull(z.string().regex(/^https?:\/\/\S+$/, { error: "must be an http(s) address" })).optional().transform((v) => v ?? null),
  /** Where no DOI, PMID or URL could be found: what was searched and why it is missing. */
  citationNote: optText,
});
export type Citation = z.infer<typeof citationSchema>;

export const reportSchema = citationSchema.extend({
  id: slug,
  label: text,
  title: optText,
  /** The report this one updates (a later data cut, the full paper after a congress abstract): a report id, or "citation" for the study's main publication. */
  updates: optText,
});

export const armSchema = z.strictObject({
  id: slug,
  label: text,
  n: optCount,
  molecularGroup: optText,
  treatment: optText,
  note: optText,
});
export type ArmContent = z.infer<typeof armSchema>;

export const groupingSchema = z.strictObject({
  label: text,
  total: count,
  arms: z.array(slug).min(2, { error: "a grouping needs at least two arms" }),
  locator: optText,
});

/**
 * What a careful reader takes a damaged printing to be (a lost decimal point, a reversed bound).
 * The printed text stays in value/ciLower/...; the numbers everything computes from are these.
 * A field given as null means no reading is possible: its number is null.
 */
export const readingSchema = z.strictObject({
  value: optPrinted.optional(),
  ciLower: optPrinted.optional(),
  ciUpper: optPrinted.optional(),
  rangeLower: optPrinted.optional(),
  rangeUpper: optPrinted.optional(),
  reason: text,
});
export type ReadingContent = z.infer<typeof readingSchema>;
export const READABLE_FIELDS = ["value", "ciLower", "ciUpper", "rangeLower", "rangeUpper"] as const;

export const effectSchema = z
  .strictObject({
    id: slug,
    kind: z.enum(EFFECT_KINDS),
    endpoint: text,
    measure: orNull(z.enum(MEASURES)).optional().transform((v) => v ?? null),
    value: optPrinted,
    ciLower: optPrinted,
    ciUpper: optPrinted,
    ciLevel: optPrinted,
    rangeLower: optPrinted,
    rangeUpper: optPrinted,
    p: orNull(pValue).optional().transform((v) => v ?? null),
    test: optText,
    events: optCount,
    total: optCount,
    unit: optText,
    timepoint: optText,
    exposure: optText,
    reference: optText,
    /** The compared groups as codes: a molecular group, a treatment, a factor level (vocab/factors.yaml) or an arm id of the study. */
    exposureGroup: optText,
    referenceGroup: optText,
    group: optText,
    population: text,
    analysis: z.enum(ANALYSES),
    covariates: textList,
    treatment: optText,
    referenceTreatment: optText,
    molecularGroups: z.array(text),
    comparison: optText,
    locator: shortText,
    alsoAt: textList,
    document: optText,
    sourceLevel: orNull(z.enum(SOURCE_LEVELS)).optional().transform((v) => v ?? null),
    citedAs: optText,
    report: optText,
    statement: optText,
    sameAs: optText,
    direction: orNull(z.enum(DIRECTIONS)).optional().transform((v) => v ?? null),
    reading: orNull(readingSchema).optional().transform((v) => v ?? null),
    /** On the one of two disagreeing printings that the paper itself shows to be right, and why. */
    consistentPrinting: optText,
    /** Where the paper explains why this printing differs from another of the same quantity. */
    explainedDifference: optText,
    /** Where the paper's own figures show this printing is wrong (and what they give instead). */
    misprint: optText,
    note: optText,
  })
  .superRefine((e, ctx) => {
    const need = (field: keyof typeof e, why: string) => {
      if (e[field] === null || e[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `is required ${why}` });
    };
    if (e.kind === "contrast") {
      need("measure", "for a contrast (HR, OR, RR, RD, MD or percent-change)");
      need("value", "for a contrast");
      need("exposure", "for a contrast (the numerator group)");
      need("reference", "for a contrast (the comparator)");
    }
    if (e.kind === "arm" || e.kind === "frequency") {
      need("measure", `for an ${e.kind} record (median, mean, proportion, count ...)`);
      if (e.value === null && e.rangeLower === null && e.events === null)
        ctx.addIssue({ code: "custom", path: ["value"], message: "is required (or rangeLower/rangeUpper for a range, or events)" });
    }
    if (e.kind === "arm") need("group", "for an arm-level value (the arm id or the group's label)");
    if (e.kind === "p-only") {
      need("p", "for a p-only record");
      need("statement", "for a p-only record (what was compared, in words)");
    }
    if (e.kind === "direction") {
      need("direction", `for a direction record (${DIRECTIONS.join(", ")})`);
      need("statement", "for a direction record");
    }
    if ((e.ciLower === null) !== (e.ciUpper === null))
      ctx.addIssue({ code: "custom", path: ["ciUpper"], message: "ciLower and ciUpper go together" });
    if ((e.rangeLower === null) !== (e.rangeUpper === null))
      ctx.addIssue({ code: "custom", path: ["rangeUpper"], message: "rangeLower and rangeUpper go together" });
    if (e.events !== null && e.total !== null && e.events > e.total)
      ctx.addIssue({ code: "custom", path: ["events"], message: `events (${e.events}) exceed total (${e.total})` });
    if (e.measure === "proportion" && e.value !== null && (e.value.value < 0 || e.value.value > 100))
      ctx.addIssue({ code: "custom", path: ["value"], message: "a proportion is a percentage between 0 and 100" });
    if (e.measure === "proportion" && e.total === 0)
      ctx.addIssue({ code: "custom", path: ["total"], message: "is 0: a percentage of no patients is not a figure" });
    if (e.measure && RATIO_MEASURES.has(e.measure)) {
      if (e.value !== null && e.value.value <= 0) ctx.addIssue({ code: "custom", path: ["value"], message: `a ${e.measure} must be positive` });
      for (const f of ["ciLower", "ciUpper"] as const)
        if (e[f] !== null && e[f]!.value <= 0) ctx.addIssue({ code: "custom", path: [f], message: `a ${e.measure}'s confidence bound must be above 0` });
    }
    if (e.ciLevel !== null && (e.ciLevel.value < 50 || e.ciLevel.value > 99.9))
      ctx.addIssue({ code: "custom", path: ["ciLevel"], message: `is ${e.ciLevel.text}; a confidence level is a percentage from 50 to 99.9` });
    // Durations (medians, means of time) cannot be negative; differences can.
    if ((e.measure === "median" || e.measure === "mean") && /^(month|year|week|day)/i.test(e.unit ?? ""))
      for (const f of ["value", "ciLower", "ciUpper", "rangeLower", "rangeUpper"] as const)
        if (e[f] !== null && e[f]!.value < 0) ctx.addIssue({ code: "custom", path: [f], message: `is ${e[f]!.text}: a duration in ${e.unit} cannot be negative` });
    if (e.kind === "contrast" || e.kind === "p-only" || e.kind === "direction") {
      need("exposureGroup", "for a comparison (a molecular-group, treatment or factor code, or an arm id: the numerator group)");
      need("referenceGroup", "for a comparison (the comparator's code)");
    }
    if ((e.kind === "arm" || e.kind === "frequency") && e.analysis !== "descriptive")
      ctx.addIssue({ code: "custom", path: ["analysis"], message: `is "${e.analysis}"; an arm-level value or frequency is descriptive (univariable, multivariable and randomised describe comparisons)` });
    if (e.reading)
      for (const f of READABLE_FIELDS)
        if (e.reading[f] !== undefined && e[f] === null)
          ctx.addIssue({ code: "custom", path: ["reading", f], message: `reads a ${f} that was not printed; a reading interprets a printed figure` });
    if (e.sourceLevel === "secondary" && !e.citedAs)
      ctx.addIssue({ code: "custom", path: ["citedAs"], message: "is required for a secondary record (the reference as the citing document gives it)" });
  });
export type EffectContent = z.infer<typeof effectSchema>;

export const studySchema = z.strictObject({
  id: slug,
  shortName: shortText,
  title: optText,
  citation: citationSchema,
  reports: orNull(z.array(reportSchema)).optional().transform((v) => v ?? []),
  design: text,
  setting: optText,
  centres: optText,
  country: optText,
  enrolment: optText,
  n: optCount,
  codonsTested: orNull(z.array(text)).optional().transform((v) => v ?? null),
  followUp: optText,
  sourceLevel: z.enum(SOURCE_LEVELS),
  document: text,
  arms: orNull(z.array(armSchema)).optional().transform((v) => v ?? []),
  groupings: orNull(z.array(groupingSchema)).optional().transform((v) => v ?? []),
  notes: optText,
  effects: z.array(effectSchema).min(1, { error: "a study needs at least one effect record" }),
});
export type StudyContent = z.infer<typeof studySchema>;

// Questions for a Summary of Findings (GRADE): population, factor or intervention vs comparator,
// outcomes with their importance and the thresholds that make an effect important.
export const QUESTION_KINDS = ["prognostic", "intervention"] as const;
export const IMPORTANCE = ["critical", "important"] as const;
export const GRADE_DOMAINS = ["riskOfBias", "inconsistency", "indirectness", "imprecision", "publicationBias"] as const;
export const GRADE_RATINGS = ["not serious", "serious", "very serious", "extremely serious", "not applicable"] as const;

const positive = z.string().transform((s, ctx): number => {
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0) {
    ctx.addIssue({ code: "custom", message: `"${s}" is not a positive number` });
    return z.NEVER;
  }
  return n;
});

export const overrideSchema = z.strictObject({
  domain: z.enum(GRADE_DOMAINS),
  rating: z.enum(GRADE_RATINGS),
  levels: z.enum(["0", "1", "2", "3"]).transform(Number),
  reason: text,
});

export const questionOutcomeSchema = z.strictObject({
  endpoint: text,
  importance: z.enum(IMPORTANCE),
  /** The ratio the question is answered in; where absent, the one with most studies. */
  measure: orNull(z.enum(["HR", "OR", "RR"])).optional().transform((v) => v ?? null),
  /** Effects beyond these (ratio scale) are important: e.g. 0.8 and 1.25. */
  thresholds: z.strictObject({ lower: positive, upper: positive, rationale: text }),
  /** The comparator's risk or median for absolute effects: a record whose figure is the comparator's. */
  baseline: orNull(z.strictObject({ record: text, rationale: text })).optional().transform((v) => v ?? null),
  /** A curator's rating replacing the computed one, with a written reason (shown as an override). */
  overrides: orNull(z.array(overrideSchema)).optional().transform((v) => v ?? []),
  note: optText,
});

export const questionSchema = z.strictObject({
  id: slug,
  title: text,
  /** The title in Simplified Chinese, for the Chinese interface; the English title where absent. */
  titleZh: optText,
  kind: z.enum(QUESTION_KINDS),
  population: text,
  /** The population in Simplified Chinese, likewise. */
  populationZh: optText,
  /** The pooling setting the question is about (lib/pooling/context.ts), or null for any. */
  setting: optText,
  exposure: text,
  reference: text,
  /** Plain words for the statement: "RAS mutation", "adding bevacizumab to a doublet". */
  exposureWords: text,
  /** The same words in Simplified Chinese, for the statement on the Chinese interface ("RAS 突变"); exposureWords when absent. */
  exposureWordsZh: optText,
  /** For intervention questions: the molecular population asked about (RAS); records of a wider population are indirect. */
  populationGroup: optText,
  /** Record filters beside the endpoint (molecular groups, treatments, studies). */
  filters: orNull(
    z.strictObject({
      group: textList,
      treatment: textList,
      study: textList,
    }),
  )
    .optional()
    .transform((v) => v ?? { group: [], treatment: [], study: [] }),
  outcomes: z.array(questionOutcomeSchema).min(1),
  note: optText,
});
export type QuestionContent = z.infer<typeof questionSchema>;

// Risk of bias per study (QUIPS for prognostic-factor studies, RoB 2 for randomised trials,
// ROBINS-I for non-randomised intervention comparisons), reconciled from two assessments.
export const ROB_TOOLS = ["QUIPS", "RoB2", "ROBINS-I", "none"] as const;
export const ROB_DOMAINS: Record<(typeof ROB_TOOLS)[number], readonly string[]> = {
  QUIPS: ["participation", "attrition", "factorMeasurement", "outcomeMeasurement", "confounding", "analysis"],
  RoB2: ["randomisation", "deviations", "missingData", "outcomeMeasurement", "selection"],
  "ROBINS-I": ["confounding", "selection", "classification", "deviations", "missingData", "outcomeMeasurement", "reportedResult"],
  none: [],
};
/** Judgements from least to most concern; the index is the seriousness (0 low … 3 critical). */
export const ROB_JUDGEMENTS = ["low", "moderate", "some-concerns", "high", "serious", "critical", "not-applicable"] as const;
const judgement = z.strictObject({ judgement: z.enum(ROB_JUDGEMENTS), reason: text, locator: optText });
export const riskOfBiasSchema = z.strictObject({
  study: slug,
  tool: z.enum(ROB_TOOLS),
  /** The outcomes the assessment covers (endpoint codes), or [all]. */
  outcomes: z.array(text).min(1),
  basis: text,
  domains: z.record(z.string(), judgement),
  overall: judgement,
  outcomeExceptions: orNull(z.array(z.strictObject({ outcome: text, domain: text, judgement: z.enum(ROB_JUDGEMENTS), reason: text }))).optional().transform((v) => v ?? []),
  reconciliation: text,
});
export type RiskOfBiasContent = z.infer<typeof riskOfBiasSchema>;

// Vocabularies
/** The label in Simplified Chinese, beside the English one (the interface's language switch shows it). */
const labelZh = optText;
const synonyms = orNull(z.array(z.string())).optional().transform((v) => v ?? []);
/** What a higher value, or a ratio above 1, means for the patient (content/vocab/endpoints.yaml). */
export const ENDPOINT_ROLES = ["time-to-event", "favourable", "unfavourable", "neutral", "descriptive"] as const;
export type EndpointRole = (typeof ENDPOINT_ROLES)[number];
export const endpointVocabSchema = z.array(
  z.strictObject({ code: z.string().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/), role: z.enum(ENDPOINT_ROLES), label: text, labelZh, definition: text, synonyms }),
);
export const treatmentVocabSchema = z.array(
  z.strictObject({
    code: z.string().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/),
    label: text,
    labelZh,
    class: text,
    /** What a regimen is made of or belongs to (FOLFOX + bevacizumab: FOLFOX, bevacizumab, doublet + bevacizumab). */
    parents: orNull(z.array(text)).optional().transform((v) => v ?? []),
    synonyms,
  }),
);
export const MOLECULAR_LEVELS = ["gene-family", "gene", "codon", "allele", "wild-type", "unselected"] as const;
export const molecularVocabSchema = z.array(
  z.strictObject({
    code: z.string().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/),
    label: text,
    labelZh,
    parent: orNull(text),
    level: z.enum(MOLECULAR_LEVELS),
    synonyms,
  }),
);
/** Levels of non-molecular factors compared in a record (tumour size > 5 cm vs ≤ 5 cm, right vs left side). */
export const factorVocabSchema = z.array(z.strictObject({ code: slug, label: text, labelZh, factor: text }));
export const designVocabSchema = z.array(z.strictObject({ code: slug, label: text, labelZh }));
export const sourceLevelVocabSchema = z.array(z.strictObject({ code: z.enum(SOURCE_LEVELS), label: text, labelZh, rank: count }));
/**
 * A document records are read from. `file` is where the text sits in ../shared (internal, never shown);
 * a reader sees the publication: the citation of `study` (a study's own full text) or `citation`.
 */
export const documentVocabSchema = z.array(
  z.strictObject({
    code: slug,
    /** null: read online, no local copy (the publication's URL says where). */
    file: optText,
    label: text,
    study: optText,
    citation: orNull(citationSchema.extend({ title: optText })).optional().transform((v) => v ?? null),
  }),
);

export type Vocab = {
  endpoints: z.infer<typeof endpointVocabSchema>;
  treatments: z.infer<typeof treatmentVocabSchema>;
  molecularGroups: z.infer<typeof molecularVocabSchema>;
  designs: z.infer<typeof designVocabSchema>;
  sourceLevels: z.infer<typeof sourceLevelVocabSchema>;
  documents: z.infer<typeof documentVocabSchema>;
  factors: z.infer<typeof factorVocabSchema>;
};
