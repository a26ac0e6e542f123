-- Reviews look findings and annotations up by sentence.
CREATE INDEX "Flag_segmentId_idx" ON "Flag"("segmentId");

CREATE INDEX "Annotation_segmentId_idx" ON "Annotation"("segmentId");
