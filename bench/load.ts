// Concurrent clients and the figures of a timed run, shared by the page benchmarks.

/** A timed run: every request's latency (ms, sorted) and the run's throughput. */
export interface Timing {
  latencies: number[];
  requestsPerSecond: number;
}

/** `requests` requests from `clients` concurrent clients, each sending its next as the last returns. */
export async function timeRequests(
  ask: (request: number) => Promise<unknown>,
  requests: number,
  clients: number,
): Promise<Timing> {
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < requests) {
      const request = next;
      next += 1;
      const sent = performance.now();
      await ask(request);
      latencies.push(performance.now() - sent);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(clients, requests) }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, requestsPerSecond: requests / seconds };
}

/** The p-th percentile of sorted values (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** Milliseconds as the tables print them. */
export const ms = (value: number): string =>
  `${value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ms`;

/** A Markdown table, its columns padded so it also reads as plain text. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [format(header), rule, ...rows.map(format)].join('\n');
}
