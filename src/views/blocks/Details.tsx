import { phrased, phrasedHtml } from '../phrased.tsx';

/** A native disclosure: keyboard and screen readers know it; it prints open. */
export function Details({ summary, html }: { summary: string; html: string }) {
  return (
    <details class="disclosure">
      <summary>{phrased(summary)}</summary>
      <div class="prose" {...phrasedHtml(html)} />
    </details>
  );
}
