import { defineConfig } from 'vitest/config';
import { linguiPlugins } from '../vite.lingui.ts';

export default defineConfig({
  // The same macro transform as the build, so tests run the code the browser runs.
  plugins: linguiPlugins(),
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/i18n/testSetup.ts'],
    // Stylesheets are read as text by the design-token check (styles/tokens.test.ts).
    css: { include: [/\.css(\?|$)/] },
  },
});
