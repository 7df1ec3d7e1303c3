import Link from "next/link";
import type { Metadata } from "next";
import { getContext } from "@/lib/data/context";
import { findIntegrityFlags } from "@/lib/data/find-flags";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Integrity flags" };

const TITLES: Record<string, string> = {
  "percent-mismatch": "Percentages that cannot come from their n/N",
  "estimate-outside-ci": "Estimates outside their CI",
  "ci-asymmetric": "Ratio CIs asymmetric on the log scale",
  "p-ci-mismatch": "p-values inconsistent with the CI",
  "duplicate-mismatch": "The same quantity printed twice with different figures",
  "secondary-mismatch": "Secondary reports that differ from the primary source",
  "groups-sum": "Groups that do not add up to N",
  "implausible-value": "Transcription damage (implausible figures)",
  "direction-mismatch": "Ratios or differences pointing the other way from their arms",
};

export default async function IntegrityPage() {
  const { db, meta } = await getContext();
  const flags = await findIntegrityFlags(db);
  const codes = Object.keys(TITLES);
  return (
    <>
      <h1>Integrity flags</h1>
      <p className="small muted">
        What the build’s checks found in the sources. No figure is changed: each flag names both sides and the value that would be consistent. Dataset version{" "}
        <span className="version">{meta.version}</span>.
      </p>
      {codes.map((code) => {
        const list = flags.filter((f) => f.code === code);
        return (
          <section key={code} aria-labelledby={`flag-${code}`}>
            <h2 id={`flag-${code}`}>
              {TITLES[code]} <span className="muted small">({list.length})</span>
            </h2>
            {list.length === 0 ? (
              <p className="small muted">None found.</p>
            ) : (
              <ul className="small">
                {list.map((f) => (
                  <li key={f.id}>
                    <Link href={f.effectId ? `/studies/${f.studyId}#${encodeURIComponent(f.effectId.split("/")[1] ?? "")}` : `/studies/${f.studyId}`}>
                      {f.studyShortName}, {f.locator ?? "study"}
                    </Link>
                    : {f.message}
                    {f.otherLocator ? ` Other side: ${f.otherLocator}.` : ""}
                    {f.expected ? ` Consistent value: ${f.expected}.` : ""}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
