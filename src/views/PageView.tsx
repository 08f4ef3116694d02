import type { Store, View } from '../app/store.ts';
import type { Block } from '../content/types.ts';
import { href } from '../app/routes.ts';
import { nextSection } from '../model/path.ts';
import { fill } from '../content/ui.ts';
import { Breadcrumb } from './Breadcrumb.tsx';
import { MeasureNav } from './widgets/MeasureNav.tsx';
import { MeasuresMap } from './widgets/MeasuresMap.tsx';
import { StoryList } from './widgets/StoryList.tsx';
import { ChecklistEntry } from './widgets/ChecklistEntry.tsx';
import { Cast } from './widgets/Cast.tsx';
import { Tabs } from './blocks/Tabs.tsx';
import { Cards } from './blocks/Cards.tsx';
import { Details } from './blocks/Details.tsx';
import { Icon } from './Icon.tsx';
import './blocks/blocks.css';
import { BACK, ONWARD, phrased, phrasedHtml } from './phrased.tsx';
import { useScreenTitle } from './useScreenTitle.ts';
import { refGroups } from './refs.ts';

function BlockView({ block, store, view, idBase }: { block: Block; store: Store; view: View; idBase: string }) {
  if (block.type === 'html') return <div class="prose" {...phrasedHtml(block.html)} />;
  if (block.type === 'tabs') return <Tabs tabs={block.tabs} idBase={idBase} />;
  if (block.type === 'cards') return <Cards cards={block.cards} level={block.level} />;
  if (block.type === 'details') return <Details summary={block.summary} html={block.html} />;
  switch (block.widget) {
    case 'cast':
      return <Cast members={store.course.cast} label={store.course.ui.story.cast} />;
    case 'measures-map':
      return <MeasuresMap store={store} view={view} />;
    case 'story-list':
      return <StoryList store={store} view={view} />;
    case 'checklist-entry':
      return <ChecklistEntry store={store} view={view} />;
  }
}

export function PageView({ store, view, pageId }: { store: Store; view: View; pageId: string }) {
  const { course } = store;
  const page = course.pages.find((p) => p.id === pageId)!;
  const section = course.sections.find((s) => s.id === page.section)!;
  const index = section.pages.indexOf(page.id);
  const prev = course.pages.find((p) => p.id === section.pages[index - 1]);
  const next = course.pages.find((p) => p.id === section.pages[index + 1]);
  const { ui } = course;
  const refs = page.refs ? refGroups(page.refs, ui.page) : [];
  // a section's last page leads on to the next section, in the menu's order
  const following = next ? undefined : nextSection(course, section.id);
  useScreenTitle(course, page.title);
  return (
    <article class={`page page-${page.id}${page.wide ? ' page-wide' : ''}`}>
      <Breadcrumb
        ui={ui.nav}
        trail={[
          ...(index > 0 ? [{ label: section.title, href: href({ name: 'page', id: section.pages[0] }) }] : []),
          { label: page.title },
        ]}
      />
      <MeasureNav key={page.id} store={store} view={view} currentId={page.id} />
      <div class="page-heading">
        {page.icon && <Icon name={page.icon} class="page-icon" />}
        <h1>{phrased(page.title)}</h1>
      </div>
      {page.blocks.map((block, i) => (
        <BlockView key={i} block={block} store={store} view={view} idBase={`${page.id}-b${i}`} />
      ))}
      {refs.length > 0 && (
        <aside class="refs" aria-label={ui.page.refs}>
          {refs.map((g) => (
            <div key={g.label}>
              <h2 class="refs-title">{g.label}</h2>
              <ul>
                {g.refs.map((r) => (
                  <li key={r}>{phrased(r)}</li>
                ))}
              </ul>
            </div>
          ))}
        </aside>
      )}
      <nav class="pager" aria-label={ui.nav.pager}>
        {prev ? (
          <a class="button button-secondary pager-prev" href={href({ name: 'page', id: prev.id })} rel="prev">
            {/* one inline run: the arrow flows with the label instead of standing beside it as a flex item */}
            <span>{BACK}{phrased(prev.navLabel)}</span>
          </a>
        ) : (
          <span />
        )}
        <a class="button button-plain pager-top" href="#/">
          {phrased(ui.nav.backToTop)}
        </a>
        {next ? (
          <a class="button pager-next" href={href({ name: 'page', id: next.id })} rel="next">
            <span>{phrased(next.navLabel)}{ONWARD}</span>
          </a>
        ) : following ? (
          <a class="button pager-next-section" href={href({ name: 'page', id: following.pages[0] })}>
            <span>{phrased(fill(ui.page.nextSection, following))}{ONWARD}</span>
          </a>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}
