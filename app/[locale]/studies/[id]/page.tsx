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
  return { title: study ? study.shortName : "Study not found" };
}

export default async function StudyPage({ params }: Props) {
  const { id } = await params;
  const { db, vocab, meta } = await getPageContext(await getLocale());
  const study = await findStudy(db, id);
  if (!study) notFound();
  const groupLabel = (code: string) => vocab.labels.group[code] ?? code;
  const treatmentLabel = (code: string | null) => (code ? (vocab.treatments.find((t) => t.code === code)?.label ?? code) : null);
  const byEndpoint = new Map<string, typeof study.effects>();
  for (const e of study.effects) byEndpoint.set(e.endpointLabel, [...(byEndpoint.get(e.endpointLabel) ?? []), e]);
  const printed = study.effects.filter((e) => !e.computed);
  const computed = study.effects.filter((e) => e.computed);
  const flagged = study.effects.filter((e) => e.flags.length > 0).length;

  return (
    <>
      <p className="small no-print">
        <Link href="/studies">← All studies</Link>
      </p>
      <h1>{study.shortName}</h1>
      {study.title ? <p>{study.title}</p> : <p className="muted small">Title not given in the source documents.</p>}
      <p>
        {citationLine(study) || <span className="muted">Citation not given in the source documents.</span>}
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
      {study.citationNote ? <p className="small muted">Citation: {study.citationNote}</p> : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="design-heading">
          <h2 id="design-heading">Design</h2>
          <dl className="small">
            <dt>Design</dt>
            <dd>{study.designLabel}</dd>
            {study.setting ? (<><dt>Setting</dt><dd>{study.setting}</dd></>) : null}
            {study.centres ? (<><dt>Centres</dt><dd>{study.centres}{study.country ? ` (${study.country})` : ""}</dd></>) : null}
            {study.enrolment ? (<><dt>Enrolment</dt><dd>{study.enrolment}</dd></>) : null}
            <dt>N</dt>
            <dd>{study.n ?? "not reported"}</dd>
            {study.followUp ? (<><dt>Follow-up</dt><dd>{study.followUp}</dd></>) : null}
            {study.codonsTested?.length ? (<><dt>Codons tested</dt><dd>{study.codonsTested.map(groupLabel).join(", ")}</dd></>) : null}
            <dt>Source levels here</dt>
            <dd>{study.sourceLevels.map((l) => vocab.labels.sourceLevel[l] ?? l).join("; ")}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="arms-heading">
          <h2 id="arms-heading">Arms and groups</h2>
          {study.arms.length ? (
            <table className="small">
              <caption className="visually-hidden">Arms with their size</caption>
              <thead>
                <tr>
                  <th scope="col">Arm / group</th>
                  <th scope="col">n</th>
                  <th scope="col">Molecular group</th>
                  <th scope="col">Treatment</th>
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
            <p className="small muted">No arms given.</p>
          )}
          {study.flags.map((f, i) => (
            <FlagText key={i} flag={f} />
          ))}
        </section>
      </div>
      {study.reports.length ? (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">Other reports of this study</h2>
          <ul className="small">
            {study.reports.map((r) => (
              <li key={r.id}>
                {r.label}: {citationLine(r)}
                {r.title ? <> “{r.title}”</> : null}
                {r.doi ? <> · <a href={`https://doi.org/${r.doi}`}>doi:{r.doi}</a></> : null}
                {r.pmid ? <> · <a href={`https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`}>PMID {r.pmid}</a></> : null}
                {r.url && !r.doi && !r.pmid ? <> · <a href={r.url}>{new URL(r.url).hostname}</a></> : null}
                {r.updates ? <span className="muted"> · updates {r.updates === "citation" ? "the main publication" : (study.reports.find((o) => o.id === r.updates)?.label ?? r.updates)}</span> : null}
                {r.citationNote ? <span className="muted"> · {r.citationNote}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {study.notes ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <p className="small">{study.notes}</p>
        </section>
      ) : null}
      <h2>Records</h2>
      <p className="small muted">
        {printed.length} printed figures, {computed.length} computed (marked), {flagged} with integrity flags. Every record links to its place in the source: the locator. Dataset version{" "}
        <span className="version">{meta.version}</span>.
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
