import type { Clock } from '../server/src/platform/clock.ts';

/** The date every bench's network is generated and asked as of. */
export const BENCH_AS_OF = '2026-06-30';

/** The fixed clock of the benches: 9 in the morning of BENCH_AS_OF, so every run sees the same day. */
export const benchClock: Clock = {
  now: () => new Date(`${BENCH_AS_OF}T09:00:00Z`),
  today: () => BENCH_AS_OF,
};
