/** "1–50 of 123" with Previous and Next. */
export function Pager({ offset, limit, total, onPage }: { offset: number; limit: number; total: number; onPage(offset: number): void }) {
  if (total <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav class="rep-pager" aria-label="Pages">
      <span aria-live="polite">{offset + 1}–{last} of {total}</span>
      <button type="button" class="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>Previous</button>
      <button type="button" class="button" disabled={last >= total} onClick={() => onPage(offset + limit)}>Next</button>
    </nav>
  );
}
