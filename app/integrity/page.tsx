import Link from "next/link";
import type { Metadata } from "next";
import { getContext } from "@/lib/data/context";
import { findIntegrityFlags } from "@/lib/data/find-flags";
import { FlagText } from "../_components/FlagText";
import { FLAG_SEVERITIES } from "@/lib/domain/records";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Integrity flags" };

const TITLES: Record<string, string> = {
  "damaged-print": "Damaged print, read (a lost decimal point)",
  "report-update": "Later reports updating earlier ones",
  "percent-mismatch": "Percentages that cannot come from their n/N",
  "estimate-outside-ci": "Estimates outside their CI",
  "ci-asymmetric": "Ratio CIs asymmetric on the log scale",
  "p-ci-mismatch": "p-values inconsistent with the CI",
  "duplicate-mismatch": "The same quantity printed twice with different figures",
  "secondary-mismatch": "Secondary reports that differ from the primary source",
  "groups-sum": "Groups that do not add up to N",
  "implausible-value": "Implausible figures not yet read",
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
        What the build’s checks found in the sources. No figure is changed: each flag names both sides and the value that would be consistent. <strong>Error</strong>: a printed figure is impossible or contradicted inside its own paper. <strong>Warning</strong>: two printings or sources disagree and nothing settles which is right. <strong>Note</strong>: rounding, an update, a difference the paper explains, a damaged printing whose reading is confirmed. Dataset version{" "}
        <span className="version">{meta.version}</span>.
      </p>
      <p className="small">
        {FLAG_SEVERITIES.map((s) => `${flags.filter((f) => f.severity === s).length} ${s}${flags.filter((f) => f.severity === s).length === 1 ? "" : "s"}`).join(" · ")}
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
                    <FlagText flag={f} />
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
