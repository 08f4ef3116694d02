import type { Store, View } from '../../app/store.ts';
import type { Page } from '../../content/types.ts';
import { href } from '../../app/routes.ts';
import { Icon } from '../Icon.tsx';
import { phrased } from '../phrased.tsx';

/** The overview map of the measures, drawn from the pages' groups and labels. */
export function MeasuresMap({ store, view }: { store: Store; view: View }) {
  const visited = new Set(view.state.visited);
  const { nav } = store.course.ui;
  const item = (p: Page) => {
    const labels = p.mapLabels.filter((l) => l !== p.title && l !== p.navLabel);
    return (
    <li key={p.id} class={visited.has(p.id) ? 'is-visited' : undefined}>
      <a href={href({ name: 'page', id: p.id })}>
        {p.icon && <Icon name={p.icon} class="map-icon" />}
        <span class="map-title">{phrased(p.title)}</span>
        {labels.length > 0 && (
          <span class="map-labels">
            {labels.map((l) => (
              <span key={l} class="map-label">
                {phrased(l)}
              </span>
            ))}
          </span>
        )}
        {visited.has(p.id) && <span class="map-visited"><span aria-hidden="true">✓</span><span class="visually-hidden">{nav.visited}</span></span>}
      </a>
    </li>
    );
  };
  return (
    <figure class="measures-map">
      <figcaption class="visually-hidden">{store.course.map.caption}</figcaption>
      <ol class="map-columns">
        {store.course.map.columns.map((col, i) => (
          <li key={col.group} class={`map-column map-${col.group}`}>
            <h2 class="map-column-title">
              <span class="map-step">{i + 1}</span>
              {phrased(col.title)}
            </h2>
            <ul>{store.course.pages.filter((p) => p.group === col.group).map(item)}</ul>
          </li>
        ))}
      </ol>
    </figure>
  );
}
