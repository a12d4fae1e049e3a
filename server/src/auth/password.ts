import { hash, verify } from '@node-rs/argon2';
import { atMost } from '../platform/at-most.ts';

// argon2id (the library's default algorithm) with OWASP's minimum memory and time costs.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Each run holds 19 MiB for tens of milliseconds of a core. Unlimited, a burst of sign-ins runs
// four at once (libuv's threads), and each one more at once is 19 MiB more of the server's peak
// memory (bench/RESULTS.md). One at a time still hashes 20-40 sign-ins a second on one core, far
// above a clinic network's mornings, and leaves the other core to everyone else's requests.
const oneAtATime = atMost(1);

// Each argon2 run costs tens of milliseconds of a core: the benchmark counts them (bench/submissions.ts).
let argon2Runs = 0;

/** How many argon2 hashes this process has computed (hashing and verifying alike). */
export function argon2RunsSoFar(): number {
  return argon2Runs;
}

export function hashPassword(password: string): Promise<string> {
  argon2Runs += 1;
  return oneAtATime(() => hash(password, OPTIONS));
}

/** A hash of nothing in particular, so an unknown email costs the same time as a wrong password. */
const DECOY_HASH = hash('decoy password that matches nothing', OPTIONS);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  argon2Runs += 1;
  if (passwordHash === null) {
    const decoy = await DECOY_HASH;
    await oneAtATime(() => verify(decoy, password)).catch(() => false);
    return false;
  }
  return oneAtATime(() => verify(passwordHash, password)).catch(() => false);
}
