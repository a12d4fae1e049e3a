import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from '../platform/logger.ts';
import { describeFailure } from '../platform/process-guards.ts';

/**
 * Serves `GET /metrics` (Prometheus' text format) and nothing else, on a listener of its own
 * (METRICS_PORT): the public port never serves metrics, so they stay off the internet without a
 * secret to share, reachable only where the operator publishes that port (the scraper's network).
 */
export function serveMetrics(
  registry: Registry,
  port: number,
  host: string,
  log: Logger,
  onListening?: () => void,
): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType }).end(text);
      },
      (error: unknown) => {
        log.error(describeFailure(error), 'metrics could not be collected');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected\n');
      },
    );
  });
  return server.listen(port, host, onListening);
}
