/**
 * Settles a command into the process's exit code. Exit codes rather than process.exit(): the
 * command has closed its database by then, and output still buffered in a pipe is written out.
 */
export function runCommand(name: string, done: Promise<number>): void {
  done.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // The message only: a stack trace or a driver's error object could carry SQL or values.
      console.error(`${name} failed:`, error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
