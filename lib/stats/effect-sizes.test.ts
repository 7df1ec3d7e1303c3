import { describe, expect, it } from "vitest";
import { logRatioFromCi, oddsRatio, pFromCi, percentFromCount, riskDifference, riskRatio } from "./effect-sizes";
import { zForLevel } from "./normal";

// Known answers: R 4.x, metafor::escalc / hand calculation, noted beside each case.
describe("oddsRatio", () => {
  it("matches metafor for a table without zero cells (BECOME R0 27/121 vs 7/120)", () => {
    // escalc("OR", ai=27, n1i=121, ci=7, n2i=120): yi = 1.53402, vi = 0.199382, CI 1.932573-11.12491
    const r = oddsRatio({ events1: 27, total1: 121, events2: 7, total2: 120 });
    expect(r.logEstimate).toBeCloseTo(1.53402, 5);
    expect(r.se ** 2).toBeCloseTo(0.199382, 6);
    expect(r.lower).toBeCloseTo(1.932573, 5);
    expect(r.upper).toBeCloseTo(11.12491, 4);
    expect(r.corrected).toBe(false);
  });
  it("adds 0.5 to every cell when one is zero (Spectrum ORR 7/11 vs 13/13)", () => {
    // escalc("OR", ai=7, n1i=11, ci=13, n2i=13): exp(yi) = 0.0617284, sqrt(vi) = 1.558727
    const r = oddsRatio({ events1: 7, total1: 11, events2: 13, total2: 13 });
    expect(r.corrected).toBe(true);
    expect(r.estimate).toBeCloseTo(0.061728, 5);
    expect(r.se).toBeCloseTo(1.558727, 6);
  });
});

describe("riskRatio", () => {
  it("matches the Katz log interval (2/11 vs 8/13)", () => {
    // escalc("RR", ai=2, n1i=11, ci=8, n2i=13): exp(yi) = 0.2954545, sqrt(vi) = 0.6761419
    const r = riskRatio({ events1: 2, total1: 11, events2: 8, total2: 13 });
    expect(r.estimate).toBeCloseTo(0.2954545, 6);
    expect(r.se).toBeCloseTo(0.6761419, 6);
    expect(r.lower).toBeCloseTo(0.2954545 * Math.exp(-1.959964 * 0.6761419), 5);
  });
});

describe("riskDifference", () => {
  it("gives a Wald interval (BECOME R0 27/121 vs 7/120)", () => {
    // escalc("RD", ai=27, n1i=121, ci=7, n2i=120): yi = 0.16480716, sqrt(vi) = 0.04347861
    const r = riskDifference({ events1: 27, total1: 121, events2: 7, total2: 120 });
    expect(r.estimate).toBeCloseTo(0.16480716, 7);
    expect(r.se).toBeCloseTo(0.04347861, 7);
    expect(r.lower).toBeCloseTo(0.16480716 - 1.959964 * 0.04347861, 5);
  });
});

describe("logRatioFromCi and pFromCi", () => {
  it("recovers SE and p from NCCH OS HR 3.37 (1.76-6.47)", () => {
    const { logEstimate, se } = logRatioFromCi(3.37, 1.76, 6.47);
    expect(logEstimate).toBeCloseTo(1.214913, 5);
    expect(se).toBeCloseTo((Math.log(6.47) - Math.log(1.76)) / (2 * 1.959964), 8);
    // R: (log(6.47)-log(1.76))/(2*qnorm(.975)) = 0.3321138; 2*(1-pnorm(log(3.37)/se)) = 0.0002540706
    expect(se).toBeCloseTo(0.3321138, 6);
    expect(pFromCi(3.37, 1.76, 6.47, "log")).toBeCloseTo(0.0002540706, 8);
  });
  it("reproduces the SYSU univariable RAS OR p (2.057, 1.054-4.015, printed 0.035)", () => {
    // R: 0.03452267
    expect(pFromCi(2.057, 1.054, 4.015, "log")).toBeCloseTo(0.03452267, 7);
  });
  it("works on the linear scale for differences", () => {
    // estimate 12, CI -11 to 36: se = 47/3.919928 = 11.9900, z = 1.00083, p = 0.3169
    // R: 2*(1-pnorm(12/(47/(2*qnorm(.975))))) = 0.3169077
    expect(pFromCi(12, -11, 36, "linear")).toBeCloseTo(0.3169077, 6);
  });
  it("uses the right z for other confidence levels", () => {
    expect(zForLevel(95)).toBeCloseTo(1.959964, 6);
    expect(zForLevel(90)).toBeCloseTo(1.644854, 6);
  });
});

describe("percentFromCount", () => {
  it("computes n/N as a percentage", () => {
    expect(percentFromCount(51, 193)).toBeCloseTo(26.4249, 4);
    expect(() => percentFromCount(1, 0)).toThrow();
  });
});
