// The list's entries, one per estimate: a page's records folded as the charts fold them
// (lib/data/chart-records.ts foldEstimates: sameAs and report-update links, the best drawable source
// leads), with the page's other printings' figures named on the lead's entry. A printing on the page
// whose lead is on another page folds under that lead, read for the page (lib/data/sql printingMates);
// the page's records stay countable: `folded` says how many of them are shown as a copy.
import type { EffectRecord, FlagRecord, StudyRecord } from "../domain/records";
import { foldEstimates, printedWhere } from "./chart-records";

type Listed = EffectRecord & { comparator?: boolean };

const worst = (flags: FlagRecord[]): FlagRecord["severity"] | null => (["error", "warning", "note"] as const).find((s) => flags.some((f) => f.severity === s)) ?? null;

/** A printing folded under an entry's lead: where it is printed, whether its figure differs, and whether it is one of the page's records. */
export type FoldedPrinting<T extends Listed = Listed> = { effect: T; where: string; differs: boolean; onPage: boolean };

export type ListEntry<T extends Listed = Listed> = {
  lead: T;
  copies: FoldedPrinting<T>[];
  /** "Table 2, multivariate column": where else the lead's figure is printed. */
  alsoPrintedIn: string[];
  /** "Review, … prints 42% (10/24)": another figure printed for the same estimate (the charts' wording). */
  disagreements: string[];
  /** The worst flag a copy carries (shown on the lead's entry), null: none. */
  copyFlag: FlagRecord["severity"] | null;
  /** The lead is not one of the page's records: another page lists it; read here because a printing on this page folds under it. */
  leadOffPage: boolean;
};

export type PageEntries<T extends Listed = Listed> = { entries: ListEntry<T>[]; /** The page's records shown as a copy under another record. */ folded: number };

/**
 * Folds a page: `page` its records (comparators included, in list order), `mates` the other printings
 * of their figures read for the page. An entry is comparator only where each of its printings is.
 */
export function foldPage<T extends Listed>(page: readonly T[], mates: readonly T[], studies: readonly StudyRecord[], rank: (level: string) => number): PageEntries<T> {
  const onPage = new Set(page.map((e) => e.id));
  const pageIds = new Set(onPage);
  const entries = foldEstimates<T>([...page, ...mates.filter((m) => !pageIds.has(m.id))], studies, rank)
    .filter((f) => onPage.has(f.lead.id) || f.copies.some((c) => onPage.has(c.effect.id)))
    .map((f): ListEntry<T> => {
      const all = [f.lead, ...f.copies.map((c) => c.effect)];
      return {
        lead: f.copies.length ? { ...f.lead, comparator: all.every((e) => e.comparator === true) } : f.lead,
        copies: f.copies.map((c) => ({ effect: c.effect, where: printedWhere(c.effect, f.lead), differs: c.differs, onPage: onPage.has(c.effect.id) })),
        alsoPrintedIn: f.alsoPrintedIn,
        disagreements: f.disagreements,
        copyFlag: worst(f.copies.flatMap((c) => c.effect.flags)),
        leadOffPage: !onPage.has(f.lead.id),
      };
    });
  const folded = entries.reduce((n, e) => n + e.copies.filter((c) => c.onPage).length, 0);
  return { entries, folded };
}

/**
 * For exports (one row per record): the lead each folded printing is shown under, by the printing's id.
 * Only records linked to another (sameAs, a report update, named by one) can fold, so only those and
 * their studies are read and folded: an export batch of unlinked records costs nothing more.
 */
export function leadsOfCopies(records: readonly Listed[], mates: readonly Listed[], readStudies: (ids: string[]) => StudyRecord[], rank: (level: string) => number): Map<string, string> {
  const updates = (e: Listed) => e.flags.filter((f) => f.code === "report-update").map((f) => f.otherEffectId);
  const named = new Set([...records, ...mates].flatMap((e) => [e.sameAs, ...updates(e)]));
  const linked = records.filter((e) => e.sameAs !== null || named.has(e.id) || updates(e).length > 0);
  if (linked.length === 0) return new Map();
  const { entries } = foldPage(linked, mates, readStudies([...new Set([...linked, ...mates].map((e) => e.studyId))]), rank);
  return new Map(entries.flatMap((entry) => entry.copies.map((c) => [c.effect.id, entry.lead.id] as const)));
}
