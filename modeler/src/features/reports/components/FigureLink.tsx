/** A figure that opens what is behind it (instances or tasks); a zero or an unmeasured figure is plain, muted text. */
import type { ComponentChildren } from 'preact';
import { linkClick } from '../../../app/router';

export function FigureLink({ href, children, label, empty, tone }: { href: string; children: ComponentChildren; label: string; empty?: boolean; tone?: 'danger' | 'warning' | 'good' }) {
  if (empty) return <span class="rep-figure rep-zero">{children}</span>;
  return (
    <a class={`rep-figure${tone ? ` rep-${tone}` : ''}`} href={href} onClick={linkClick} title={label} aria-label={`${children}: ${label}`}>
      {children}
    </a>
  );
}
