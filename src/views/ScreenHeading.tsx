import type { ComponentChildren } from 'preact';

/**
 * A screen's h1 with the small line shown above it (which quiz of how many,
 * the story's category, which area of the checklist). The line follows the h1
 * in the document and CSS draws it above: focus lands on the h1 at each screen
 * change, and a screen reader reading on from there would otherwise never
 * reach it.
 */
export function ScreenHeading({
  kicker,
  kickerClass,
  name,
  children,
}: {
  kicker: ComponentChildren;
  kickerClass: string;
  /** the h1's accessible name where its text alone would not tell the screen apart from another */
  name?: string;
  children: ComponentChildren;
}) {
  return (
    <hgroup class="screen-heading">
      <h1 aria-label={name}>{children}</h1>
      <p class={kickerClass}>{kicker}</p>
    </hgroup>
  );
}
