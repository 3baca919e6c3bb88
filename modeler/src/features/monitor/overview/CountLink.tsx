/** A count that links to the instances it counts; zero is plain, muted text. */
import { linkClick } from '../../../app/router';
import { listHref, type ListFilter } from '../instances/listFilter';

export function CountLink({ count, filter, label, tone }: { count: number; filter: ListFilter; label: string; tone?: 'danger' | 'warning' }) {
  if (!count) return <span class="mon-count mon-zero" aria-label={`no ${label}`}>0</span>;
  const words = count === 1 ? label.replace(/\binstances\b/, 'instance') : label;
  return (
    <a class={`mon-count${tone ? ` mon-${tone}` : ''}`} href={listHref(filter)} onClick={linkClick} aria-label={`${count} ${words}`}>
      {count}
    </a>
  );
}
