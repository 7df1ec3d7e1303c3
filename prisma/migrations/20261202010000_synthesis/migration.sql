-- Synthesis: treatment hierarchy, Summary-of-Findings questions, risk-of-bias assessments.

-- AlterTable
ALTER TABLE "Treatment" ADD COLUMN "parents" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "RiskOfBias" (
    "studyId" TEXT NOT NULL PRIMARY KEY,
    "tool" TEXT NOT NULL,
    "assessment" TEXT NOT NULL
);
