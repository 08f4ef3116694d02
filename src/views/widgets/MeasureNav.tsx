import { useRef, useState } from 'preact/hooks';
import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { phrased } from '../phrased.tsx';
import { fill } from '../../content/ui.ts';

/**
 * The seed's row of the nine measures, repeated on each measure page (and on
 * no other: elsewhere it draws nothing). On a small screen, narrow or short,
 * it folds behind one button naming the current measure (CSS decides; the
 * button is hidden on larger screens, where the row always shows).
 */
export function MeasureNav({ store, view, currentId }: { store: Store; view: View; currentId: string }) {
  const { course } = store;
  const measures = course.pages.filter((p) => course.map.columns.some((c) => c.nav && c.group === p.group));
  const visited = new Set(view.state.visited);
  const { nav } = course.ui;
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape folds the open list from anywhere in it, as a menu button's list closes, and gives the focus back to the button
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  const position = measures.findIndex((p) => p.id === currentId);
  if (position < 0) return null;
  return (
    <nav class={`measure-nav${open ? ' is-open' : ''}`} aria-label={nav.measuresNav} onKeyDown={onKeyDown}>
      <button type="button" ref={toggle} class="measure-nav-toggle" aria-expanded={open} aria-controls="measure-nav-list" onClick={() => setOpen(!open)}>
        {/* one span: in the flex button each child would be its own item, and Chromium would name it 「9つの対策 （7/9）」 */}
        <span>
          {phrased(nav.measuresNav)}
          {fill(nav.measuresNavAt, { position: position + 1, total: measures.length })}
        </span>
        <span class="measure-nav-caret" aria-hidden="true">
          {open ? '▲' : '▼'}
        </span>
      </button>
      <ol id="measure-nav-list">
        {measures.map((p) => (
          <li key={p.id} class={`${p.group}${visited.has(p.id) ? ' is-visited' : ''}`}>
            <a href={href({ name: 'page', id: p.id })} aria-current={p.id === currentId ? 'page' : undefined}>
              {phrased(p.navLabel)}
              {visited.has(p.id) && p.id !== currentId && <span class="visually-hidden">{nav.visitedAfter}</span>}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
