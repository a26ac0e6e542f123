-- Roles: admin, reviewer, viewer. Existing accounts keep editing (reviewer); the oldest
-- account with a password becomes the admin, so an installation is never without one.
ALTER TABLE "Reviewer" ADD COLUMN "role" TEXT NOT NULL DEFAULT 'reviewer';

UPDATE "Reviewer" SET "role" = 'admin' WHERE "id" = (SELECT MIN("id") FROM "Reviewer" WHERE "passwordHash" NOT LIKE '!%');

-- Deleting a document hides it until an admin restores it.
ALTER TABLE "Document" ADD COLUMN "deletedAt" DATETIME;
