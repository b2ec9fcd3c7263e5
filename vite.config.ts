import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the newsroom's browser islands into dist/client/ with stable names (no hashes), so the
 * server can link /admin/assets/editor.js and /admin/assets/editor.css without a manifest.
 * An app build (not library mode) so dependencies get production defines and full minification.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One module per island; inlining small assets keeps the output to exactly two files.
    assetsInlineLimit: 8192,
    cssCodeSplit: true,
    modulePreload: false,
    rolldownOptions: {
      input: {
        editor: fileURLToPath(new URL('src/client/editor/main.ts', import.meta.url)),
      },
      // Entries export nothing: they are scripts that enhance the page they are loaded on.
      preserveEntrySignatures: false,
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
