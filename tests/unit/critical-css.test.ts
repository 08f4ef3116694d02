// The first screen's share of the stylesheet (scripts/content/critical-css.ts),
// on small hand-written sheets; tests/e2e/first-paint.spec.ts judges the real
// one in a browser.
import { describe, expect, it } from 'vitest';
import { criticalCss } from '../../scripts/content/critical-css.ts';

const markup = '<div class="app"><main id="main" class="content"><h1 class="title big">題</h1><a class="button" href="#/">はじめる</a></main></div>';
const kept = (css: string) => criticalCss(css, markup);

describe('the first screen’s rules', () => {
  it('keeps a rule whose classes, ids and element names are all in the screen, drops one that names something absent', () => {
    expect(kept('.title.big{color:red}main h1{margin:0}#main{padding:0}')).toBe('.title.big{color:red}main h1{margin:0}#main{padding:0}');
    expect(kept('.quiz .title{color:red}')).toBe('');
    expect(kept('#menu{color:red}')).toBe('');
    expect(kept('table{border:0}')).toBe('');
  });

  it('keeps a selector list when any one of its selectors may match', () => {
    expect(kept('.quiz,.button{color:red}')).toBe('.quiz,.button{color:red}');
  });

  it('does not count what it cannot refute: states, pseudo-elements, negations, attributes, the root', () => {
    const css = '.button:hover{color:red}.button::after{content:""}h1:not(.quiz){color:blue}a[href]{color:green}:root{--x:1}*,*::before{box-sizing:border-box}';
    expect(kept(css)).toBe(css);
  });

  it('filters inside @media and @supports, drops a group left empty and everything for print', () => {
    expect(kept('@media (max-width:40em){.title{font-size:1rem}.quiz{margin:0}}')).toBe('@media (max-width:40em){.title{font-size:1rem}}');
    expect(kept('@media (max-width:40em){.quiz{margin:0}}')).toBe('');
    expect(kept('@supports (display:grid){.button{display:grid}}')).toBe('@supports (display:grid){.button{display:grid}}');
    expect(kept('@media print{.title{color:black}}@page{margin:1cm}')).toBe('');
  });

  it('leaves definitions a kept rule may name, and the order of what it keeps', () => {
    const css = '@keyframes spin{to{transform:rotate(1turn)}}.button{animation:spin 1s}.title{color:red}';
    expect(kept(css)).toBe(css);
  });
});
