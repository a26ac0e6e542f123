-- Revisions copied in by an import name the exporting document's rows: never undo them.
ALTER TABLE "Revision" ADD COLUMN "imported" BOOLEAN NOT NULL DEFAULT false;

-- Before this column, imports stored copied revisions with no entity id (every change made
-- here has one), which is how the ones already in the database are recognised.
UPDATE "Revision" SET "imported" = true WHERE "entityId" IS NULL AND "operation" <> 'import';
