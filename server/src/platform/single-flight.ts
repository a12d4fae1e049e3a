/**
 * Runs work once for calls with the same key that overlap in this process: a call made while
 * another with its key is under way gets that call's outcome (its answer or its error) instead
 * of doing the work again. Nothing is kept once the work ends; a later call does it anew.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const under = this.running.get(key);
    if (under !== undefined) return under;
    const started = work().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
