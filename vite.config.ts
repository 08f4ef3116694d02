import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { courseContent, scriptLast, stylesLater } from './scripts/content/vite-plugin.ts';

// Preact's h() with the children as arguments rather than a `children` array
// in every element's props: about 360 bytes less gzipped. A plugin after
// preact(), because the preset sets the automatic runtime from its own config
// hook; type checking keeps tsconfig's react-jsx, the types being the same.
const classicJsx: Plugin = {
  name: 'classic-jsx',
  config: () => ({ oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' }, jsxInject: `import { h, Fragment } from 'preact'` } }),
};

// One self-contained index.html: every script and style inlined, relative
// paths only, so it runs from file://, from the preview and from any LMS path.
export default defineConfig({
  base: './',
  // COURSE_CONTENT builds another content folder (a company's own edition, a test's variant)
  plugins: [courseContent(process.env.COURSE_CONTENT), preact(), classicJsx, viteSingleFile({ removeViteModuleLoader: true }), scriptLast(), stylesLater()],
  build: {
    outDir: 'dist/course',
    emptyOutDir: true,
    // the language level tsconfig checks against: optional chaining and ?? stay
    // as written instead of growing into helper temporaries (Chrome 80, Safari
    // 13.1, Firefox 74 and later)
    target: 'es2020',
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    reportCompressedSize: false,
  },
});
