-- Scale (issue 10): records stored in list order (browseKey is the rowid), the study's design and the
-- flag count kept on the record, treatments and molecular-group ancestors as join tables, an index per
-- filter column, one flag per disagreeing pair marked for the integrity list, and an FTS5 index of the
-- records' search text.

-- RedefineTables
-- The database is built from content into an empty file (lib/db/write.ts), so the old table holds no
-- rows to copy: browseKey is computed by the build and has no value to migrate from.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Effect" (
    "browseKey" INTEGER NOT NULL PRIMARY KEY,
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "endpointCode" TEXT NOT NULL,
    "measure" TEXT,
    "value" REAL,
    "valueText" TEXT,
    "ciLower" REAL,
    "ciLowerText" TEXT,
    "ciUpper" REAL,
    "ciUpperText" TEXT,
    "ciLevel" REAL,
    "rangeLower" REAL,
    "rangeLowerText" TEXT,
    "rangeUpper" REAL,
    "rangeUpperText" TEXT,
    "readingReason" TEXT,
    "p" TEXT,
    "pValue" REAL,
    "pRelation" TEXT,
    "test" TEXT,
    "events" INTEGER,
    "total" INTEGER,
    "unit" TEXT,
    "timepoint" TEXT,
    "exposure" TEXT,
    "reference" TEXT,
    "exposureGroup" TEXT,
    "referenceGroup" TEXT,
    "groupKey" TEXT,
    "groupLabel" TEXT,
    "population" TEXT NOT NULL,
    "analysis" TEXT NOT NULL,
    "covariates" TEXT NOT NULL,
    "treatment" TEXT,
    "referenceTreatment" TEXT,
    "treatments" TEXT NOT NULL,
    "reportedLevel" TEXT NOT NULL,
    "comparison" TEXT,
    "locator" TEXT NOT NULL,
    "alsoAt" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "publication" TEXT NOT NULL,
    "publicationDoi" TEXT,
    "sourceLevel" TEXT NOT NULL,
    "design" TEXT NOT NULL,
    "citedAs" TEXT,
    "report" TEXT,
    "statement" TEXT,
    "direction" TEXT,
    "note" TEXT,
    "sameAs" TEXT,
    "computed" BOOLEAN NOT NULL,
    "computeMethod" TEXT,
    "derivedFrom" TEXT,
    "logValue" REAL,
    "logSe" REAL,
    "flagged" BOOLEAN NOT NULL,
    "searchText" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Effect_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Effect_endpointCode_fkey" FOREIGN KEY ("endpointCode") REFERENCES "Endpoint" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
DROP TABLE "Effect";
ALTER TABLE "new_Effect" RENAME TO "Effect";
CREATE UNIQUE INDEX "Effect_id_key" ON "Effect"("id");
CREATE INDEX "Effect_studyId_idx" ON "Effect"("studyId");
CREATE INDEX "Effect_endpointCode_idx" ON "Effect"("endpointCode");
CREATE INDEX "Effect_measure_idx" ON "Effect"("measure");
CREATE INDEX "Effect_sourceLevel_idx" ON "Effect"("sourceLevel");
CREATE INDEX "Effect_analysis_idx" ON "Effect"("analysis");
CREATE INDEX "Effect_kind_idx" ON "Effect"("kind");
CREATE INDEX "Effect_design_idx" ON "Effect"("design");
CREATE INDEX "Effect_flagged_idx" ON "Effect"("flagged");
CREATE INDEX "Effect_computed_idx" ON "Effect"("computed");
CREATE INDEX "Effect_sortOrder_idx" ON "Effect"("sortOrder");
CREATE INDEX "Effect_exposureGroup_referenceGroup_idx" ON "Effect"("exposureGroup", "referenceGroup");
CREATE INDEX "Effect_endpointCode_measure_analysis_kind_sourceLevel_design_flagged_computed_idx" ON "Effect"("endpointCode", "measure", "analysis", "kind", "sourceLevel", "design", "flagged", "computed");
CREATE INDEX "Effect_measure_sourceLevel_analysis_kind_endpointCode_design_flagged_computed_idx" ON "Effect"("measure", "sourceLevel", "analysis", "kind", "endpointCode", "design", "flagged", "computed");
CREATE INDEX "Effect_analysis_endpointCode_measure_kind_sourceLevel_design_flagged_computed_idx" ON "Effect"("analysis", "endpointCode", "measure", "kind", "sourceLevel", "design", "flagged", "computed");
CREATE INDEX "Effect_kind_endpointCode_measure_analysis_sourceLevel_design_flagged_computed_idx" ON "Effect"("kind", "endpointCode", "measure", "analysis", "sourceLevel", "design", "flagged", "computed");
CREATE INDEX "Effect_sourceLevel_endpointCode_measure_analysis_kind_design_flagged_computed_idx" ON "Effect"("sourceLevel", "endpointCode", "measure", "analysis", "kind", "design", "flagged", "computed");
CREATE INDEX "Effect_design_endpointCode_measure_analysis_kind_sourceLevel_flagged_computed_idx" ON "Effect"("design", "endpointCode", "measure", "analysis", "kind", "sourceLevel", "flagged", "computed");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateTable
CREATE TABLE "EffectGroupPath" (
    "groupCode" TEXT NOT NULL,
    "effectKey" INTEGER NOT NULL,
    "endpointCode" TEXT NOT NULL,

    PRIMARY KEY ("groupCode", "effectKey"),
    CONSTRAINT "EffectGroupPath_groupCode_fkey" FOREIGN KEY ("groupCode") REFERENCES "MolecularGroup" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EffectGroupPath_effectKey_fkey" FOREIGN KEY ("effectKey") REFERENCES "Effect" ("browseKey") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EffectTreatment" (
    "treatmentCode" TEXT NOT NULL,
    "effectKey" INTEGER NOT NULL,
    "endpointCode" TEXT NOT NULL,

    PRIMARY KEY ("treatmentCode", "effectKey"),
    CONSTRAINT "EffectTreatment_treatmentCode_fkey" FOREIGN KEY ("treatmentCode") REFERENCES "Treatment" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EffectTreatment_effectKey_fkey" FOREIGN KEY ("effectKey") REFERENCES "Effect" ("browseKey") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EffectGroupPath_effectKey_idx" ON "EffectGroupPath"("effectKey");
CREATE INDEX "EffectGroupPath_groupCode_endpointCode_idx" ON "EffectGroupPath"("groupCode", "endpointCode");

-- CreateIndex
CREATE INDEX "EffectTreatment_effectKey_idx" ON "EffectTreatment"("effectKey");
CREATE INDEX "EffectTreatment_treatmentCode_endpointCode_idx" ON "EffectTreatment"("treatmentCode", "endpointCode");

-- AlterTable
ALTER TABLE "Flag" ADD COLUMN "listed" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "Flag_code_idx" ON "Flag"("code");

-- CreateIndex
CREATE INDEX "Study_sortOrder_idx" ON "Study"("sortOrder");

-- Free text: an FTS5 index of Effect.searchText (the record's words with every synonym of its
-- endpoint, treatments and molecular groups, lib/domain/search-text.ts), rowid = Effect.browseKey.
-- Prisma cannot model a virtual table: no model stands for it, lib/db/schema-sync.test.ts leaves it
-- and its shadow tables out by name, and lib/db/write.ts fills it after the records. Contentless
-- (the text stays in Effect.searchText); unicode61 folds case and diacritics; prefix indexes of two
-- and three characters make a word typed so far (a prefix query) cheap.
CREATE VIRTUAL TABLE "EffectSearch" USING fts5("searchText", content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
