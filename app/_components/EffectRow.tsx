import Link from "next/link";
import { cache } from "react";
import type { EffectRecord } from "@/lib/domain/records";
import { comparisonText, figureText, readerContextText, type StudyFacts } from "@/lib/domain/sentence";
import type { AppVocabulary } from "@/lib/data/vocabulary";
import { getContext } from "@/lib/data/context";
import { findStudyFacts } from "@/lib/data/compare";
import { FlagText, flagCountText, worstSeverity } from "./FlagText";
import { FoldedPrintings } from "./FoldedPrintings";
import type { ListEntry } from "@/lib/data/list-entries";

/**
 * Study size, design and arms for the rows of one request, read in one query: every row asks in the
 * same render pass, the loader collects the ids and reads them together on the next tick. A page
 * that already has the facts passes them (the `study` prop) and nothing is read.
 */
const studyFactsLoader = cache(() => {
  const answers = new Map<string, Promise<StudyFacts | null>>();
  let waiting: string[] = [];
  let batch: Promise<Map<string, StudyFacts>> | null = null;
  return (id: string): Promise<StudyFacts | null> => {
    const known = answers.get(id);
    if (known) return known;
    waiting.push(id);
    batch ??= new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      const ids = waiting;
      waiting = [];
      batch = null;
      const { db } = await getContext();
      return new Map((await findStudyFacts(db, ids)).map((f) => [f.id, f]));
    });
    const answer = batch.then((m) => m.get(id) ?? null).catch(() => null);
    answers.set(id, answer);
    return answer;
  };
});

export type RecordLabels = AppVocabulary["labels"];

const LEVEL_LABEL: Record<string, string> = {
  allele: "allele",
  codon: "codon",
  gene: "gene",
  "gene-family": "RAS (any)",
  "wild-type": "wild-type",
  unselected: "not RAS-selected",
  none: "no molecular group",
};

export function reportedAt(e: EffectRecord, labels: RecordLabels): string {
  const groups = e.molecularGroups.map((g) => labels.group[g] ?? g).join(", ");
  return groups ? `reported at ${LEVEL_LABEL[e.reportedLevel] ?? e.reportedLevel} level: ${groups}` : "no molecular group";
}

/**
 * One record as a reader needs it: the figure, what it compares, where it is printed; then the
 * study's N and the compared arms' n (or events/N), the design, and the analysis with its covariates.
 * `study`: the study's facts where the page has them (null: none known); left out, the row reads
 * them (once per page, see studyFactsLoader). `fold`: the list entry this record leads (its folded
 * printings are named under it, a copy's flag on its badges).
 */
export async function EffectRow({
  effect: e,
  labels,
  showStudy = true,
  anchor = false,
  study,
  fold,
}: {
  effect: EffectRecord & { comparator?: boolean };
  labels: RecordLabels;
  showStudy?: boolean;
  anchor?: boolean;
  study?: StudyFacts | null;
  fold?: ListEntry;
}) {
  const locatorHref = `/studies/${e.studyId}#${encodeURIComponent(e.recordId)}`;
  const facts = study === undefined ? await studyFactsLoader()(e.studyId) : study;
  return (
    <li className={e.comparator ? "effect effect-comparator" : "effect"} id={anchor ? e.recordId : undefined} data-effect-id={e.id} data-comparator={e.comparator ? "true" : undefined}>
      <div className="sentence">
        <strong>{figureText(e)}</strong>
        {comparisonText(e) ? <> · {comparisonText(e)}</> : null}
        {" · "}
        {showStudy ? (
          <Link href={locatorHref}>
            {e.studyShortName}, {e.locator}
          </Link>
        ) : (
          <span>{e.locator}</span>
        )}
      </div>
      <div className="reader-context small" data-testid="record-context">
        {readerContextText(e, facts)}
      </div>
      {e.statement && e.kind !== "contrast" ? <div className="small">{e.statement}</div> : null}
      <div className="meta small">
        {e.comparator ? (
          <span className="badge badge-comparator" title="Not selected by the filters: the other arm (or the contrast) of a comparison they select one arm of, shown so the comparison stays whole">
            comparator
          </span>
        ) : null}
        <span className="badge badge-level" title="The molecular level at which the source reported this finding">
          {reportedAt(e, labels)}
        </span>
        <span className={`badge ${e.sourceLevel === "secondary" ? "badge-secondary" : ""}`}>
          {labels.sourceLevel[e.sourceLevel] ?? e.sourceLevel}
          {e.citedAs ? ` — ${e.publication}, ref ${e.citedAs}` : ""}
        </span>
        {e.computed ? (
          <span className="badge badge-computed" title={e.computeMethod ?? undefined}>
            computed, not printed
          </span>
        ) : null}
        {e.population && !/^whole cohort/i.test(e.population) ? <span className="muted">Population: {e.population}</span> : null}
        {e.readingReason ? (
          <span className="badge" title={e.readingReason}>
            damaged print read
          </span>
        ) : null}
        {e.flags.length > 0 ? (
          <span className={`badge ${worstSeverity(e.flags) === "error" ? "badge-flag" : worstSeverity(e.flags) === "warning" ? "badge-flag-warning" : "badge-flag-note"}`}>
            {worstSeverity(e.flags) === "note" ? "ⓘ" : "⚑"} {flagCountText(e.flags)}
          </span>
        ) : null}
        {fold?.copyFlag && fold.copyFlag !== "note" ? (
          <span className={`badge ${fold.copyFlag === "error" ? "badge-flag" : "badge-flag-warning"}`} data-testid="copy-flag" title="A printing folded under this one carries an integrity flag: see the other printings below">
            ⚑ a copy carries a flag ({fold.copyFlag})
          </span>
        ) : null}
      </div>
      {fold ? <FoldedPrintings entry={fold} labels={labels} /> : null}
      {anchor ? (
        <details className="small">
          <summary>Source details</summary>
          <dl>
            <dt>Locator</dt>
            <dd>
              {e.locator}
              {e.alsoAt.length ? ` (same figures also at: ${e.alsoAt.join("; ")})` : ""}
            </dd>
            <dt>Publication</dt>
            <dd>
              {e.publication}
              {e.publicationDoi ? <> · <a href={`https://doi.org/${e.publicationDoi}`}>doi:{e.publicationDoi}</a></> : null}
              {e.citedAs ? ` — cited there as ${e.citedAs}` : ""}
            </dd>
            {e.readingReason ? (
              <>
                <dt>Damaged print</dt>
                <dd>{e.readingReason}</dd>
              </>
            ) : null}
            <dt>Population</dt>
            <dd>{e.population}</dd>
            {e.covariates.length ? (
              <>
                <dt>Adjusted for</dt>
                <dd>{e.covariates.join("; ")}</dd>
              </>
            ) : null}
            {e.test ? (
              <>
                <dt>Test</dt>
                <dd>{e.test}</dd>
              </>
            ) : null}
            {e.computed ? (
              <>
                <dt>How computed</dt>
                <dd>
                  {e.computeMethod}; from {e.derivedFrom.map((d) => d.split("/")[1]).join(" and ")}
                </dd>
              </>
            ) : null}
            {e.note ? (
              <>
                <dt>Extraction note</dt>
                <dd>{e.note}</dd>
              </>
            ) : null}
          </dl>
        </details>
      ) : null}
      {e.flags.map((f, i) => (
        <FlagText flag={f} key={i} />
      ))}
    </li>
  );
}
