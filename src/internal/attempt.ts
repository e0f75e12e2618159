/**
 * One attempt of a call: its number, when it started, and its cancellation. The attempt's
 * signal aborts when the time limit passes (covering every redirect hop and the response
 * body) or when the caller's signal aborts, whichever is first. `end()` clears the timer and
 * the listener, so nothing outlives the attempt, unless a streamed body was handed over:
 * then the time limit ends at the headers and `stop()`, from the stream, ends the attempt.
 */
import { clock, newAbortError } from "./clock";
import type { CallContext } from "./context";

/** The part of an AbortSignal the runtime needs (axios' GenericAbortSignal fits too). */
export interface SignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener?: (type: "abort", listener: () => void, options?: { once?: boolean }) => void;
  removeEventListener?: (type: "abort", listener: () => void) => void;
}

/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days); cap there. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * What axios needs of `config.signal` (its GenericAbortSignal): `aborted`, `onabort` and the
 * two listener methods. A Node AbortController costs an EventTarget per attempt, and axios'
 * listener on it measurably slows every call; this plain object does the same job.
 */
export class AttemptAbortSignal {
  aborted = false;
  reason: Error | undefined;
  onabort: ((event: { type: "abort" }) => void) | null = null;
  private listeners: Array<(event: { type: "abort" }) => void> = [];

  addEventListener(type: string, listener: (event: { type: "abort" }) => void): void {
    if (type !== "abort") return;
    if (this.aborted) queueMicrotask(() => listener.call(this, { type: "abort" }));
    else this.listeners.push(listener);
  }

  removeEventListener(type: string, listener: (event: { type: "abort" }) => void): void {
    if (type === "abort") this.listeners = this.listeners.filter((l) => l !== listener);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = newAbortError();
    const event = { type: "abort" } as const;
    const listeners = this.listeners;
    this.listeners = [];
    // Called with the signal as `this`, as an EventTarget would (axios' fetch adapter reads `this.reason`).
    this.onabort?.call(this, event);
    for (const listener of listeners) listener.call(this, event);
  }
}

export class AttemptContext {
  /** Handed to axios as `config.signal` for every hop of the attempt. */
  readonly signal = new AttemptAbortSignal();
  /** `clock().now()` when the attempt began. */
  readonly startedAt: number;
  private cause: "timeout" | "user" | undefined;
  private streamed = false;
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUserAbort: (() => void) | undefined;

  constructor(
    readonly call: CallContext,
    /** 1 for the first attempt. */
    readonly number: number,
  ) {
    this.startedAt = clock().now();
    const userSignal = call.signal;
    if (userSignal) {
      this.onUserAbort = () => this.finish("user");
      userSignal.addEventListener?.("abort", this.onUserAbort, { once: true });
      if (userSignal.aborted) this.finish("user");
    }
    const limit = call.timeoutMs;
    // The timer's argument is the attempt, so arming it allocates no closure.
    if (limit > 0 && Number.isFinite(limit)) this.timer = setTimeout(timeUp, Math.min(limit, MAX_TIMER_MS), this);
  }

  /** Milliseconds since the attempt began, for the log. */
  elapsedMs(): number {
    return Math.max(0, Math.round(clock().now() - this.startedAt));
  }

  /** True when the time limit, not the caller, ended the attempt. */
  timedOut(): boolean {
    return this.cause === "timeout";
  }

  /** The response body is handed over unread: the time limit ends here, the signal lives on until `stop()`. */
  handOverStream(): void {
    this.clearTimer();
    this.streamed = true;
  }

  /** Stops a streamed body: aborts the exchange (closing the stream) and releases everything. */
  stop(): void {
    this.finish("user");
    this.release();
  }

  /** Ends the attempt once its outcome is known, unless a streamed body still reads under its signal. */
  end(): void {
    if (!this.streamed) this.release();
  }

  /** @internal Called by the timer. */
  expire(): void {
    this.finish("timeout");
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private release(): void {
    this.clearTimer();
    if (this.onUserAbort) this.call.signal?.removeEventListener?.("abort", this.onUserAbort);
  }

  private finish(why: "timeout" | "user"): void {
    if (this.cause !== undefined) return;
    this.cause = why;
    this.signal.abort();
  }
}

function timeUp(attempt: AttemptContext): void {
  attempt.expire();
}
