import type { View } from '../app/store.ts';
import { fill, type Template, type Ui } from '../content/ui.ts';
import { phrased } from './phrased.tsx';

// a notice's buttons vanish with it: keep keyboard and screen-reader users in the page,
// without scrolling main's top to the window's (that slid the title bar out of sight)
const focusMain = () => document.getElementById('main')?.focus({ preventScroll: true });

export function Notices({ notices, onDismiss, ui }: { notices: View['notices']; onDismiss: (id: string) => void; ui: Ui['notices'] }) {
  return (
    <div class="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} class={`notice notice-${n.level}`} data-notice={n.id}>
          <p>
            {phrased(n.params ? fill(ui[n.id] as Template<string>, n.params) : ui[n.id])}
            {n.link && (
              <>
                {' '}
                <a href={n.link.href}>{n.link.label}</a>
              </>
            )}
          </p>
          {n.actions && (
            <div class="notice-actions">
              {n.actions.map((a) => (
                <button
                  key={a.label}
                  type="button"
                  class="button button-secondary"
                  onClick={() => {
                    a.run();
                    focusMain();
                  }}
                >
                  {a.label}
                </button>
              ))}
            </div>
          )}
          {!n.actions && (
            <button
              type="button"
              class="notice-close"
              onClick={() => {
                onDismiss(n.id);
                focusMain();
              }}
              aria-label={ui.close}
            >
              ×
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
