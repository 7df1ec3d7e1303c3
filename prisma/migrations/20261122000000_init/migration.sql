-- CreateTable
CREATE TABLE "DatasetMeta" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Endpoint" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "synonyms" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Treatment" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "class" TEXT NOT NULL,
    "synonyms" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Design" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "SourceLevel" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "rank" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "MolecularGroup" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "parentCode" TEXT,
    "level" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "synonyms" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Study" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shortName" TEXT NOT NULL,
    "title" TEXT,
    "authors" TEXT NOT NULL,
    "authorsComplete" BOOLEAN NOT NULL,
    "journal" TEXT,
    "year" INTEGER,
    "volume" TEXT,
    "issue" TEXT,
    "pages" TEXT,
    "doi" TEXT,
    "pmid" TEXT,
    "reports" TEXT NOT NULL,
    "design" TEXT NOT NULL,
    "setting" TEXT,
    "centres" TEXT,
    "country" TEXT,
    "enrolment" TEXT,
    "n" INTEGER,
    "codonsTested" TEXT,
    "followUp" TEXT,
    "sourceLevel" TEXT NOT NULL,
    "sourceLevels" TEXT NOT NULL,
    "notes" TEXT,
    "file" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Study_design_fkey" FOREIGN KEY ("design") REFERENCES "Design" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Arm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studyId" TEXT NOT NULL,
    "armKey" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "n" INTEGER,
    "molecularGroup" TEXT,
    "treatment" TEXT,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Arm_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Effect" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "sourceLevel" TEXT NOT NULL,
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
    "searchText" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "Effect_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Effect_endpointCode_fkey" FOREIGN KEY ("endpointCode") REFERENCES "Endpoint" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EffectMolecularGroup" (
    "effectId" TEXT NOT NULL,
    "groupCode" TEXT NOT NULL,

    PRIMARY KEY ("effectId", "groupCode"),
    CONSTRAINT "EffectMolecularGroup_effectId_fkey" FOREIGN KEY ("effectId") REFERENCES "Effect" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EffectMolecularGroup_groupCode_fkey" FOREIGN KEY ("groupCode") REFERENCES "MolecularGroup" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "effectId" TEXT,
    "locator" TEXT,
    "otherEffectId" TEXT,
    "otherLocator" TEXT,
    "expected" TEXT,
    CONSTRAINT "Flag_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Flag_effectId_fkey" FOREIGN KEY ("effectId") REFERENCES "Effect" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Arm_studyId_idx" ON "Arm"("studyId");

-- CreateIndex
CREATE INDEX "Effect_studyId_idx" ON "Effect"("studyId");

-- CreateIndex
CREATE INDEX "Effect_endpointCode_idx" ON "Effect"("endpointCode");

-- CreateIndex
CREATE INDEX "Effect_measure_idx" ON "Effect"("measure");

-- CreateIndex
CREATE INDEX "Effect_sourceLevel_idx" ON "Effect"("sourceLevel");

-- CreateIndex
CREATE INDEX "EffectMolecularGroup_groupCode_idx" ON "EffectMolecularGroup"("groupCode");

-- CreateIndex
CREATE INDEX "Flag_effectId_idx" ON "Flag"("effectId");

-- CreateIndex
CREATE INDEX "Flag_studyId_idx" ON "Flag"("studyId");
