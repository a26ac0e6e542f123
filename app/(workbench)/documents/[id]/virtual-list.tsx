"use client";
// A small windowed list for rows of varying height: rows start at an estimated height, are
// measured once rendered (ResizeObserver), and only those near the viewport are mounted, so
// a 10,000-link document costs about as much as a 50-link one. Short lists render whole.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";

export interface VirtualListHandle {
  /** Scrolls the row into view (nearest edge) and returns whether it is mounted now. */
  scrollToIndex(index: number): void;
  element(): HTMLDivElement | null;
}

interface Props {
  count: number;
  itemKey: (index: number) => number | string;
  renderItem: (index: number) => ReactNode;
  /** Height assumed for rows not measured yet. */
  estimate?: number;
  /** Up to this many rows no windowing happens at all. */
  renderAllBelow?: number;
  overscan?: number;
  className?: string;
  label: string;
  onRangeChange?: (first: number, last: number) => void;
}

const useIsoLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;
const SERVER_VIEWPORT = 1000;

export const VirtualList = forwardRef<VirtualListHandle, Props>(function VirtualList(
  { count, itemKey, renderItem, estimate = 80, renderAllBelow = 200, overscan = 600, className, label, onRangeChange }, ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<number | string, number>());
  const [measured, setMeasured] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(SERVER_VIEWPORT);
  const windowed = count > renderAllBelow;

  const offsets = useMemo(() => {
    const out = new Float64Array(count + 1);
    if (!windowed) return out;
    for (let i = 0; i < count; i++) out[i + 1] = out[i] + (heights.current.get(itemKey(i)) ?? estimate);
    return out;
    // `measured` stands for the height map, which is mutated in place
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, itemKey, estimate, measured, windowed]);

  const indexAt = useCallback((y: number) => {
    let lo = 0, hi = count;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (offsets[mid + 1] <= y) lo = mid + 1; else hi = mid; }
    return Math.min(lo, Math.max(0, count - 1));
  }, [offsets, count]);

  const first = windowed ? indexAt(Math.max(0, scrollTop - overscan)) : 0;
  const last = windowed ? Math.min(count - 1, indexAt(scrollTop + viewport + overscan)) : count - 1;

  // Rows actually in view (for the map's viewport band); the mounted window is wider.
  const [seen, setSeen] = useState<[number, number]>([0, 0]);
  const measureSeen = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
    if (windowed) {
      // from the offsets: no layout read per frame
      const a = indexAt(top), b = indexAt(Math.max(top, bottom - 1));
      setSeen((prev) => (prev[0] === a && prev[1] === b ? prev : [a, b]));
      return;
    }
    let a = -1, b = -1;
    for (const child of el.querySelectorAll<HTMLElement>("[data-vindex]")) {
      const y = child.offsetTop;
      if (y + child.offsetHeight > top && y < bottom) {
        const i = Number(child.dataset.vindex);
        if (a < 0) a = i;
        b = i;
      }
    }
    if (a >= 0) setSeen((prev) => (prev[0] === a && prev[1] === b ? prev : [a, b]));
  }, [windowed, indexAt]);
  useEffect(() => { measureSeen(); }, [measureSeen, first, last, count, measured, viewport]);
  useEffect(() => { onRangeChange?.(seen[0], seen[1]); }, [seen, onRangeChange]);

  const observer = useRef<ResizeObserver | null>(null);
  const pendingFrame = useRef(0);
  useEffect(() => {
    if (!windowed) return;
    observer.current = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const el = entry.target as HTMLElement;
        const key = el.dataset.vkey;
        if (key === undefined) continue;
        const k = Number.isNaN(Number(key)) ? key : Number(key);
        const h = entry.borderBoxSize?.[0]?.blockSize ?? el.offsetHeight;
        if (h > 0 && heights.current.get(k) !== h) { heights.current.set(k, h); changed = true; }
      }
      if (changed && !pendingFrame.current) {
        pendingFrame.current = requestAnimationFrame(() => { pendingFrame.current = 0; setMeasured((m) => m + 1); });
      }
    });
    return () => { observer.current?.disconnect(); observer.current = null; cancelAnimationFrame(pendingFrame.current); pendingFrame.current = 0; };
  }, [windowed]);

  const observe = useCallback((el: HTMLDivElement) => {
    const current = observer.current;
    current?.observe(el);
    return () => current?.unobserve(el);
  }, []);

  useIsoLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight || SERVER_VIEWPORT);
    const resize = new ResizeObserver(() => setViewport(el.clientHeight || SERVER_VIEWPORT));
    resize.observe(el);
    return () => resize.disconnect();
  }, []);

  const frame = useRef(0);
  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => { frame.current = 0; if (windowed) setScrollTop(scroller.current?.scrollTop ?? 0); measureSeen(); });
  }, [measureSeen, windowed]);

  useImperativeHandle(ref, () => ({
    scrollToIndex(index: number) {
      const el = scroller.current;
      if (!el || index < 0 || index >= count) return;
      const row = el.querySelector<HTMLElement>(`[data-vindex="${index}"]`);
      if (row) { row.scrollIntoView({ block: "nearest" }); return; }
      const top = offsets[index];
      const bottom = offsets[index + 1];
      if (top < el.scrollTop) el.scrollTop = top;
      else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, bottom - el.clientHeight);
      setScrollTop(el.scrollTop);
    },
    element: () => scroller.current,
  }), [count, offsets]);

  const items: ReactNode[] = [];
  for (let i = first; i <= last && count > 0; i++) {
    const key = itemKey(i);
    items.push(
      <div key={key} data-vkey={key} data-vindex={i} ref={windowed ? observe : undefined} className="vrow" role="listitem">
        {renderItem(i)}
      </div>,
    );
  }
  return (
    <div ref={scroller} className={className} onScroll={onScroll} role="list" aria-label={label} aria-rowcount={count} tabIndex={-1}>
      {windowed && <div style={{ height: offsets[first] }} aria-hidden="true" />}
      {items}
      {windowed && <div style={{ height: offsets[count] - offsets[last + 1] }} aria-hidden="true" />}
    </div>
  );
});
