/** Where a monitor page sits: Monitor › Order v2 › ORD-7. */
import { linkClick } from '../../../app/router';

export function Breadcrumbs({ trail }: { trail: { label: string; href?: string }[] }) {
  return (
    <nav class="mon-breadcrumbs" aria-label="Breadcrumbs">
      <ol>
        {trail.map((step, index) => (
          <li key={index}>
            {step.href ? <a href={step.href} onClick={linkClick}>{step.label}</a> : <span aria-current="page">{step.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
