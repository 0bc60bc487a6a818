import { Hono } from 'hono';
import type { AppEnv } from '../context';

/** `GET /api/health`: 200 once the server is listening (storage is opened before that). */
export function healthRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/health', (c) => c.json({ status: 'ok' as const }));
  return app;
}
