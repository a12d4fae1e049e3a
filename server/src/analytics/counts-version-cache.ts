/** How many answers of the current counts version are kept (cohorts asked for; the oldest goes first). */
const KEPT_ANSWERS = 32;

/**
 * Answers that hold as long as the data they were computed from: keyed by the kept continuation
 * counts' version (migration …_continuation_counts: every change to a record a report counts moves
 * it on, in the change's own transaction) and by what was asked. A call while the same answer is
 * being computed shares that computation, so identical concurrent reports cost one; a later call
 * at the same version gets the answer; a new version forgets every older answer. An error is never
 * kept.
 */
export class CountsVersionCache<T> {
  #version = -1n;
  readonly #answers = new Map<string, Promise<T>>();

  /** `work()`'s answer for `key` at counts version `version`, computed once per version. */
  run(version: bigint, key: string, work: () => Promise<T>): Promise<T> {
    // Any other version, even an older one (a database recreated under the same client), starts afresh.
    if (version !== this.#version) {
      this.#version = version;
      this.#answers.clear();
    }
    const kept = this.#answers.get(key);
    if (kept !== undefined) return kept;
    const answer = work();
    this.#answers.set(key, answer);
    answer.catch(() => {
      if (this.#answers.get(key) === answer) this.#answers.delete(key);
    });
    if (this.#answers.size > KEPT_ANSWERS) {
      const oldest = this.#answers.keys().next().value;
      if (oldest !== undefined) this.#answers.delete(oldest);
    }
    return answer;
  }

  /** Answers kept now (tests). */
  get size(): number {
    return this.#answers.size;
  }
}
