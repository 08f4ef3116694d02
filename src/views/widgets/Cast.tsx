import type { CastMember } from '../../content/types.ts';
import { Icon } from '../Icon.tsx';
import { phrased } from '../phrased.tsx';

/** The people and companies of a story, drawn, each with name and role as text. */
export function Cast({ members, label }: { members: CastMember[]; label: string }) {
  return (
    <figure class="cast">
      <figcaption class="cast-caption">{label}</figcaption>
      <ul>
        {members.map((m) => (
          <li key={m.id} class={`cast-member cast-${m.id}`}>
            <Icon name={m.icon} class="cast-icon" />
            <span class="cast-name">{phrased(m.name)}</span>
            <span class="cast-role">{phrased(m.role)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
