#!/usr/bin/env node
// Global entry (`npm install -g .` then `bitext …`): loads the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";
import path from "node:path";

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { main } = await import(path.join(here, "..", "cli", "main.ts"));
process.exitCode = await main(process.argv.slice(2));
