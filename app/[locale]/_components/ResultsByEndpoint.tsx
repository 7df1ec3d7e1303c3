import type { EffectRecord } from "@/lib/domain/records";
import type { StudyFacts } from "@/lib/domain/sentence";
import type { ListEntry } from "@/lib/data/list-entries";
import { EffectRow, type RecordLabels } from "./EffectRow";

/** `entries`: one per estimate, each led by its best printing; `facts`: the rows' studies' facts where the page has read them (a row then reads nothing). */
type ListedEffect = EffectRecord & { comparator?: boolean };

export function ResultsByEndpoint({ entries, labels, facts }: { entries: ListEntry<ListedEffect>[]; labels: RecordLabels; facts?: Map<string, StudyFacts> }) {
  const groups: { endpoint: string; label: string; effects: ListedEffect[]; entries: ListEntry<ListedEffect>[] }[] = [];
  for (const entry of entries) {
    const e = entry.lead;
    const g = groups.find((x) => x.endpoint === e.endpoint);
    if (g) (g.effects.push(e), g.entries.push(entry));
    else groups.push({ endpoint: e.endpoint, label: labels.endpoint[e.endpoint] ?? e.endpointLabel, effects: [e], entries: [entry] });
  }
  return (
    <>
      {groups.map((g) => (
        <section key={g.endpoint} aria-labelledby={`ep-${g.endpoint}`}>
          <h3 id={`ep-${g.endpoint}`}>
            {g.label}{" "}
            <span className="muted small">
              ({g.effects.filter((e) => !e.comparator).length}
              {g.effects.some((e) => e.comparator) ? ` + ${g.effects.filter((e) => e.comparator).length} comparator` : ""})
            </span>
          </h3>
          <ul className="effect-list">
            {g.entries.map(({ lead: e, ...fold }) => (
              <EffectRow key={e.id} effect={e} labels={labels} study={facts ? (facts.get(e.studyId) ?? null) : undefined} fold={{ lead: e, ...fold }} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
