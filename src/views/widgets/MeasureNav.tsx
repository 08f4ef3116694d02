import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { phrased } from '../phrased.tsx';

/** The seed's row of the nine measures, repeated on each measure page. */
export function MeasureNav({ store, view, currentId }: { store: Store; view: View; currentId: string }) {
  const { course } = store;
  const measures = course.pages.filter((p) => course.map.columns.some((c) => c.nav && c.group === p.group));
  const visited = new Set(view.state.visited);
  const { nav } = course.ui;
  return (
    <nav class="measure-nav" aria-label={nav.measuresNav}>
      <ol>
        {measures.map((p) => (
          <li key={p.id} class={`${p.group}${visited.has(p.id) ? ' is-visited' : ''}`}>
            <a href={href({ name: 'page', id: p.id })} aria-current={p.id === currentId ? 'page' : undefined}>
              {phrased(p.navLabel)}
              {visited.has(p.id) && p.id !== currentId && <span class="visually-hidden">（{nav.visited}）</span>}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
