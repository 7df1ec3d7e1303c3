-- Integrity flags in Chinese: each flag's summary, message and consistent value rendered in
-- Simplified Chinese by the build (lib/checks/flag-text.ts, templates in messages/zh.json), beside the
-- English; the read path picks the columns of the page's language, /api and the exports the English.
ALTER TABLE "Flag" ADD COLUMN "summaryZh" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Flag" ADD COLUMN "messageZh" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Flag" ADD COLUMN "expectedZh" TEXT;
