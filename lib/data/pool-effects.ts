// /api/pool and the browser's pooled forest plots: the effect list's records for a set of filters,
// pooled with guard rails (lib/pooling). The only code that reads the database for pooling.
import type { PrismaClient } from "../generated/prisma/client";
import { FilterError, type EffectFilters } from "./filters";
import { clipValue, ignored as note, type Ignored } from "./ignored";
import { applyQuery } from "./find-effects";
import { findStudies } from "./find-studies";
import { databaseFileOf } from "../db/open";
import { countEffects, effectBatches } from "./sql";
import type { AppVocabulary } from "./vocabulary";
import { INTERVAL_METHODS, POOLING_METHODS, SUBGROUP_KEYS, poolRecords, type PoolOptions, type PoolResult, type Refusal } from "../pooling/pool";
import { poolingContext, studyFacts } from "../pooling/context";
import type { EndpointRole } from "../content/schema";
import type { EffectRecord } from "../domain/records";

const ANALYSIS_CHOICES = ["multivariable", "univariable", "randomised"] as const;

function oneOf<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[], fallback: T | null): T | null {
  const v = params.get(key);
  if (v === null || v === "") return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new FilterError(key, allowed.join(", "), `unknown ${key} "${v}"`);
  return v as T;
}

/** The pooling parameters, strictly (a bad value is a 400 naming the parameter and what is allowed). */
export function parsePoolOptions(params: URLSearchParams): PoolOptions {
  const comparison = params.get("comparison");
  let pair: PoolOptions["comparison"] = null;
  if (comparison) {
    const m = /^([A-Za-z0-9-]{1,60}):([A-Za-z0-9-]{1,60})$/.exec(comparison);
    if (!m || m[1] === m[2]) throw new FilterError("comparison", "EXPOSURE:REFERENCE, two different group codes (e.g. RAS:RAS-wt, FOLFOXIRI-bev:doublet-bev)", `comparison "${comparison.slice(0, 80)}" is not EXPOSURE:REFERENCE`);
    pair = { exposure: m[1]!, reference: m[2]! };
  }
  return {
    method: oneOf(params, "method", POOLING_METHODS, "REML")!,
    ci: oneOf(params, "ci", INTERVAL_METHODS, "hksj")!,
    analysis: oneOf(params, "analysis", ANALYSIS_CHOICES, null),
    comparison: pair,
    by: oneOf(params, "by", SUBGROUP_KEYS, null),
  };
}

export async function poolForFilters(db: PrismaClient, vocab: AppVocabulary, filters: EffectFilters, options: PoolOptions): Promise<PoolResult> {
  return (await poolVariants(db, vocab, filters, [options])).results[0]!;
}

/** What the guard rails need from the app's vocabularies. */
export function appPoolingContext(vocab: AppVocabulary) {
  return poolingContext({
    treatments: vocab.treatments,
    groups: vocab.groups.map((g) => ({ code: g.code, parent: g.parentCode, level: g.level })),
    sourceLevels: vocab.sourceLevels.map((l) => l.code),
  });
}

/** The pooling parameters a link may carry beside the filters. */
export const POOL_PARAMETERS = ["method", "ci", "analysis", "comparison", "by"] as const;

/**
 * The pooling parameters, leniently (for /pool and links from the browser): a bad value is dropped,
 * the default used, and the reason returned in `ignored` for the page to say so.
 */
export function parsePoolOptionsLenient(params: URLSearchParams): { options: PoolOptions; ignored: Ignored[] } {
  const kept = new URLSearchParams();
  const ignored: Ignored[] = [];
  for (const key of POOL_PARAMETERS) {
    const value = params.get(key);
    if (value === null || value === "") continue;
    try {
      parsePoolOptions(new URLSearchParams({ [key]: value }));
      kept.set(key, value);
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      ignored.push(note(key, value, `${error.message.replace(/ ".*"/s, "")}; allowed: ${clipValue(error.allowed, 200)}`));
    }
  }
  return { options: parsePoolOptions(kept), ignored };
}

/**
 * One read of the records for a set of filters, pooled under several options (the page sets its
 * HKSJ interval beside the Wald one), with the compared groups' labels as the records print them
 * (factor levels have no vocabulary label in the app) and the endpoint's role.
 */
/**
 * The most records one pooled view reads. A pool is one endpoint, measure and comparison; a view
 * matching more records than this (at 200,000 records, "every OS record") is not a question pooling
 * answers, and reading it would hold the request for seconds: such a view is refused with the count
 * and what to narrow.
 */
export const POOL_RECORD_LIMIT = 5000;

/** The record limit's refusal: in English for the API, and as a message key (pool.refusal.recordLimit) for the pages. */
export function recordLimitRefusal(matching: number, limit: number): { refused: string; refusal: Refusal } {
  return {
    refused: `${matching} records match these filters, more than the ${limit} one pooled view reads: choose an endpoint, a measure and a comparison (or fewer studies) to pool.`,
    // Strings: the figures as the English prints them (no thousands separator in either language).
    refusal: { code: "recordLimit", values: { matching: String(matching), limit: String(limit) } },
  };
}

export async function poolVariants(
  db: PrismaClient,
  vocab: AppVocabulary,
  filters: EffectFilters,
  options: PoolOptions[],
  recordLimit = POOL_RECORD_LIMIT,
): Promise<{ results: PoolResult[]; printedLabels: Record<string, string>; endpointRoles: Record<string, EndpointRole> }> {
  const file = databaseFileOf(db);
  const { filters: applied, interpretation } = applyQuery({ ...filters, offset: 0 }, vocab);
  const freeText = interpretation?.freeText ?? [];
  const context = appPoolingContext(vocab);
  const matching = countEffects(applied, freeText, { file });
  if (matching > recordLimit) {
    const { refused, refusal } = recordLimitRefusal(matching, recordLimit);
    return { results: options.map((o) => ({ ...poolRecords([], new Map(), o, context), refused, refusal })), printedLabels: {}, endpointRoles: {} };
  }
  const data: EffectRecord[] = [];
  for (const batch of effectBatches(applied, freeText, 1000, { file })) data.push(...batch);
  const studies = await findStudies(db, [...new Set(data.map((e) => e.studyId))]);
  const facts = studyFacts(studies);
  const printedLabels: Record<string, string> = {};
  const endpointRoles: Record<string, EndpointRole> = {};
  for (const e of data) {
    if (e.exposureGroup && e.exposure) printedLabels[e.exposureGroup] ??= e.exposure;
    if (e.referenceGroup && e.reference) printedLabels[e.referenceGroup] ??= e.reference;
    endpointRoles[e.endpoint] ??= e.endpointRole;
  }
  return { results: options.map((o) => poolRecords(data, facts, o, context)), printedLabels, endpointRoles };
}
