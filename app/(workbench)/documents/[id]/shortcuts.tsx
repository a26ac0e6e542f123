"use client";
// The keyboard map, in one place: the handler and the `?` overlay both read it.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type Command =
  | "next" | "previous" | "nextProblem" | "previousProblem"
  | "mergeNext" | "mergePrevious" | "splitLink"
  | "shiftSourceUp" | "shiftSourceDown" | "shiftTargetUp" | "shiftTargetDown"
  | "gapSource" | "gapTarget" | "confirm" | "confirmThrough" | "realign"
  | "editTarget" | "editSource" | "joinSentence" | "annotate"
  | "undo" | "redo" | "history" | "help" | "filter"
  | "search" | "selectWordNext" | "selectWordBack" | "selectionLeft" | "selectionRight" | "selectNextSentence" | "selectPreviousSentence";

interface Binding { command: Command; keys: string[]; test(e: KeyboardEvent): boolean }

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const key = (k: string) => (e: KeyboardEvent) => plain(e) && e.key === k;
const alt = (k: string, shift: boolean) => (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey && e.shiftKey === shift && e.key === k;
/** Arrows without Shift (Shift+arrows select words). */
const arrow = (k: string) => (e: KeyboardEvent) => plain(e) && !e.shiftKey && e.key === k;
const shifted = (k: string) => (e: KeyboardEvent) => plain(e) && e.shiftKey && e.key === k;
const ctrl = (k: string, shift: boolean) => (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && e.shiftKey === shift && e.key.toLowerCase() === k;

export const BINDINGS: Binding[] = [
  { command: "next", keys: ["j", "↓"], test: (e) => key("j")(e) || arrow("ArrowDown")(e) },
  { command: "previous", keys: ["k", "↑"], test: (e) => key("k")(e) || arrow("ArrowUp")(e) },
  { command: "nextProblem", keys: ["n"], test: key("n") },
  { command: "previousProblem", keys: ["p"], test: key("p") },
  { command: "mergeNext", keys: ["m"], test: key("m") },
  { command: "mergePrevious", keys: ["M"], test: key("M") },
  { command: "splitLink", keys: ["s"], test: key("s") },
  // `[ ] { }` need AltGr on a German keyboard; `, . ; :` are plain or Shift keys on German and
  // English layouts alike, so they are offered as well (the old keys keep working).
  { command: "shiftSourceUp", keys: ["Alt+↑", ",", "["], test: (e) => alt("ArrowUp", false)(e) || key(",")(e) || key("[")(e) },
  { command: "shiftSourceDown", keys: ["Alt+↓", ".", "]"], test: (e) => alt("ArrowDown", false)(e) || key(".")(e) || key("]")(e) },
  { command: "shiftTargetUp", keys: ["Alt+Shift+↑", ";", "{"], test: (e) => alt("ArrowUp", true)(e) || key(";")(e) || key("{")(e) },
  { command: "shiftTargetDown", keys: ["Alt+Shift+↓", ":", "}"], test: (e) => alt("ArrowDown", true)(e) || key(":")(e) || key("}")(e) },
  { command: "gapSource", keys: ["g"], test: key("g") },
  { command: "gapTarget", keys: ["G"], test: key("G") },
  { command: "confirm", keys: ["c"], test: key("c") },
  { command: "confirmThrough", keys: ["C"], test: key("C") },
  { command: "realign", keys: ["r"], test: key("r") },
  { command: "editTarget", keys: ["e"], test: key("e") },
  { command: "editSource", keys: ["E"], test: key("E") },
  { command: "joinSentence", keys: ["J"], test: key("J") },
  { command: "selectWordNext", keys: ["Shift+→"], test: shifted("ArrowRight") },
  { command: "selectWordBack", keys: ["Shift+←"], test: shifted("ArrowLeft") },
  { command: "selectionRight", keys: ["→"], test: arrow("ArrowRight") },
  { command: "selectionLeft", keys: ["←"], test: arrow("ArrowLeft") },
  { command: "selectNextSentence", keys: ["Shift+↓"], test: shifted("ArrowDown") },
  { command: "selectPreviousSentence", keys: ["Shift+↑"], test: shifted("ArrowUp") },
  { command: "annotate", keys: ["a"], test: key("a") },
  { command: "undo", keys: ["u", "Ctrl+Z"], test: (e) => key("u")(e) || ctrl("z", false)(e) },
  { command: "redo", keys: ["U", "Ctrl+Shift+Z", "Ctrl+Y"], test: (e) => key("U")(e) || ctrl("z", true)(e) || ctrl("y", false)(e) },
  { command: "history", keys: ["h"], test: key("h") },
  { command: "filter", keys: ["f"], test: key("f") },
  { command: "search", keys: ["/"], test: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key === "/" },
  { command: "help", keys: ["?"], test: (e) => !e.ctrlKey && !e.metaKey && e.key === "?" },
];

/** Keys that work while a finding is focused, and inside the sentence editor. */
const CONTEXT_KEYS = [
  { keys: ["Enter"], label: "context.acceptFinding" },
  { keys: ["Delete"], label: "context.dismissFinding" },
  { keys: ["Enter"], label: "context.saveEdit" },
  { keys: ["Alt+Enter"], label: "context.splitAtCaret" },
  { keys: ["Esc"], label: "context.cancel" },
  { keys: ["Esc"], label: "context.backToList" },
  { keys: ["Enter", "Shift+Enter"], label: "context.searchStep" },
];

export function commandFor(e: KeyboardEvent): Command | null {
  return BINDINGS.find((b) => b.test(e))?.command ?? null;
}

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation("review");
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="overlay-box"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-overlay"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => { if (e.key === "Escape" || e.key === "?") { e.preventDefault(); e.stopPropagation(); onClose(); } }}
      >
        <h2 id="shortcuts-title">{t("shortcuts.title")}</h2>
        <div className="shortcut-columns">
          {[BINDINGS.slice(0, 16), BINDINGS.slice(16)].map((part, column) => (
            <table className="shortcuts" key={column}>
              <tbody>
                {part.map((b) => (
                  <tr key={b.command}>
                    <td>{b.keys.map((k, i) => <span key={k}>{i > 0 && " / "}<kbd>{k}</kbd></span>)}</td>
                    <td>{t(`command.${b.command}`)}</td>
                  </tr>
                ))}
                {column === 1 && CONTEXT_KEYS.map((c) => (
                  <tr key={c.label}>
                    <td>{c.keys.map((k, i) => <span key={k}>{i > 0 && " / "}<kbd>{k}</kbd></span>)}</td>
                    <td>{t(c.label)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
        <button ref={close} type="button" onClick={onClose}>{t("shortcuts.close")}</button>
      </div>
    </div>
  );
}
