-- Web imports as rows: progress stored as it goes, jobs of a stopped server failed and retryable (issue #12).
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "stage" TEXT NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "title" TEXT,
    "sourceLang" TEXT NOT NULL,
    "targetLang" TEXT,
    "sourceName" TEXT NOT NULL,
    "targetName" TEXT,
    "sourceText" TEXT,
    "targetText" TEXT,
    "presegmented" BOOLEAN NOT NULL DEFAULT false,
    "documentId" INTEGER,
    "problems" JSONB,
    "error" TEXT,
    "retryable" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "authorId" INTEGER,
    "owner" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ImportJob_state_idx" ON "ImportJob"("state");

CREATE INDEX "ImportJob_authorId_createdAt_idx" ON "ImportJob"("authorId", "createdAt");
