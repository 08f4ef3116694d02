import type { PageRefs } from '../content/types.ts';
import type { Ui } from '../content/ui.ts';

/**
 * References under their headings, the empty kinds left out: the source's
 * (self-check sheet, criteria) and the course's own mapping, each under its own
 * label wherever they are shown (a measure page, a checklist area, the printed
 * report), so the course's mapping is never read as the source's.
 */
export const refGroups = (refs: PageRefs, words: Ui['page']): { label: string; refs: string[] }[] =>
  [
    { label: words.selfCheck, refs: refs.selfCheck },
    { label: words.criteria, refs: refs.criteria },
    { label: words.related, refs: refs.related ?? [] },
  ].filter((g) => g.refs.length > 0);
