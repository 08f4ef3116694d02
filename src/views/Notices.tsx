import type { View } from '../app/store.ts';
import type { Ui } from '../content/ui.ts';

export function Notices({ notices, onDismiss, ui }: { notices: View['notices']; onDismiss: (id: string) => void; ui: Ui['notices'] }) {
  return (
    <div class="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} class={`notice notice-${n.level}`} data-notice={n.id}>
          <p>{ui[n.id]}</p>
          <button type="button" class="notice-close" onClick={() => onDismiss(n.id)} aria-label={ui.close}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
