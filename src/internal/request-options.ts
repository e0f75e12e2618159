/**
 * Per-call options: any axios request config (the seed SDK's `config` argument keeps
 * working) plus the SDK's own `retries` and `timeoutMs`. `signal` and `headers` are the
 * axios fields of the same names: an AbortSignal that cancels the call (retries and the
 * waits between them included), and extra headers that override the SDK's.
 * The helpers below read them for the call context (context.ts).
 */
import type { AxiosRequestConfig } from "axios";
import type { RetrySetting } from "./retries";

export interface RequestOptions extends AxiosRequestConfig {
  /** Retry policy for this call, merged over the client's; `false` turns retries off. */
  retries?: RetrySetting;
  /** Time limit for each attempt of this call, response body included, in milliseconds. */
  timeoutMs?: number;
}

/** The axios options the SDK does not handle itself, passed through; undefined when there are none. */
export function passThroughOptions(options: RequestOptions | undefined): AxiosRequestConfig | undefined {
  if (!options) return undefined;
  const { retries, timeoutMs, timeout, signal, headers, ...axios } = options;
  for (const _ in axios) return axios;
  return undefined;
}

/** The call's own time limit: `timeoutMs`, else a positive axios `timeout`, else undefined. */
export function callTimeoutMs(options: RequestOptions | undefined): number | undefined {
  if (!options) return undefined;
  const { timeoutMs, timeout } = options;
  return timeoutMs ?? (typeof timeout === "number" && timeout > 0 ? timeout : undefined);
}

/** The caller's extra headers, flattened from axios' forms (plain object or AxiosHeaders) to name → string. */
export function callHeaders(options: RequestOptions | undefined): Record<string, string> | undefined {
  const headers = options?.headers;
  if (!headers) return undefined;
  const source: Record<string, unknown> =
    typeof (headers as { toJSON?: unknown }).toJSON === "function"
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : (headers as Record<string, unknown>);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null || value === false) continue;
    if (Array.isArray(value)) out[name.toLowerCase()] = value.join(", ");
    else if (typeof value !== "object") out[name.toLowerCase()] = String(value);
  }
  return out;
}
