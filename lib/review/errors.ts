// The two ways a review operation is refused. Both leave the database untouched.

/** The operation cannot apply to this document as it is (bad position, nothing to merge, …). */
export class InvalidOperationError extends Error {
  /** `nothingToChange`: the operation is harmless and would change nothing (confirm a confirmed link, re-align what stays). */
  constructor(message: string, readonly code: "invalid" | "notFound" | "nothingToUndo" | "nothingToRedo" | "nothingToChange" = "invalid") {
    super(message);
  }
}

export type ConflictEntity = "document" | "link" | "segment" | "flag" | "annotation";

/** The client's view was stale, or someone else changed what an undo/redo would touch. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly entity: ConflictEntity,
    readonly entityId: number | null,
    readonly changedBy: { login: string; name: string } | null = null,
    readonly changedAt: string | null = null,
    readonly current: unknown = null,
    readonly documentVersion: number | null = null,
  ) {
    super(message);
  }
}
