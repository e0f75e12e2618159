/** Options every waiting helper takes (runs, tool loops, files), and their defaults. */
import type { RequestOptions } from "../internal/runtime";

export interface WaitOptions<Observed> {
  /** Time between polls in milliseconds (default 1000). A response's `openai-poll-after-ms` header takes precedence. */
  intervalMs?: number;
  /** Deadline for the whole wait in milliseconds (default 600000, 10 minutes). There is always a deadline. */
  timeoutMs?: number;
  /** Stops the wait: the helper rejects with WaitAbortedError within one poll interval, and cancels an in-flight request. */
  signal?: AbortSignal;
  /** Called with every state the helper observes: the created object (create* helpers), each poll, each submit. */
  onStatus?: (observed: Observed) => void;
  /** Sent with every request the helper makes (extra headers, for instance). Its `signal` is replaced by the helper's. */
  requestOptions?: RequestOptions;
  /** Clock seam: milliseconds now (default Date.now). */
  now?: () => number;
  /** Clock seam: waits `ms` milliseconds; should reject when `signal` aborts (default: a timer that does). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_INTERVAL_MS = 1000;
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
