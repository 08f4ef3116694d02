import { useRef, useState } from 'preact/hooks';
import type { Panel } from '../../content/types.ts';
import { Icon } from '../Icon.tsx';
import { phrased, phrasedHtml } from '../phrased.tsx';

/**
 * The WAI-ARIA tabs pattern: one tab stop, arrows/Home/End move and select.
 * Hidden panels stay in the DOM (`until-found`, so the browser's find opens
 * them) and print open.
 */
export function Tabs({ tabs, idBase }: { tabs: Panel[]; idBase: string }) {
  const [selected, setSelected] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const select = (i: number, focus: boolean) => {
    setSelected(i);
    if (focus) list.current?.querySelectorAll<HTMLElement>('[role=tab]')[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const last = tabs.length - 1;
    const to =
      e.key === 'ArrowRight' ? (selected === last ? 0 : selected + 1)
      : e.key === 'ArrowLeft' ? (selected === 0 ? last : selected - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : undefined;
    if (to === undefined) return;
    e.preventDefault();
    select(to, true);
  };
  return (
    <div class="tabs">
      <div class="tab-list" role="tablist" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t, i) => (
          <button
            key={i}
            type="button"
            role="tab"
            id={`${idBase}-tab${i}`}
            aria-selected={i === selected}
            aria-controls={`${idBase}-panel${i}`}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => select(i, false)}
          >
            {t.icon && <Icon name={t.icon} />}
            <span>{phrased(t.title)}</span>
          </button>
        ))}
      </div>
      {tabs.map((t, i) => (
        <div
          key={i}
          class="tab-panel"
          role="tabpanel"
          id={`${idBase}-panel${i}`}
          aria-labelledby={`${idBase}-tab${i}`}
          // a closed panel is still rendered as a box (until-found), so only the open one is a tab stop
          tabIndex={i === selected ? 0 : -1}
          hidden={i === selected ? undefined : ('until-found' as unknown as boolean)}
          // the browser's find-in-page reveals a match in a hidden panel: select its tab
          {...({ onbeforematch: () => setSelected(i) } as object)}
        >
          <p class="tab-print-title" aria-hidden="true">
            {t.title}
          </p>
          <div class="prose" {...phrasedHtml(t.html)} />
        </div>
      ))}
    </div>
  );
}
