export { ChartFrame } from "./ChartFrame";
export type { DataTable, LegendItem, LegendMark } from "./ChartFrame";
export { ForestPlot } from "./ForestPlot";
export { ArmChart } from "./ArmChart";
export { AlleleSpectrum } from "./AlleleSpectrum";
