"use client";
// The browser's charts, loaded with their chart library only on a page that draws them: the
// unfiltered home page shows starting questions instead, and its JavaScript stays without recharts
// (about 115 KB gzip). Rendered on the server as before (ssr), so a printed or script-less page has them.
import dynamic from "next/dynamic";

export const ForestPlot = dynamic(() => import("@/components/charts/ForestPlot").then((m) => m.ForestPlot));
export const ArmChart = dynamic(() => import("@/components/charts/ArmChart").then((m) => m.ArmChart));
export const AlleleSpectrum = dynamic(() => import("@/components/charts/AlleleSpectrum").then((m) => m.AlleleSpectrum));
