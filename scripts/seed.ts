// Loads the seed articles into the database on first start (skips those already there).
import { db } from "../lib/db/client";
import { loadSeeds } from "../lib/seeds";

const created = await loadSeeds(db());
console.log(created.length ? `seed articles loaded: documents ${created.join(", ")}` : "seed articles: already loaded");
await db().$disconnect();
