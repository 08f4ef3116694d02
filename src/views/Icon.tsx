import { iconId } from '../content/icon-id.ts';

/**
 * A picture from the page's icon sprite (built from the icons the content
 * names). Decorative unless it has a label, which then is its Japanese name.
 */
export function Icon({ name, class: className, label }: { name: string; class?: string; label?: string }) {
  const cls = `icon icon-${name.slice(0, name.indexOf(':'))}${className ? ` ${className}` : ''}`;
  const use = <use href={`#${iconId(name)}`} />;
  return label ? (
    <svg class={cls} role="img" aria-label={label}>
      {use}
    </svg>
  ) : (
    <svg class={cls} aria-hidden="true" focusable="false">
      {use}
    </svg>
  );
}
