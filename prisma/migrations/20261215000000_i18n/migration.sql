-- Chinese interface (issue 9): each vocabulary's Simplified Chinese label, from labelZh in content/vocab.
ALTER TABLE "Endpoint" ADD COLUMN "labelZh" TEXT;
ALTER TABLE "Treatment" ADD COLUMN "labelZh" TEXT;
ALTER TABLE "Design" ADD COLUMN "labelZh" TEXT;
ALTER TABLE "SourceLevel" ADD COLUMN "labelZh" TEXT;
ALTER TABLE "MolecularGroup" ADD COLUMN "labelZh" TEXT;
