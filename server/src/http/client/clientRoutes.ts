import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../context';

/** The last path segment has a dot: a file the SPA fallback must not answer for. */
function looksLikeFile(path: string): boolean {
  return /\.[^/]*$/.test(path);
}

/**
 * Serves the built client from `clientDir`, with the SPA fallback: a GET of any other page
 * path (`/login`, `/d/…`) gets `index.html`, so the client's router can handle it. Without a
 * built client, pages answer 404 with a hint (API routes work regardless).
 */
export function clientRoutes(clientDir: string | null): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  if (clientDir === null) {
    app.get('*', (c) =>
      c.text('The client has not been built: run `pnpm build` at the repository root.', 404),
    );
    return app;
  }
  const indexFile = join(clientDir, 'index.html');
  app.use('*', serveStatic({ root: clientDir }));
  app.get('*', async (c) => {
    if (looksLikeFile(c.req.path) || !existsSync(indexFile)) return c.notFound();
    // Pages change with every build; their hashed assets can be cached, the page itself not.
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexFile, 'utf8'));
  });
  return app;
}
