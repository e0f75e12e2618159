/** Real-time waits (injected latency, slow bodies) that closing the emulator ends at once. */
export class Sleeper {
  private readonly pending = new Map<NodeJS.Timeout, (finished: boolean) => void>();
  private closed = false;

  /** Resolves true after `ms`, or false at once when the emulator closes. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(true);
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  close(): void {
    this.closed = true;
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve(false);
    }
    this.pending.clear();
  }
}
