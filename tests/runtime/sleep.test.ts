/**
 * The one abortable sleep (src/internal/clock.ts) that retry backoff and the wait helpers share:
 * it resolves after its delay, rejects with the signal's reason on abort, and leaves no timer behind.
 */
import { sleep } from "../../src/internal/clock";

function timers(): number {
  return process.getActiveResourcesInfo().filter((type) => type === "Timeout").length;
}

test("resolves after its delay when nothing aborts it", async () => {
  const controller = new AbortController();
  await expect(sleep(1, controller.signal)).resolves.toBeUndefined();
  await expect(sleep(1)).resolves.toBeUndefined();
});

test("an abort during the sleep rejects with the signal's reason and clears the timer", async () => {
  const before = timers();
  const controller = new AbortController();
  const reason = new Error("stop");
  const sleeping = sleep(60_000, controller.signal);
  expect(timers()).toBe(before + 1);
  controller.abort(reason);
  await expect(sleeping).rejects.toBe(reason);
  expect(timers()).toBe(before);
});

test("an already aborted signal rejects at once without arming a timer", async () => {
  const before = timers();
  const sleeping = sleep(60_000, AbortSignal.abort("gone"));
  expect(timers()).toBe(before);
  await expect(sleeping).rejects.toBe("gone");
});

test("a signal without a reason (axios' GenericAbortSignal) rejects with an AbortError", async () => {
  let listener: (() => void) | undefined;
  const signal = {
    aborted: false,
    addEventListener: (_type: "abort", l: () => void) => (listener = l),
    removeEventListener: () => undefined,
  };
  const sleeping = sleep(60_000, signal);
  signal.aborted = true;
  listener!();
  await expect(sleeping).rejects.toMatchObject({ name: "AbortError", message: "This operation was aborted" });
});
