import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Stylesheets are read as text by the design-token check (styles/tokens.test.ts).
    css: { include: [/\.css(\?|$)/] },
  },
});
