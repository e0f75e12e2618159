/**
 * One wait from start to finish: its deadline, its cancellation, and the clock it reads.
 * Every request and tool handler of the wait runs under `signal`, which aborts when the
 * caller's signal does or when the deadline passes, so nothing outlives the wait.
 */
import { sleep } from "../internal/clock";
import type { RequestOptions } from "../internal/runtime";
import { WaitAbortedError, WaitTimeoutError } from "./errors";
import { DEFAULT_INTERVAL_MS, DEFAULT_TIMEOUT_MS, type WaitOptions } from "./wait-options";

const MAX_TIMER_MS = 2 ** 31 - 1;

export class WaitSession {
  /** What is being waited for, used in error messages (`run run_abc123 (thread thread_abc123)`). */
  subject: string;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  private readonly deadline: number;
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  private readonly sleeper: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly onCallerAbort: () => void;
  private lastStatus: string | undefined;
  private lastStatusKnown = true;

  constructor(
    subject: string,
    private readonly options: WaitOptions<never> = {},
  ) {
    this.subject = subject;
    this.intervalMs = nonNegative(options.intervalMs, "intervalMs") ?? DEFAULT_INTERVAL_MS;
    this.timeoutMs = nonNegative(options.timeoutMs, "timeoutMs") ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    this.sleeper = options.sleep ?? sleep;
    this.deadline = this.now() + this.timeoutMs;

    this.onCallerAbort = () => this.controller.abort(new WaitAbortedError(this.subject, options.signal?.reason));
    if (options.signal?.aborted) this.onCallerAbort();
    else options.signal?.addEventListener("abort", this.onCallerAbort, { once: true });
    // Backstop for work in flight (a request or tool handler that never returns): a real timer.
    // Node fires timers longer than 2^31-1 ms at once, so such deadlines are only checked between polls.
    if (this.timeoutMs <= MAX_TIMER_MS) {
      this.timer = setTimeout(() => this.controller.abort(this.timeoutError()), this.timeoutMs);
      this.timer.unref?.();
    }
  }

  /** Aborts when the caller aborts or the deadline passes; its reason is the error the wait rejects with. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The caller's request options with this wait's signal. */
  requestOptions(): RequestOptions {
    return { ...this.options.requestOptions, signal: this.controller.signal };
  }

  /** Records the latest status, for the timeout error's message. */
  observed(status: string | undefined, known: boolean): void {
    this.lastStatus = status;
    this.lastStatusKnown = known;
  }

  /** Throws the wait's error if it was aborted or its deadline has passed. */
  check(): void {
    if (this.controller.signal.aborted) throw this.controller.signal.reason;
    if (this.now() >= this.deadline) {
      const error = this.timeoutError();
      this.controller.abort(error);
      throw error;
    }
  }

  /**
   * Sleeps `ms`, but never past the deadline: a wait whose deadline falls between two polls
   * sleeps until the deadline and polls once more at it. Throws if the deadline has already
   * passed, and at once when the wait is aborted meanwhile.
   */
  async sleep(ms: number): Promise<void> {
    this.check();
    const remaining = Math.max(0, this.deadline - this.now());
    await this.run(this.sleeper(Math.min(ms, remaining), this.controller.signal));
    if (this.controller.signal.aborted) throw this.controller.signal.reason;
  }

  /**
   * Awaits work of the wait (a request, a tool handler). If the wait is aborted or times out
   * meanwhile, rejects at once with the wait's error, whatever the work does.
   */
  async run<T>(work: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    if (signal.aborted) {
      work.catch(() => undefined);
      throw signal.reason;
    }
    let onAbort!: () => void;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([work, aborted]);
    } catch (error) {
      // A request cancelled by our signal fails with the HTTP client's cancel error: report ours.
      if (signal.aborted) throw signal.reason;
      throw error;
    } finally {
      signal.removeEventListener("abort", onAbort);
      work.catch(() => undefined);
    }
  }

  /** Releases the timer and the caller's signal. Call once the wait is over. */
  dispose(): void {
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener("abort", this.onCallerAbort);
  }

  private timeoutError(): WaitTimeoutError {
    return new WaitTimeoutError(this.subject, this.timeoutMs, this.lastStatus, this.lastStatusKnown);
  }
}

/** Runs `body` with a session that is always disposed. */
export async function withSession<T>(
  subject: string,
  options: WaitOptions<never> | undefined,
  body: (session: WaitSession) => Promise<T>,
): Promise<T> {
  const session = new WaitSession(subject, options);
  try {
    return await body(session);
  } finally {
    session.dispose();
  }
}

function nonNegative(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number of milliseconds >= 0, got ${String(value)}`);
  }
  return value;
}
