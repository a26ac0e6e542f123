"use client";
// The review list, windowed by @tanstack/react-virtual: rows start at an estimated height, are
// measured once rendered, and only those near the viewport are mounted, so a 10,000-link
// document costs about as much as a 50-link one. Short lists render whole.
import { useVirtualizer } from "@tanstack/react-virtual";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type ReactNode } from "react";

export interface VirtualListHandle {
  /** Scrolls the row into view (nearest edge); a row that is not mounted is mounted. */
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
  /** Rows mounted beyond each edge of the viewport. */
  overscan?: number;
  className?: string;
  label: string;
  onRangeChange?: (first: number, last: number) => void;
}

/** Viewport assumed before the list is measured (the server render and hydration). */
const SERVER_VIEWPORT = 1000;

export const VirtualList = forwardRef<VirtualListHandle, Props>(function VirtualList(
  { count, itemKey, renderItem, estimate = 80, renderAllBelow = 200, overscan = 8, className, label, onRangeChange }, ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  // One element either way, so a filter that crosses renderAllBelow keeps the scroll position.
  const windowed = count > renderAllBelow;
  const virtualizer = useVirtualizer({
    count,
    enabled: windowed,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    getItemKey: itemKey,
    overscan,
    initialRect: { width: 0, height: SERVER_VIEWPORT },
    indexAttribute: "data-vindex",
    // Scrolled frames render in the next frame rather than synchronously inside the scroll event.
    useFlushSync: false,
  });

  // Rows actually in view (for the map's viewport band): the virtualiser's range when windowed,
  // otherwise read from the layout once a frame.
  const [seen, setSeen] = useState<[number, number]>([0, 0]);
  const range = windowed ? virtualizer.range : null;
  const first = range?.startIndex ?? seen[0];
  const last = range?.endIndex ?? seen[1];
  useEffect(() => { onRangeChange?.(first, last); }, [first, last, onRangeChange]);
  const measureSeen = useCallback(() => {
    const el = scroller.current;
    if (!el || windowed) return;
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
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
  }, [windowed]);
  useEffect(() => {
    measureSeen();
    const el = scroller.current;
    if (!el || windowed) return;
    const resize = new ResizeObserver(measureSeen);
    resize.observe(el);
    return () => resize.disconnect();
  }, [measureSeen, windowed, count]);
  const frame = useRef(0);
  const onScroll = useCallback(() => {
    if (windowed || frame.current) return;
    frame.current = requestAnimationFrame(() => { frame.current = 0; measureSeen(); });
  }, [measureSeen, windowed]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useImperativeHandle(ref, () => ({
    scrollToIndex(index: number) {
      if (index < 0 || index >= count) return;
      if (windowed) virtualizer.scrollToIndex(index, { align: "auto" });
      else scroller.current?.querySelector<HTMLElement>(`[data-vindex="${index}"]`)?.scrollIntoView({ block: "nearest" });
    },
    element: () => scroller.current,
  }), [count, windowed, virtualizer]);

  const row = (index: number, key: number | string) => (
    <div key={key} data-vindex={index} ref={windowed ? virtualizer.measureElement : undefined} className="vrow" role="listitem">
      {renderItem(index)}
    </div>
  );
  let body: ReactNode;
  if (windowed) {
    const items = virtualizer.getVirtualItems();
    const before = items.length ? items[0].start : 0;
    const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
    body = (
      <>
        <div style={{ height: before }} aria-hidden="true" />
        {items.map((item) => row(item.index, item.key as number | string))}
        <div style={{ height: after }} aria-hidden="true" />
      </>
    );
  } else {
    body = Array.from({ length: count }, (_, i) => row(i, itemKey(i)));
  }
  return (
    // When windowed, the virtualiser keeps the rows in view in place as rows above change height;
    // the browser's own scroll anchoring would move them a second time.
    <div ref={scroller} className={className} style={windowed ? { overflowAnchor: "none" } : undefined} onScroll={onScroll} role="list" aria-label={label} aria-rowcount={count} tabIndex={-1}>
      {body}
    </div>
  );
});
