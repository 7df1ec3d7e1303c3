import Link from "next/link";
import type { Metadata } from "next";
import { getContext } from "@/lib/data/context";
import { findStudies } from "@/lib/data/find-studies";
import { citationLine } from "@/lib/data/export-dataset";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Studies" };

export default async function StudiesPage() {
  const { db, vocab, meta } = await getContext();
  const studies = await findStudies(db);
  return (
    <>
      <h1>Studies</h1>
      <p className="muted small">
        {studies.length} studies · dataset version <span className="version">{meta.version}</span>. A study reported only through the review is marked secondary.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">All studies with their design, size and source level</caption>
          <thead>
            <tr>
              <th scope="col">Study</th>
              <th scope="col">Citation</th>
              <th scope="col">Design</th>
              <th scope="col">N</th>
              <th scope="col">Source levels</th>
              <th scope="col">Records</th>
            </tr>
          </thead>
          <tbody>
            {studies.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/studies/${s.id}`}>{s.shortName}</Link>
                </td>
                <td className="small">{citationLine(s) || <span className="muted">not given in the sources</span>}</td>
                <td className="small">{s.designLabel}</td>
                <td>{s.n ?? "—"}</td>
                <td className="small">{s.sourceLevels.map((l) => vocab.labels.sourceLevel[l] ?? l).join("; ")}</td>
                <td>{s.effectCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
