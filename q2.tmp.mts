import { sample, percentile } from "/work/main/scripts/bench/http.ts";
const COMBOS = ["", "endpoint=OS", "group=KRAS", "group=RAS&endpoint=OS&analysis=multivariable", "treatment=bevacizumab", "measure=HR&sourceLevel=primary-full-text", "kind=arm&endpoint=PFS", "flagged=true", "group=KRAS&endpoint=OS", "group=KRAS-G12D&endpoint=ORR"];
const ours = COMBOS.map((q) => `http://127.0.0.1:3502/api/effects?${q}${q ? "&" : ""}limit=50`);
const o = (await sample(ours, 60, 2)).values;
console.log("fast", percentile(o, 50).toFixed(2), percentile(o, 95).toFixed(2));
