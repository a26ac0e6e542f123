-- Deleting a document moves it to the trash first: restorable for 30 days, then deleted for good.
ALTER TABLE "Document" ADD COLUMN "deletedAt" DATETIME;
