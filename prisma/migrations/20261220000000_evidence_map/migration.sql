-- The evidence map read from one index (issue 10: /map took about 4 s at 200,000 records, joining
-- every record-group pair to its record by text id): each EffectMolecularGroup row carries its
-- record's key, endpoint, study and source level, and an index groups them in the map's order.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EffectMolecularGroup" (
    "effectId" TEXT NOT NULL,
    "groupCode" TEXT NOT NULL,
    "effectKey" INTEGER NOT NULL,
    "endpointCode" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "sourceLevel" TEXT NOT NULL,

    PRIMARY KEY ("effectId", "groupCode"),
    CONSTRAINT "EffectMolecularGroup_effectId_fkey" FOREIGN KEY ("effectId") REFERENCES "Effect" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EffectMolecularGroup_groupCode_fkey" FOREIGN KEY ("groupCode") REFERENCES "MolecularGroup" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_EffectMolecularGroup" ("effectId", "groupCode", "effectKey", "endpointCode", "studyId", "sourceLevel") SELECT m."effectId", m."groupCode", e."browseKey", e."endpointCode", e."studyId", e."sourceLevel" FROM "EffectMolecularGroup" m JOIN "Effect" e ON e."id" = m."effectId";
DROP TABLE "EffectMolecularGroup";
ALTER TABLE "new_EffectMolecularGroup" RENAME TO "EffectMolecularGroup";
CREATE INDEX "EffectMolecularGroup_groupCode_idx" ON "EffectMolecularGroup"("groupCode");
CREATE INDEX "EffectMolecularGroup_groupCode_endpointCode_studyId_sourceLevel_idx" ON "EffectMolecularGroup"("groupCode", "endpointCode", "studyId", "sourceLevel");
CREATE INDEX "EffectMolecularGroup_endpointCode_effectKey_idx" ON "EffectMolecularGroup"("endpointCode", "effectKey");
CREATE INDEX "EffectMolecularGroup_effectKey_idx" ON "EffectMolecularGroup"("effectKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
