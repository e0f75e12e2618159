/**
 * One attempt's cancellation: a signal that aborts when the time limit passes (covering
 * the whole exchange, body included) or when the caller's signal aborts, whichever is first.
 * `dispose()` clears the timer and the listener, so nothing outlives the attempt.
 */
import { newAbortError } from "./clock";

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

/** One attempt's signal, time limit and caller's-signal subscription (a class: no closures per attempt). */
export class AttemptSignal {
  readonly signal = new AttemptAbortSignal();
  private cause: "timeout" | "user" | undefined;
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUserAbort = (): void => this.end("user");

  constructor(
    timeoutMs: number,
    private readonly userSignal: SignalLike | undefined,
  ) {
    userSignal?.addEventListener?.("abort", this.onUserAbort, { once: true });
    if (userSignal?.aborted) this.end("user");
    this.timer = timeoutMs > 0 && Number.isFinite(timeoutMs) ? setTimeout(() => this.end("timeout"), Math.min(timeoutMs, MAX_TIMER_MS)) : undefined;
  }

  /** True when the time limit, not the caller, ended the attempt. */
  timedOut(): boolean {
    return this.cause === "timeout";
  }

  /** Ends the time limit only: a streamed body then lives until it is read or aborted. */
  clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  /** Aborts the exchange (closing a streamed body). */
  abort(): void {
    this.end("user");
  }

  dispose(): void {
    this.clearTimer();
    this.userSignal?.removeEventListener?.("abort", this.onUserAbort);
  }

  private end(why: "timeout" | "user"): void {
    if (this.cause !== undefined) return;
    this.cause = why;
    this.signal.abort();
  }
}

export function attemptSignal(timeoutMs: number, userSignal: SignalLike | undefined): AttemptSignal {
  return new AttemptSignal(timeoutMs, userSignal);
}
