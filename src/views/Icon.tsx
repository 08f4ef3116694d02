import { iconId } from '../content/icon-id.ts';

/**
 * A picture from the page's icon sprite (built from the icons the content
 * names). Decorative: the text beside it says what it shows.
 */
export function Icon({ name, class: className }: { name: string; class?: string }) {
  return (
    <svg class={`icon icon-${name.slice(0, name.indexOf(':'))}${className ? ` ${className}` : ''}`} aria-hidden="true" focusable="false">
      <use href={`#${iconId(name)}`} />
    </svg>
  );
}
