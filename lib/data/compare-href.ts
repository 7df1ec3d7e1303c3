// The comparison's address for a set of studies, endpoints and a population: built on the server
// (the pickers' options, the permalink) and in the browser (a choice made before the page has caught
// up with the previous one, app/[locale]/compare/_components/OptionPicker.tsx).
export type CompareState = { studies: string[]; endpoints: string[]; population: string };

export function compareHref(state: CompareState): string {
  const p = new URLSearchParams();
  for (const s of state.studies) p.append("studies", s);
  for (const e of state.endpoints) p.append("endpoint", e);
  if (state.population && state.population !== "all") p.set("population", state.population);
  const q = p.toString();
  return `/compare${q ? `?${q}` : ""}`;
}
