/**
 * Per-call options: any axios request config (the seed SDK's `config` argument keeps
 * working) plus the SDK's own `retries` and `timeoutMs`. `signal` and `headers` are the
 * axios fields of the same names: an AbortSignal that cancels the call (retries and the
 * waits between them included), and extra headers that override the SDK's.
 */
import type { AxiosRequestConfig } from "axios";
import type { RetrySetting } from "./retries";
import type { SignalLike } from "./timeout";

export interface RequestOptions extends AxiosRequestConfig {
  /** Retry policy for this call, merged over the client's; `false` turns retries off. */
  retries?: RetrySetting;
  /** Time limit for each attempt of this call, response body included, in milliseconds. */
  timeoutMs?: number;
}

/** The SDK's options taken out of a RequestOptions; `axios` is the rest, passed through. */
export interface SplitOptions {
  readonly axios: AxiosRequestConfig;
  readonly retries: RetrySetting | undefined;
  readonly timeoutMs: number | undefined;
  readonly signal: SignalLike | undefined;
  readonly headers: Record<string, string>;
}

const NO_OPTIONS: SplitOptions = Object.freeze({ axios: Object.freeze({}), retries: undefined, timeoutMs: undefined, signal: undefined, headers: Object.freeze({}) });

export function splitRequestOptions(options: RequestOptions | undefined): SplitOptions {
  if (!options) return NO_OPTIONS;
  const { retries, timeoutMs, timeout, signal, headers, ...axios } = options;
  return {
    axios,
    retries,
    timeoutMs: timeoutMs ?? (typeof timeout === "number" && timeout > 0 ? timeout : undefined),
    signal: signal as SignalLike | undefined,
    headers: plainHeaders(headers),
  };
}

/** Flattens axios' header forms (plain object or AxiosHeaders) to name → string. */
function plainHeaders(headers: AxiosRequestConfig["headers"]): Record<string, string> {
  if (!headers) return {};
  const source: Record<string, unknown> =
    typeof (headers as { toJSON?: unknown }).toJSON === "function" ? (headers as { toJSON(): Record<string, unknown> }).toJSON() : (headers as Record<string, unknown>);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null || value === false) continue;
    if (Array.isArray(value)) out[name.toLowerCase()] = value.join(", ");
    else if (typeof value !== "object") out[name.toLowerCase()] = String(value);
  }
  return out;
}
