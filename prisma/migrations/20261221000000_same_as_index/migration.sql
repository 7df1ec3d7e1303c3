-- The printings of one figure by the record they name (sameAs): the browser lists one entry per
-- estimate and folds, for a page of records, the printings that name one of them
-- (lib/data/sql/effects.ts printingMates).
CREATE INDEX "Effect_sameAs_idx" ON "Effect"("sameAs");
