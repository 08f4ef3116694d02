import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { LABELS } from '../labels.ts';
import { phrased } from '../phrased.tsx';

/** The seed's row of the nine measures, repeated on each measure page. */
export function MeasureNav({ store, view, currentId }: { store: Store; view: View; currentId: string }) {
  const measures = store.course.pages.filter((p) => p.group === 'preparation' || p.group === 'measure');
  const visited = new Set(view.state.visited);
  return (
    <nav class="measure-nav" aria-label={LABELS.measuresNav}>
      <ol>
        {measures.map((p) => (
          <li key={p.id} class={`${p.group}${visited.has(p.id) ? ' is-visited' : ''}`}>
            <a href={href({ name: 'page', id: p.id })} aria-current={p.id === currentId ? 'page' : undefined}>
              {phrased(p.navLabel)}
              {visited.has(p.id) && p.id !== currentId && <span class="visually-hidden">（{LABELS.visited}）</span>}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
