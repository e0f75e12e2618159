/**
 * A manual clock: sleeping never waits, it records the delay asked for and moves the time on.
 * Hand `now`/`sleep` to a helper's clock options, or `install()` it as the runtime's clock
 * (retry backoff), where `random` is fixed too so jitter is predictable.
 */
import { setClock } from "../../src/internal/clock";

/** 2024-01-02T03:04:05Z: any fixed instant will do; a fixed one keeps dates in messages stable. */
const START = Date.parse("2024-01-02T03:04:05Z");

export class ManualClock {
  /** Every delay asked for, in order (ms). */
  readonly sleeps: number[] = [];
  /** What `random()` returns to the runtime (its jitter source). */
  random = 0;
  /** Called with each delay before the sleep resolves. */
  onSleep: ((ms: number) => void) | undefined;
  private time: number;
  private uninstall: (() => void) | undefined;

  constructor(private readonly start = START) {
    this.time = start;
  }

  /** Milliseconds since the epoch. */
  readonly now = (): number => this.time;

  /** Milliseconds since the clock was made. */
  readonly elapsed = (): number => this.time - this.start;

  /** Records `ms` and moves the time on; rejects at once, as a real timer does, when `signal` has aborted. */
  readonly sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.onSleep?.(ms);
    this.time += ms;
  };

  /**
   * Makes every runtime in this process read this clock until `restore()`. The runtime ends a
   * sleep on abort itself, so its sleep here ignores the signal (as the runtime's Clock allows).
   */
  install(): this {
    this.restore();
    this.uninstall = setClock({ now: this.now, random: () => this.random, sleep: (ms) => this.sleep(ms) });
    return this;
  }

  /** Puts back the clock that was in use before `install()`. Safe to call twice. */
  restore(): void {
    this.uninstall?.();
    this.uninstall = undefined;
  }
}
