// The shapes of a study, an effect record and a flag as the export, the API and the pages see
// them: one zod schema each, the TypeScript types inferred from them.
import { z } from "zod";

/**
 * error: a printed figure is impossible or contradicted inside its own paper (the paper is wrong
 * somewhere); warning: two printings or two sources disagree and the sources do not settle which is
 * right; note: a rounding-level difference, a later report updating an earlier one, a difference the
 * paper explains, a damaged printing whose reading is confirmed.
 */
export const FLAG_SEVERITIES = ["error", "warning", "note"] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];

export const flagSchema = z.object({
  code: z.string(),
  severity: z.enum(FLAG_SEVERITIES),
  /** One plain sentence a clinician understands: what is printed, where, and what is consistent. */
  summary: z.string(),
  /** The technical detail: method, figures, both places. */
  message: z.string(),
  locator: z.string().nullable(),
  otherEffectId: z.string().nullable(),
  otherLocator: z.string().nullable(),
  expected: z.string().nullable(),
});
export type FlagRecord = z.infer<typeof flagSchema>;

export const armRecordSchema = z.object({
  id: z.string(),
  label: z.string(),
  n: z.number().int().nullable(),
  molecularGroup: z.string().nullable(),
  treatment: z.string().nullable(),
});
export type ArmRecord = z.infer<typeof armRecordSchema>;

/** The citation of a publication: shared by a study and its other reports. */
const citationFields = {
  title: z.string().nullable(),
  authors: z.array(z.string()),
  journal: z.string().nullable(),
  year: z.number().int().nullable(),
  volume: z.string().nullable(),
  issue: z.string().nullable(),
  pages: z.string().nullable(),
  doi: z.string().nullable(),
  pmid: z.string().nullable(),
  url: z.string().nullable(),
  /** Why a DOI, PMID or URL is missing, where it is. */
  citationNote: z.string().nullable(),
};

export const reportRecordSchema = z.object({
  id: z.string(),
  label: z.string(),
  ...citationFields,
  authorsComplete: z.boolean(),
  /** The report this one updates: a report id, or "citation" for the study's main publication. */
  updates: z.string().nullable(),
});
export type ReportRecord = z.infer<typeof reportRecordSchema>;

export const studyRecordSchema = z.object({
  id: z.string(),
  shortName: z.string(),
  ...citationFields,
  authorsComplete: z.boolean(),
  reports: z.array(reportRecordSchema),
  design: z.string(),
  designLabel: z.string(),
  setting: z.string().nullable(),
  centres: z.string().nullable(),
  country: z.string().nullable(),
  enrolment: z.string().nullable(),
  n: z.number().int().nullable(),
  codonsTested: z.array(z.string()).nullable(),
  followUp: z.string().nullable(),
  /** The most direct source level among the study's records. */
  sourceLevel: z.string(),
  sourceLevels: z.array(z.string()),
  notes: z.string().nullable(),
  arms: z.array(armRecordSchema),
  effectCount: z.number().int(),
  flags: z.array(flagSchema),
});
export type StudyRecord = z.infer<typeof studyRecordSchema>;

export const effectRecordSchema = z.object({
  id: z.string(),
  studyId: z.string(),
  studyShortName: z.string(),
  recordId: z.string(),
  kind: z.enum(["contrast", "arm", "frequency", "p-only", "direction"]),
  endpoint: z.string(),
  endpointLabel: z.string(),
  /** time-to-event | favourable | unfavourable | neutral | descriptive: how to read its direction. */
  endpointRole: z.enum(["time-to-event", "favourable", "unfavourable", "neutral", "descriptive"]),
  measure: z.string().nullable(),
  value: z.number().nullable(),
  /** As printed. Where print is damaged, the numbers (value, ciLower …) hold the reading and readingReason says why. */
  valueText: z.string().nullable(),
  ciLower: z.number().nullable(),
  ciLowerText: z.string().nullable(),
  ciUpper: z.number().nullable(),
  ciUpperText: z.string().nullable(),
  ciLevel: z.number().nullable(),
  rangeLower: z.number().nullable(),
  rangeLowerText: z.string().nullable(),
  rangeUpper: z.number().nullable(),
  rangeUpperText: z.string().nullable(),
  /** Why the numbers differ from the printed text (a lost decimal point …); null where they do not. */
  readingReason: z.string().nullable(),
  /** As printed. */
  p: z.string().nullable(),
  test: z.string().nullable(),
  events: z.number().int().nullable(),
  total: z.number().int().nullable(),
  unit: z.string().nullable(),
  timepoint: z.string().nullable(),
  exposure: z.string().nullable(),
  reference: z.string().nullable(),
  /** The compared groups as codes (molecular group, treatment, factor level or arm id): exposure vs reference. */
  exposureGroup: z.string().nullable(),
  referenceGroup: z.string().nullable(),
  /** The arm, for arm-level values (its label). */
  group: z.string().nullable(),
  groupKey: z.string().nullable(),
  population: z.string(),
  analysis: z.string(),
  covariates: z.array(z.string()),
  treatment: z.string().nullable(),
  referenceTreatment: z.string().nullable(),
  molecularGroups: z.array(z.string()),
  /** The molecular level the finding was reported at. */
  reportedLevel: z.string(),
  comparison: z.string().nullable(),
  locator: z.string(),
  alsoAt: z.array(z.string()),
  document: z.string(),
  /** The publication the figure was read from, as a reader cites it (the citing review for a secondary figure). */
  publication: z.string(),
  publicationDoi: z.string().nullable(),
  sourceLevel: z.string(),
  citedAs: z.string().nullable(),
  report: z.string().nullable(),
  statement: z.string().nullable(),
  direction: z.string().nullable(),
  note: z.string().nullable(),
  sameAs: z.string().nullable(),
  computed: z.boolean(),
  computeMethod: z.string().nullable(),
  derivedFrom: z.array(z.string()),
  /** ln(ratio) and its SE from the printed CI (computed; ratio measures only). */
  logValue: z.number().nullable(),
  logSe: z.number().nullable(),
  flags: z.array(flagSchema),
});
export type EffectRecord = z.infer<typeof effectRecordSchema>;

export const datasetSchema = z.object({
  version: z.string(),
  studies: z.array(studyRecordSchema),
  effects: z.array(effectRecordSchema),
});
export type Dataset = z.infer<typeof datasetSchema>;
