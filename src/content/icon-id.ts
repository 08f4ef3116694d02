/** The id of an icon's <symbol> in the page; content names the icon `set:name`. */
export const iconId = (name: string): string => `i-${name.replace(':', '-')}`;
