// What the CLI talks to: the real process (src/cli/main.ts) or in-memory streams (tests).

/** The streams and environment the CLI talks to (the real process by default; replaced in tests). */
export interface CliIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Whether stderr is a terminal (enables the progress bar for many files). */
  readonly stderrIsTTY?: boolean;
  /** Whether stdin is a terminal (then a hint is printed before reading it). */
  readonly stdinIsTTY?: boolean;
  readonly cwd?: string;
  /**
   * Aborted on SIGINT/SIGTERM (reason: the signal's name): document commands finish the line they are writing and
   * return 130 (SIGINT) or 143 (SIGTERM); `serve` shuts down gracefully.
   */
  readonly signal?: AbortSignal;
}

/** Exit code of a command stopped by a signal. */
export function signalExitCode(signal: AbortSignal | undefined): number {
  return signal?.reason === 'SIGINT' ? 130 : 143;
}
