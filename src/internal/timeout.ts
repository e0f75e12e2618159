/**
 * One attempt's cancellation: a signal that aborts when the time limit passes (covering
 * the whole exchange, body included) or when the caller's signal aborts, whichever is first.
 * `dispose()` clears the timer and the listener, so nothing outlives the attempt.
 */

/** The part of an AbortSignal the runtime needs (axios' GenericAbortSignal fits too). */
export interface SignalLike {
  readonly aborted: boolean;
  addEventListener?: (type: "abort", listener: () => void, options?: { once?: boolean }) => void;
  removeEventListener?: (type: "abort", listener: () => void) => void;
}

/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days); cap there. */
const MAX_TIMER_MS = 2_147_483_647;

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True when the time limit, not the caller, ended the attempt. */
  timedOut(): boolean;
  /** Ends the time limit only: a streamed body then lives until it is read or aborted. */
  clearTimer(): void;
  /** Aborts the exchange (closing a streamed body). */
  abort(): void;
  dispose(): void;
}

export function attemptSignal(timeoutMs: number, userSignal: SignalLike | undefined): AttemptSignal {
  const controller = new AbortController();
  let cause: "timeout" | "user" | undefined;
  const end = (why: "timeout" | "user") => {
    if (cause !== undefined) return;
    cause = why;
    controller.abort();
  };
  const onUserAbort = () => end("user");
  userSignal?.addEventListener?.("abort", onUserAbort, { once: true });
  if (userSignal?.aborted) end("user");
  const timer = timeoutMs > 0 && Number.isFinite(timeoutMs) ? setTimeout(() => end("timeout"), Math.min(timeoutMs, MAX_TIMER_MS)) : undefined;
  return {
    signal: controller.signal,
    timedOut: () => cause === "timeout",
    clearTimer: () => {
      if (timer !== undefined) clearTimeout(timer);
    },
    abort: () => end("user"),
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      userSignal?.removeEventListener?.("abort", onUserAbort);
    },
  };
}

/** A signal that mirrors the caller's (for sleeps between attempts); undefined when there is none. */
export function followSignal(userSignal: SignalLike | undefined): { signal: AbortSignal | undefined; dispose(): void } {
  if (!userSignal) return { signal: undefined, dispose: () => undefined };
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  userSignal.addEventListener?.("abort", onAbort, { once: true });
  if (userSignal.aborted) controller.abort();
  return { signal: controller.signal, dispose: () => userSignal.removeEventListener?.("abort", onAbort) };
}
