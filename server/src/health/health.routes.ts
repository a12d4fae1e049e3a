import { type Database, pendingMigrations } from '@ldn/db';
import { Router } from 'express';
import { systemRepositoryOf } from '../access/system-repository.ts';

/**
 * `/healthz`: the process answers. `/readyz`: the database answers and is migrated, and the server
 * is not shutting down (`draining`), so a load balancer stops sending it requests at once.
 */
export function healthRoutes(db: Database, draining: () => boolean = () => false): Router {
  const router = Router();
  // system: a readiness check asks the database itself, for no one.
  const system = systemRepositoryOf(db, 'readiness');
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    if (draining()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await system.databaseAnswers();
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready', database: db.kind });
    } catch (error) {
      req.log.warn({ errorName: (error as Error).name }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  return router;
}
