// POST /api/documents/[id]/undo: see ../undo-redo.ts.
import { historyStep } from "../undo-redo";

export const dynamic = "force-dynamic";

export const POST = historyStep("undo");
