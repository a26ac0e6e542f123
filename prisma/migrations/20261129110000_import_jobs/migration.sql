-- Imports write a document in batches while it is "importing" (issue #14).
ALTER TABLE "Document" ADD COLUMN "state" TEXT NOT NULL DEFAULT 'ready';
ALTER TABLE "Document" ADD COLUMN "importOwner" TEXT;
ALTER TABLE "Document" ADD COLUMN "importHeartbeat" DATETIME;

CREATE INDEX "Document_state_idx" ON "Document"("state");
