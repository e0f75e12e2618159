/**
 * Time as the runtime sees it: the current time, a cancellable sleep and a random source
 * for jitter. Tests replace them with `setClock` so retry delays are asserted, not waited.
 * `sleep` below is the SDK's one abortable sleep (retry backoff and the workflow helpers' polls).
 */
import type { SignalLike } from "./attempt";

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Waits `ms` milliseconds; a replacement must end early when `signal` aborts, as `sleep` does. */
  sleep(ms: number, signal?: SignalLike): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

/**
 * Resolves after `ms` milliseconds. When `signal` has aborted, or aborts first, it rejects at
 * once with the signal's reason (an AbortError when the signal has none); either way it leaves
 * no timer and no listener behind.
 */
export function sleep(ms: number, signal?: SignalLike): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener?.("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener?.("abort", onAbort, { once: true });
  });
}

/** The error a Node AbortSignal carries when aborted without a reason. */
export function newAbortError(): Error {
  return Object.assign(new Error("This operation was aborted"), { name: "AbortError" });
}

function abortReason(signal: SignalLike): unknown {
  return signal.reason ?? newAbortError();
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep,
};

let current: Clock = systemClock;

/** The clock in use. */
export function clock(): Clock {
  return current;
}

/**
 * @internal Test seam: replaces parts of the clock for every runtime in this process.
 * Returns a function that restores the previous clock.
 */
export function setClock(overrides: Partial<Clock>): () => void {
  const previous = current;
  current = { ...previous, ...overrides };
  return () => {
    current = previous;
  };
}
