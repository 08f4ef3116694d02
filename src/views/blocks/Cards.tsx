import type { Panel } from '../../content/types.ts';
import { Icon } from '../Icon.tsx';
import { phrased, phrasedHtml } from '../phrased.tsx';

/** Short items side by side, each with its picture. */
export function Cards({ cards, level }: { cards: Panel[]; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <ul class={`cards cards-${Math.min(cards.length, 4)}`}>
      {cards.map((c, i) => (
        <li key={i} class={c.html ? 'card' : 'card card-compact'}>
          {c.icon && <Icon name={c.icon} class="card-icon" />}
          <Heading class="card-title">{phrased(c.title)}</Heading>
          {c.html && <div class="prose" {...phrasedHtml(c.html)} />}
        </li>
      ))}
    </ul>
  );
}
