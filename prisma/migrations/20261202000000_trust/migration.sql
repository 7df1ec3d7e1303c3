-- Trustworthy at a glance: flag severity and plain summary, damaged print read, structured
-- comparisons, the publication of each figure, followable citations. No internal file names.

-- AlterTable
ALTER TABLE "Study" ADD COLUMN "url" TEXT;
ALTER TABLE "Study" ADD COLUMN "citationNote" TEXT;
ALTER TABLE "Study" DROP COLUMN "file";

-- AlterTable
ALTER TABLE "Effect" ADD COLUMN "readingReason" TEXT;
ALTER TABLE "Effect" ADD COLUMN "exposureGroup" TEXT;
ALTER TABLE "Effect" ADD COLUMN "referenceGroup" TEXT;
ALTER TABLE "Effect" ADD COLUMN "publication" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Effect" ADD COLUMN "publicationDoi" TEXT;

-- AlterTable
ALTER TABLE "Flag" ADD COLUMN "summary" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Effect_exposureGroup_referenceGroup_idx" ON "Effect"("exposureGroup", "referenceGroup");
