// The rows in view, shared between the list (which knows) and the map (which draws the band)
// without re-rendering the whole page on every scrolled frame.
import { useSyncExternalStore } from "react";

export interface RangeStore {
  get(): [number, number];
  set(first: number, last: number): void;
  subscribe(listener: () => void): () => void;
}

export function createRangeStore(): RangeStore {
  let value: [number, number] = [0, 0];
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(first, last) {
      if (value[0] === first && value[1] === last) return;
      value = [first, last];
      listeners.forEach((l) => l());
    },
    subscribe(listener) { listeners.add(listener); return () => listeners.delete(listener); },
  };
}

export function useVisibleRange(store: RangeStore): [number, number] {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
