import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { courseContent } from './scripts/content/vite-plugin.ts';

// One self-contained index.html: every script and style inlined, relative
// paths only, so it runs from file://, from the preview and from any LMS path.
export default defineConfig({
  base: './',
  plugins: [courseContent(), preact(), viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: 'dist/course',
    emptyOutDir: true,
    target: 'es2019',
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    reportCompressedSize: false,
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
