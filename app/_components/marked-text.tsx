// A sentence with its flagged spans marked. Text is rendered as React text nodes, never
// as HTML, so markup inside a sentence shows as what it is.
export interface Mark { start: number; end: number; title: string; className?: string; id?: string }

export function MarkedText({ text, marks }: { text: string; marks: Mark[] }) {
  const sorted = marks.filter((m) => m.end > m.start && m.start < text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue; // overlapping marks: the first one wins, the rest stay in the list
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(<mark key={`${m.start}-${m.end}`} id={m.id} className={m.className} title={m.title} tabIndex={0}>{text.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
