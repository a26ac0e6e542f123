-- Comments on a link, with replies (issue #16). linkId is a plain id (see the model's comment).
CREATE TABLE "LinkComment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" INTEGER NOT NULL,
    "linkId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "authorId" INTEGER,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkComment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "LinkComment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Reviewer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE INDEX "LinkComment_documentId_linkId_idx" ON "LinkComment"("documentId", "linkId");
