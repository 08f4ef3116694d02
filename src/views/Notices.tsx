import type { Notice } from '../tracking/tracker.ts';

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: string) => void }) {
  return (
    <div class="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} class={`notice notice-${n.level}`} data-notice={n.id}>
          <p>{n.text}</p>
          <button type="button" class="notice-close" onClick={() => onDismiss(n.id)} aria-label="このお知らせを閉じる">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
