// A ratio or difference whose direction contradicts the arm figures it summarises: an OR below 1
// while the exposure arm's proportion is higher (VISNU-1's ORR 69% vs 57% with "OR 0.61"), or an HR
// below 1 while the exposure arm's median survival is shorter. Arms and contrast are linked by their
// `comparison` id; the exposure arm is the one whose label names the contrast's exposure.
import { flagFor, placeOf, type CheckFlag, type CheckRecord } from "./types";
import { armMatches, groupByComparison } from "../build/comparisons";


export function checkDirection(effects: CheckRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const list of groupByComparison(effects)) {
    for (const c of list.filter((e) => e.kind === "contrast" && e.value !== null && e.measure)) {
      const arms = list.filter((e) => e.kind === "arm" && e.value !== null && e.endpoint === c.endpoint);
      const exp = arms.find((a) => armMatches(a, c.exposure));
      const ref = arms.find((a) => a !== exp && armMatches(a, c.reference));
      if (!exp || !ref || exp.value === ref.value) continue;
      const expHigher = exp.value! > ref.value!;
      let contradiction = false;
      let expectation = "";
      if ((c.measure === "OR" || c.measure === "RR") && exp.measure === "proportion") {
        contradiction = expHigher !== c.value! > 1 && c.value !== 1;
        expectation = `${c.measure} ${expHigher ? "above" : "below"} 1`;
      } else if ((c.measure === "RD" || c.measure === "MD") && (exp.measure === "proportion" || exp.measure === "median")) {
        contradiction = expHigher !== c.value! > 0 && c.value !== 0;
        expectation = `a ${expHigher ? "positive" : "negative"} difference`;
      } else if (c.measure === "HR" && exp.measure === "median" && c.endpointRole === "time-to-event") {
        // A longer median time to the event goes with a hazard ratio below 1.
        contradiction = expHigher !== c.value! < 1 && c.value !== 1;
        expectation = `HR ${expHigher ? "below" : "above"} 1`;
      }
      if (!contradiction) continue;
      // An HR this close to 1 whose CI spans 1 does not settle a direction: medians and hazards can disagree.
      const nearOne = c.measure === "HR" && c.value! > 0.9 && c.value! < 1.11 && c.ciLower !== null && c.ciLower < 1 && c.ciUpper! > 1;
      const armText = (a: CheckRecord) => `${a.valueText}${a.measure === "proportion" ? "%" : a.unit ? ` ${a.unit}` : ""}`;
      flags.push(
        flagFor(c, "direction-mismatch", {
          severity: nearOne ? "note" : "warning",
          summary: nearOne
            ? `${placeOf(c)} prints ${c.measure} ${c.valueText} for ${c.exposure} vs ${c.reference} while the medians are ${armText(exp)} vs ${armText(ref)}; with a hazard ratio this close to 1 the two need not agree.`
            : `${placeOf(c)} prints ${c.measure} ${c.valueText} for ${c.exposure} vs ${c.reference}, but the arms (${armText(exp)} vs ${armText(ref)}) point the other way: the ratio is probably printed the other way round${c.measure === "OR" || c.measure === "RR" || c.measure === "HR" ? ` (its reciprocal is ${(1 / c.value!).toFixed(2)})` : ""}.`,
          message: `${c.measure} ${c.valueText} (${c.exposure} vs ${c.reference}) points the other way from the arms: ${exp.group ?? exp.exposure} ${exp.valueText}${exp.measure === "proportion" ? "%" : ""} vs ${ref.group ?? ref.exposure} ${ref.valueText}${ref.measure === "proportion" ? "%" : ""}. The direction (exposure vs reference) is probably reversed, or the measure is of the opposite outcome${c.measure === "HR" ? " (medians and hazard ratios can also disagree when survival curves cross)" : ""}.`,
          otherEffectId: exp.id,
          otherLocator: exp.locator,
          expected: nearOne ? null : `${expectation} for ${c.exposure} vs ${c.reference}; or the reciprocal ${c.measure === "OR" || c.measure === "RR" || c.measure === "HR" ? (1 / c.value!).toFixed(2) : ""} if the printed figure is ${c.reference} vs ${c.exposure}`.trim(),
        }),
      );
    }
  }
  return flags;
}
