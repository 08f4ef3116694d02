// Tables as both Markdown renderers (the course's text, the LMS guide's page)
// make them: a header-row cell heads its column, and each body cell carries its
// column's heading as the reader sees it, which the phone layout shows when it
// stacks a row into a card of labelled lines. A table whose first column names
// its rows gets row headers there.
import type MarkdownIt from 'markdown-it';

type Renderer = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Renderer['parse']>[number];

/** an inline token as a reader sees it: its text and code, without the Markdown marks or tags */
export const plainText = (inline: Token | undefined): string =>
  inline?.children?.map((c: Token) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('') ?? '';

export function labelledTables(md: Renderer, { rowHeaders }: { rowHeaders: boolean }): void {
  md.renderer.rules.th_open = (tokens, idx, options, _env, self) => {
    tokens[idx].attrSet('scope', 'col');
    return self.renderToken(tokens, idx, options);
  };
  md.core.ruler.push('labelled_tables', (state) => {
    let headings: string[] = [];
    let inHead = false;
    let column = 0;
    let closeAsHeader = false;
    const tokens = state.tokens;
    tokens.forEach((token, i) => {
      if (token.type === 'thead_open') {
        inHead = true;
        headings = [];
      } else if (token.type === 'thead_close') inHead = false;
      else if (inHead && token.type === 'th_open') headings.push(plainText(tokens[i + 1]));
      else if (token.type === 'tr_open') column = 0;
      else if (token.type === 'td_open') {
        if (rowHeaders && column === 0) {
          token.tag = 'th';
          token.attrSet('scope', 'row');
          closeAsHeader = true;
        } else if (headings[column]) token.attrSet('data-label', headings[column]);
        column++;
      } else if (closeAsHeader && token.type === 'td_close') {
        token.tag = 'th';
        closeAsHeader = false;
      }
    });
    return true;
  });
}
