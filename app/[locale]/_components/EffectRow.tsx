import { Link } from "@/i18n/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { EffectRecord } from "@/lib/domain/records";
import { comparisonText, figureText, readerContextText, type SentenceLocale, type StudyFacts } from "@/lib/domain/sentence";
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

const LEVEL_LABEL_ZH: Record<string, string> = {
  allele: "等位基因",
  codon: "密码子",
  gene: "基因",
  "gene-family": "RAS（任一）",
  "wild-type": "野生型",
  unselected: "未按 RAS 选择",
  none: "无分子分组",
};

export function reportedAt(e: EffectRecord, labels: RecordLabels, locale: string = "en"): string {
  if (locale === "zh") {
    const groups = e.molecularGroups.map((g) => labels.group[g] ?? g).join("、");
    return groups ? `报告层级：${LEVEL_LABEL_ZH[e.reportedLevel] ?? e.reportedLevel}，${groups}` : "无分子分组";
  }
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
  const read = study === undefined ? await studyFactsLoader()(e.studyId) : study;
  // The design in the interface's language, where the facts name its code.
  const facts = read?.design ? { ...read, designLabel: labels.design[read.design] ?? read.designLabel } : read;
  const locale = (await getLocale()) as SentenceLocale;
  const t = await getTranslations("record");
  return (
    <li className={e.comparator ? "effect effect-comparator" : "effect"} id={anchor ? e.recordId : undefined} data-effect-id={e.id} data-comparator={e.comparator ? "true" : undefined}>
      <div className="sentence">
        <strong>{figureText(e, locale)}</strong>
        {comparisonText(e, locale) ? <> · {comparisonText(e, locale)}</> : null}
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
        {readerContextText(e, facts, locale)}
      </div>
      {e.statement && e.kind !== "contrast" ? <div className="small">{e.statement}</div> : null}
      <div className="meta small">
        {e.comparator ? (
          <span className="badge badge-comparator" title={t("comparatorTitle")}>
            {t("comparator")}
          </span>
        ) : null}
        <span className="badge badge-level" title={t("levelTitle")}>
          {reportedAt(e, labels, locale)}
        </span>
        <span className={`badge ${e.sourceLevel === "secondary" ? "badge-secondary" : ""}`}>
          {labels.sourceLevel[e.sourceLevel] ?? e.sourceLevel}
          {e.citedAs ? ` — ${e.publication}, ${t("ref", { ref: e.citedAs })}` : ""}
        </span>
        {e.computed ? (
          <span className="badge badge-computed" title={e.computeMethod ?? undefined}>
            {t("computed")}
          </span>
        ) : null}
        {e.population && !/^whole cohort/i.test(e.population) ? <span className="muted">{t("population")}{locale === "zh" ? "：" : ": "}{e.population}</span> : null}
        {e.readingReason ? (
          <span className="badge" title={e.readingReason}>
            {t("damagedRead")}
          </span>
        ) : null}
        {e.flags.length > 0 ? (
          <span className={`badge ${worstSeverity(e.flags) === "error" ? "badge-flag" : worstSeverity(e.flags) === "warning" ? "badge-flag-warning" : "badge-flag-note"}`}>
            {worstSeverity(e.flags) === "note" ? "ⓘ" : "⚑"} {flagCountText(e.flags, locale)}
          </span>
        ) : null}
        {fold?.copyFlag && fold.copyFlag !== "note" ? (
          <span className={`badge ${fold.copyFlag === "error" ? "badge-flag" : "badge-flag-warning"}`} data-testid="copy-flag" title={t("copyFlagTitle")}>
            ⚑ {t("copyFlag", { severity: fold.copyFlag })}
          </span>
        ) : null}
      </div>
      {fold ? <FoldedPrintings entry={fold} labels={labels} /> : null}
      {anchor ? (
        <details className="small">
          <summary>{t("sourceDetails")}</summary>
          <dl>
            <dt>{t("locator")}</dt>
            <dd>
              {e.locator}
              {e.alsoAt.length ? ` ${t("alsoAt", { places: e.alsoAt.join("; ") })}` : ""}
            </dd>
            <dt>{t("publication")}</dt>
            <dd>
              {e.publication}
              {e.publicationDoi ? <> · <a href={`https://doi.org/${e.publicationDoi}`}>doi:{e.publicationDoi}</a></> : null}
              {e.citedAs ? ` — ${t("citedAs", { ref: e.citedAs })}` : ""}
            </dd>
            {e.readingReason ? (
              <>
                <dt>{t("damagedPrint")}</dt>
                <dd>{e.readingReason}</dd>
              </>
            ) : null}
            <dt>{t("population")}</dt>
            <dd>{e.population}</dd>
            {e.covariates.length ? (
              <>
                <dt>{t("adjustedFor")}</dt>
                <dd>{e.covariates.join("; ")}</dd>
              </>
            ) : null}
            {e.test ? (
              <>
                <dt>{t("test")}</dt>
                <dd>{e.test}</dd>
              </>
            ) : null}
            {e.computed ? (
              <>
                <dt>{t("howComputed")}</dt>
                <dd>
                  {e.computeMethod}; {t("from", { records: e.derivedFrom.map((d) => d.split("/")[1]).join(locale === "zh" ? "、" : " and ") })}
                </dd>
              </>
            ) : null}
            {e.note ? (
              <>
                <dt>{t("note")}</dt>
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
