// A ratio or difference whose direction contradicts the arm figures it summarises: an OR below 1
// while the exposure arm's proportion is higher (VISNU-1's ORR 69% vs 57% with "OR 0.61"), or an HR
// below 1 while the exposure arm's median survival is shorter. Arms and contrast are linked by their
// `comparison` id; the exposure arm is the one whose label names the contrast's exposure.
import { phrase, type FlagArg, type FlagWord } from "./flag-text";
import { flagFor, placeOf, versus, type CheckFlag, type CheckRecord } from "./types";
import { unitText } from "../domain/sentence";
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
      let expectation: FlagArg = "";
      if ((c.measure === "OR" || c.measure === "RR") && exp.measure === "proportion") {
        contradiction = expHigher !== c.value! > 1 && c.value !== 1;
        expectation = phrase(expHigher ? "direction.above" : "direction.below", { measure: c.measure });
      } else if ((c.measure === "RD" || c.measure === "MD") && (exp.measure === "proportion" || exp.measure === "median")) {
        contradiction = expHigher !== c.value! > 0 && c.value !== 0;
        expectation = phrase(expHigher ? "direction.positive" : "direction.negative");
      } else if (c.measure === "HR" && exp.measure === "median" && c.endpointRole === "time-to-event") {
        // A longer median time to the event goes with a hazard ratio below 1.
        contradiction = expHigher !== c.value! < 1 && c.value !== 1;
        expectation = phrase(expHigher ? "direction.below" : "direction.above", { measure: "HR" });
      }
      if (!contradiction) continue;
      // An HR this close to 1 whose CI spans 1 does not settle a direction: medians and hazards can disagree.
      const nearOne = c.measure === "HR" && c.value! > 0.9 && c.value! < 1.11 && c.ciLower !== null && c.ciLower < 1 && c.ciUpper! > 1;
      const ratio = c.measure === "OR" || c.measure === "RR" || c.measure === "HR";
      const reciprocal = ratio ? (1 / c.value!).toFixed(2) : "";
      const armText = (a: CheckRecord): FlagWord => {
        const unit = a.measure === "proportion" ? ["%", "%"] : a.unit ? [` ${a.unit}`, ` ${unitText(a.unit, "zh")}`] : ["", ""];
        return { en: `${a.valueText}${unit[0]}`, zh: `${a.valueText}${unit[1]}` };
      };
      const armFigure = (a: CheckRecord) => `${a.group ?? a.exposure} ${a.valueText}${a.measure === "proportion" ? "%" : ""}`;
      const printed = { place: placeOf(c), measure: `${c.measure}`, value: `${c.valueText}`, comparison: versus(`${c.exposure}`, `${c.reference}`), exposureArm: armText(exp), referenceArm: armText(ref) };
      flags.push(
        flagFor(c, "direction-mismatch", {
          severity: nearOne ? "note" : "warning",
          summary: nearOne
            ? phrase("direction.nearOne", printed)
            : phrase("direction.reversed", { ...printed, reciprocal: ratio ? phrase("direction.reciprocal", { value: reciprocal }) : "" }),
          message: phrase("direction.detail", {
            measure: printed.measure,
            value: printed.value,
            comparison: printed.comparison,
            arms: versus(armFigure(exp), armFigure(ref)),
            hazards: c.measure === "HR" ? phrase("direction.curvesCross") : "",
          }),
          otherEffectId: exp.id,
          otherLocator: exp.locator,
          expected: nearOne
            ? null
            : ratio
              ? phrase("direction.expected", { expectation, comparison: printed.comparison, reciprocal, reverse: versus(`${c.reference}`, `${c.exposure}`) })
              : phrase("direction.expectedDifference", { expectation, comparison: printed.comparison, reverse: versus(`${c.reference}`, `${c.exposure}`) }),
        }),
      );
    }
  }
  return flags;
}
