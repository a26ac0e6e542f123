// Worker-thread entry of analyse-thread.ts, run from its bundle (dist/worker/analyse-worker.mjs, built
// by scripts/build-worker.mjs). It warms up first: the first analysis of a process loads the lexicon
// and the language models, most of a second that a user who has just pressed Import should not wait
// for. Then it analyses one job at a time: a job in, progress messages and the snapshot out; a
// sentence too long to analyse comes back as an import problem.
import { parentPort } from "node:worker_threads";
import { analysePair, analyseSingle, type ProgressListener } from "../pipeline";
import { loadLexicon } from "../lexicon";
import { SentenceTooLongError } from "../segment";
import type { FromWorker, ToWorker } from "./analyse-thread";
import { sentenceTooLongProblem } from "./errors";

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

// A few paragraphs of ordinary news prose (the JIT compiles the pipeline's hot paths on it), then
// every stem bucket of the lexicon: a first import otherwise stems thousands of dictionary words.
const WARM_UP_EN = `The city council met on Tuesday evening to discuss the new budget. According to the mayor, spending on schools will rise by 4.5 percent next year.

Several residents asked why the bridge on Main Street has been closed since March. "We are still waiting for the engineers' report," said Anna Müller, a spokeswoman for the council.

The opposition criticised the plan as too expensive. It wants the money to go into public transport and cheaper housing instead.`;
const WARM_UP_DE = `Der Stadtrat traf sich am Dienstagabend, um über den neuen Haushalt zu beraten. Laut der Bürgermeisterin sollen die Ausgaben für Schulen im nächsten Jahr um 4,5 Prozent steigen.

Mehrere Anwohner fragten, warum die Brücke in der Hauptstraße seit März gesperrt ist. „Wir warten noch auf den Bericht der Ingenieure“, sagte Anna Müller, eine Sprecherin des Rates.

Die Opposition kritisierte den Plan als zu teuer. Sie möchte das Geld stattdessen in den öffentlichen Nahverkehr und günstigeren Wohnraum stecken.`;
for (let i = 0; i < 2; i++) analysePair({ title: "warm-up", sourceLang: "en", targetLang: "de", sourceText: WARM_UP_EN, targetText: WARM_UP_DE });
const lexicon = loadLexicon();
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
// Words that are in no dictionary: each lookup falls back to its stem bucket and fills it.
for (const a of LETTERS) for (const b of LETTERS) lexicon.enToDe(`${a}${b}qxzing`);
send({ type: "ready" });

port.on("message", (message: ToWorker) => {
  const { job } = message;
  try {
    const progress: ProgressListener = (stage, done, total) => send({ type: "progress", stage, done, total });
    const snapshot = job.kind === "pair" ? analysePair(job.input, progress) : analyseSingle(job.input, progress);
    send({ type: "done", snapshot });
  } catch (err) {
    if (err instanceof SentenceTooLongError) send({ type: "problem", problem: sentenceTooLongProblem(err) });
    else send({ type: "error", message: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
