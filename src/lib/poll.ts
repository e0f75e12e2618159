/**
 * The polling loop every waiting helper shares: observe, stop on a final status, else sleep
 * (the server's `openai-poll-after-ms` or the interval) and fetch again, until the deadline.
 */
import type { RequestOptions } from "../internal/runtime";
import { pollAfterMs } from "./poll-after";
import type { WaitSession } from "./wait-session";

/** One state of the thing being waited for, with the headers of the response that carried it. */
export interface Observation<T> {
  readonly value: T;
  readonly headers: unknown;
}

export interface PollSpec<T> {
  /** A state already in hand (a create or submit response): observed before any request. */
  readonly first?: Observation<T>;
  /** Fetches the current state. */
  fetch(options: RequestOptions): Promise<Observation<T>>;
  status(value: T): string | undefined;
  /** True for the statuses the wait stops on. */
  isDone(status: string | undefined): boolean;
  /** False for a status the SDK does not know (named as such in the timeout error). */
  isKnown(status: string | undefined): boolean;
  onStatus?(value: T): void;
}

export async function pollUntilDone<T>(session: WaitSession, spec: PollSpec<T>): Promise<T> {
  let current = spec.first ?? (await session.run(spec.fetch(session.requestOptions())));
  for (;;) {
    const status = spec.status(current.value);
    session.observed(status, spec.isKnown(status));
    spec.onStatus?.(current.value);
    if (spec.isDone(status)) return current.value;
    await session.sleep(pollAfterMs(current.headers) ?? session.intervalMs);
    current = await session.run(spec.fetch(session.requestOptions()));
  }
}
