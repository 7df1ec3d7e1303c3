-- A comparison's records (its arms and contrast) by study and comparison id: the browser keeps a
-- comparison whole when a filter selects one of its arms (lib/data/sql/effects.ts comparisonMates).
CREATE INDEX "Effect_studyId_comparison_idx" ON "Effect"("studyId", "comparison");
