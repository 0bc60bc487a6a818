import babel, { defineRolldownBabelPreset } from '@rolldown/plugin-babel';
import type { PluginOption } from 'vite';

/**
 * Lingui's macros for the client build and its tests. @vitejs/plugin-react 6 on Vite 8 no
 * longer runs Babel, so the macros (`<Trans>`, `t`, `plural`) are compiled by the macro's Babel
 * plugin through @rolldown/plugin-babel. The filter keeps Babel to the files that import a
 * macro: every other file stays on Oxc's fast path. The catalogs are compiled ahead of time
 * (`pnpm i18n:compile`, committed beside the `.po` files), so no catalog plugin is needed.
 */
export function linguiPlugins(): PluginOption[] {
  const macroPreset = defineRolldownBabelPreset({
    preset: { plugins: ['@lingui/babel-plugin-lingui-macro'] },
    rolldown: { filter: { code: /@lingui\/(core|react)\/macro/ } },
  });
  return [babel({ presets: [macroPreset] })];
}
