import type { Ui } from '../content/ui.ts';

export interface Crumb {
  label: string;
  /** absent on the current screen */
  href?: string;
}

/** Where the learner is, from the top menu down; the top is always first. */
export function Breadcrumb({ trail, ui }: { trail: Crumb[]; ui: Ui['nav'] }) {
  return (
    <nav class="breadcrumb" aria-label={ui.breadcrumb}>
      <ol>
        {[{ label: ui.top, href: '#/' }, ...trail].map((c) => (
          <li key={c.label} aria-current={c.href ? undefined : 'page'}>
            {c.href ? <a href={c.href}>{c.label}</a> : c.label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
