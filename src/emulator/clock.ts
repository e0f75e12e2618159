/**
 * The time runs and files advance on. Nothing in the emulator sets a timer for them: each
 * request first brings every object it reads up to `now()`, so a manual clock steps a run
 * exactly when the test moves it, and a real clock needs nothing to clean up on close.
 */

export interface EmulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** A clock a test moves by hand; `sleep` fits the workflow helpers' `sleep` option. */
export interface ManualClock extends EmulatorClock {
  advance(ms: number): void;
  set(epochMs: number): void;
  /** Moves the time on by `ms` at once; rejects, as a timer does, when `signal` has aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: EmulatorClock = { now: () => Date.now() };

/** 2024-01-02T03:04:05Z: a fixed start keeps timestamps stable from run to run. */
const DEFAULT_START = Date.UTC(2024, 0, 2, 3, 4, 5);

export function manualClock(startMs: number = DEFAULT_START): ManualClock {
  let time = startMs;
  return {
    now: () => time,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`manualClock.advance: expected a duration >= 0 ms, got ${ms}`);
      time += ms;
    },
    set(epochMs) {
      time = epochMs;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      time += ms;
    },
  };
}

/** The API's timestamps are whole seconds. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
