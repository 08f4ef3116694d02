import type { Store, View } from '../app/store.ts';
import type { Block } from '../content/types.ts';
import { href } from '../app/routes.ts';
import { nextSection } from '../model/path.ts';
import { LABELS } from './labels.ts';
import { Breadcrumb } from './Breadcrumb.tsx';
import { MeasureNav } from './widgets/MeasureNav.tsx';
import { MeasuresMap } from './widgets/MeasuresMap.tsx';
import { StoryList } from './widgets/StoryList.tsx';
import { ChecklistEntry } from './widgets/ChecklistEntry.tsx';

function BlockView({ block, store, view }: { block: Block; store: Store; view: View }) {
  if (block.type === 'html') return <div class="prose" dangerouslySetInnerHTML={{ __html: block.html }} />;
  switch (block.widget) {
    case 'measures-map':
      return <MeasuresMap store={store} view={view} />;
    case 'story-list':
      return <StoryList store={store} view={view} />;
    case 'measure-nav':
      return null;
    case 'checklist-entry':
      return <ChecklistEntry store={store} view={view} />;
  }
}

export function PageView({ store, view, pageId }: { store: Store; view: View; pageId: string }) {
  const { course } = store;
  const page = course.pages.find((p) => p.id === pageId)!;
  const section = course.sections.find((s) => s.id === page.section)!;
  const index = section.pages.indexOf(page.id);
  const prev = index > 0 ? course.pages.find((p) => p.id === section.pages[index - 1]) : undefined;
  const next = course.pages.find((p) => p.id === section.pages[index + 1]);
  // a section's last page leads on to the next section, in the menu's order
  const following = next ? undefined : nextSection(course, section.id);
  const showNav = page.group === 'preparation' || page.group === 'measure';
  return (
    <article class={`page page-${page.id}`}>
      <Breadcrumb
        trail={[
          ...(index > 0 ? [{ label: section.title, href: href({ name: 'page', id: section.pages[0] }) }] : []),
          { label: page.title },
        ]}
      />
      {showNav && <MeasureNav key={page.id} store={store} view={view} currentId={page.id} />}
      <h1>{page.title}</h1>
      {page.blocks.map((block, i) => (
        <BlockView key={i} block={block} store={store} view={view} />
      ))}
      {page.refs && (page.refs.selfCheck.length > 0 || page.refs.criteria.length > 0) && (
        <aside class="refs" aria-label="関連する基準">
          {page.refs.selfCheck.length > 0 && (
            <div>
              <h2 class="refs-title">{LABELS.selfCheck}</h2>
              <ul>
                {page.refs.selfCheck.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
          {page.refs.criteria.length > 0 && (
            <div>
              <h2 class="refs-title">{LABELS.criteria}</h2>
              <ul>
                {page.refs.criteria.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
        </aside>
      )}
      <nav class="pager" aria-label="ページ送り">
        {prev ? (
          <a class="button button-secondary pager-prev" href={href({ name: 'page', id: prev.id })} rel="prev">
            ← {prev.navLabel}
          </a>
        ) : (
          <span />
        )}
        <a class="button button-plain pager-top" href="#/">
          {LABELS.backToTop}
        </a>
        {next ? (
          <a class="button pager-next" href={href({ name: 'page', id: next.id })} rel="next">
            {next.navLabel} →
          </a>
        ) : following ? (
          <a class="button pager-next-section" href={href({ name: 'page', id: following.pages[0] })}>
            {LABELS.nextSection(following.title)} →
          </a>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}
