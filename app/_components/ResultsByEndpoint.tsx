import type { EffectRecord } from "@/lib/domain/records";
import { EffectRow, type RecordLabels } from "./EffectRow";

export function ResultsByEndpoint({ effects, labels }: { effects: EffectRecord[]; labels: RecordLabels }) {
  const groups: { endpoint: string; label: string; effects: EffectRecord[] }[] = [];
  for (const e of effects) {
    const g = groups.find((x) => x.endpoint === e.endpoint);
    if (g) g.effects.push(e);
    else groups.push({ endpoint: e.endpoint, label: e.endpointLabel, effects: [e] });
  }
  return (
    <>
      {groups.map((g) => (
        <section key={g.endpoint} aria-labelledby={`ep-${g.endpoint}`}>
          <h3 id={`ep-${g.endpoint}`}>
            {g.label} <span className="muted small">({g.effects.length})</span>
          </h3>
          <ul className="effect-list">
            {g.effects.map((e) => (
              <EffectRow key={e.id} effect={e} labels={labels} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
