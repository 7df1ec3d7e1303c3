import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getPageContext } from "@/lib/data/context";
import { findStudy } from "@/lib/data/find-studies";
import { citationLine } from "@/lib/data/export-dataset";
import { EffectRow } from "../../_components/EffectRow";
import { FlagText } from "../../_components/FlagText";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { db } = await getPageContext(await getLocale());
  const study = await findStudy(db, id);
  return { title: study ? study.shortName : (await getTranslations("study"))("notFound") };
}

export default async function StudyPage({ params }: Props) {
  const { id } = await params;
  const locale = await getLocale();
  const { db, vocab, meta } = await getPageContext(locale);
  const study = await findStudy(db, id, locale);
  if (!study) notFound();
  const t = await getTranslations("study");
  const groupLabel = (code: string) => vocab.labels.group[code] ?? code;
  const treatmentLabel = (code: string | null) => (code ? (vocab.treatments.find((t) => t.code === code)?.label ?? code) : null);
  const byEndpoint = new Map<string, typeof study.effects>();
  const endpointLabel = (e: (typeof study.effects)[number]) => vocab.labels.endpoint[e.endpoint] ?? e.endpointLabel;
  for (const e of study.effects) byEndpoint.set(endpointLabel(e), [...(byEndpoint.get(endpointLabel(e)) ?? []), e]);
  const printed = study.effects.filter((e) => !e.computed);
  const computed = study.effects.filter((e) => e.computed);
  const flagged = study.effects.filter((e) => e.flags.length > 0).length;

  return (
    <>
      <p className="small no-print">
        <Link href="/studies">{t("allStudies")}</Link>
      </p>
      <h1>{study.shortName}</h1>
      {study.title ? <p>{study.title}</p> : <p className="muted small">{t("noTitle")}</p>}
      <p>
        {citationLine(study) || <span className="muted">{t("noCitation")}</span>}
        {study.doi ? (
          <>
            {" · "}
            <a href={`https://doi.org/${study.doi}`}>doi:{study.doi}</a>
          </>
        ) : null}
        {study.pmid ? (
          <>
            {" · "}
            <a href={`https://pubmed.ncbi.nlm.nih.gov/${study.pmid}/`}>PubMed {study.pmid}</a>
          </>
        ) : null}
        {study.url && !study.doi && !study.pmid ? (
          <>
            {" · "}
            <a href={study.url}>{new URL(study.url).hostname}</a>
          </>
        ) : null}
      </p>
      {study.citationNote ? <p className="small muted">{t("citation")}: {study.citationNote}</p> : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="design-heading">
          <h2 id="design-heading">{t("design")}</h2>
          <dl className="small">
            <dt>{t("design")}</dt>
            <dd>{vocab.labels.design[study.design] ?? study.designLabel}</dd>
            {study.setting ? (<><dt>{t("setting")}</dt><dd>{study.setting}</dd></>) : null}
            {study.centres ? (<><dt>{t("centres")}</dt><dd>{study.centres}{study.country ? ` (${study.country})` : ""}</dd></>) : null}
            {study.enrolment ? (<><dt>{t("enrolment")}</dt><dd>{study.enrolment}</dd></>) : null}
            <dt>N</dt>
            <dd>{study.n ?? t("notReported")}</dd>
            {study.followUp ? (<><dt>{t("followUp")}</dt><dd>{study.followUp}</dd></>) : null}
            {study.codonsTested?.length ? (<><dt>{t("codonsTested")}</dt><dd>{study.codonsTested.map(groupLabel).join(", ")}</dd></>) : null}
            <dt>{t("sourceLevels")}</dt>
            <dd>{study.sourceLevels.map((l) => vocab.labels.sourceLevel[l] ?? l).join("; ")}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="arms-heading">
          <h2 id="arms-heading">{t("arms")}</h2>
          {study.arms.length ? (
            <table className="small">
              <caption className="visually-hidden">{t("armsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("arm")}</th>
                  <th scope="col">n</th>
                  <th scope="col">{t("molecularGroup")}</th>
                  <th scope="col">{t("treatment")}</th>
                </tr>
              </thead>
              <tbody>
                {study.arms.map((a) => (
                  <tr key={a.id}>
                    <td>{a.label}</td>
                    <td>{a.n ?? "—"}</td>
                    <td>{a.molecularGroup ? groupLabel(a.molecularGroup) : "—"}</td>
                    <td>{treatmentLabel(a.treatment) ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="small muted">{t("noArms")}</p>
          )}
          {study.flags.map((f, i) => (
            <FlagText key={i} flag={f} />
          ))}
        </section>
      </div>
      {study.reports.length ? (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">{t("reports")}</h2>
          <ul className="small">
            {study.reports.map((r) => (
              <li key={r.id}>
                {r.label}: {citationLine(r)}
                {r.title ? <> “{r.title}”</> : null}
                {r.doi ? <> · <a href={`https://doi.org/${r.doi}`}>doi:{r.doi}</a></> : null}
                {r.pmid ? <> · <a href={`https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`}>PMID {r.pmid}</a></> : null}
                {r.url && !r.doi && !r.pmid ? <> · <a href={r.url}>{new URL(r.url).hostname}</a></> : null}
                {r.updates ? <span className="muted"> · {t("updates", { what: r.updates === "citation" ? t("mainPublication") : (study.reports.find((o) => o.id === r.updates)?.label ?? r.updates) })}</span> : null}
                {r.citationNote ? <span className="muted"> · {r.citationNote}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {study.notes ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t("notes")}</h2>
          <p className="small">{study.notes}</p>
        </section>
      ) : null}
      <h2>{t("records")}</h2>
      <p className="small muted">
        {t("recordsSummary", { printed: printed.length, computed: computed.length, flagged })}{" "}
        <span className="version">{meta.version}</span>
        {locale === "zh" ? "。" : "."}
      </p>
      {[...byEndpoint.entries()].map(([label, effects]) => (
        <section key={label} aria-label={label}>
          <h3>{label}</h3>
          <ul className="effect-list">
            {effects.map((e) => (
              <EffectRow key={e.id} effect={e} labels={vocab.labels} showStudy={false} anchor />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
