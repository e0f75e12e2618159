/** Reads the `openai-poll-after-ms` header: the server's hint for when to poll next. */

export const POLL_AFTER_HEADER = "openai-poll-after-ms";

/** The header's value in milliseconds, or undefined when absent or not a number >= 0. */
export function pollAfterMs(headers: unknown): number | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const getter = (headers as { get?: unknown }).get;
  const raw =
    typeof getter === "function"
      ? (getter as (name: string) => unknown).call(headers, POLL_AFTER_HEADER)
      : (headers as Record<string, unknown>)[POLL_AFTER_HEADER];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (typeof text !== "string" && typeof text !== "number") return undefined;
  if (typeof text === "string" && !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  const ms = Number(text);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
