/**
 * Runs work once for calls with the same key that overlap in this process: a call made while
 * another with its key is under way gets that call's outcome (its answer or its error) instead
 * of doing the work again. Nothing is kept once the work ends, unless `keepAnswerMs` is given: then
 * a call made that long after the work succeeded still gets its answer (an error is never kept).
 * After that, a call does the work anew.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  constructor(private readonly keepAnswerMs = 0) {}

  run(key: string, work: () => Promise<T>): Promise<T> {
    const under = this.running.get(key);
    if (under !== undefined) return under;
    const started = work();
    this.running.set(key, started);
    const forget = () => {
      if (this.running.get(key) === started) this.running.delete(key);
    };
    started.then(() => {
      if (this.keepAnswerMs <= 0) forget();
      // A kept answer must not keep the process alive.
      else setTimeout(forget, this.keepAnswerMs).unref();
    }, forget);
    return started;
  }
}
