/**
 * Replaces the runtime's clock for a test: sleeps are recorded and resolve at once,
 * `random()` is fixed (so jitter is predictable) and `now()` is a settable number.
 */
import { setClock, systemClock } from "../../../src/internal/clock";

export interface FakeClock {
  /** Every delay the runtime asked to sleep, in order (ms). */
  readonly sleeps: number[];
  now: number;
  random: number;
  /** Called with each delay before the sleep resolves. */
  onSleep: ((ms: number) => void) | undefined;
  restore(): void;
}

export function installFakeClock(): FakeClock {
  const fake: FakeClock = {
    sleeps: [],
    now: Date.parse("2024-01-02T03:04:05Z"),
    random: 0,
    onSleep: undefined,
    restore: () => undefined,
  };
  fake.restore = setClock({
    now: () => fake.now,
    random: () => fake.random,
    sleep: async (ms) => {
      fake.sleeps.push(ms);
      fake.onSleep?.(ms);
    },
  });
  return fake;
}

export { systemClock };
