/**
 * Sends one attempt with axios and says what became of it, without throwing: a response
 * (any status, body read in full), a timeout, a caller's abort, or a connection failure.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig } from "axios";
import { ReceivedResponse } from "./response";
import { attemptSignal, type SignalLike } from "./timeout";

export type AttemptOutcome =
  | { readonly kind: "response"; readonly response: ReceivedResponse }
  | { readonly kind: "timeout" }
  | { readonly kind: "aborted" }
  | { readonly kind: "connection"; readonly failure: unknown };

export async function sendOnce(client: AxiosInstance, config: AxiosRequestConfig, timeoutMs: number, userSignal: SignalLike | undefined): Promise<AttemptOutcome> {
  const attempt = attemptSignal(timeoutMs, userSignal);
  try {
    const raw = await client.request({
      ...config,
      signal: attempt.signal,
      responseType: "arraybuffer",
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
    });
    return { kind: "response", response: new ReceivedResponse(raw) };
  } catch (error) {
    if (attempt.timedOut()) return { kind: "timeout" };
    if (userSignal?.aborted || axios.isCancel(error)) return { kind: "aborted" };
    if (!axios.isAxiosError(error)) throw error;
    // An axios `timeout` (from the seed's config or a custom instance's defaults).
    if (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT") {
      if (/timeout/i.test(error.message)) return { kind: "timeout" };
    }
    return { kind: "connection", failure: error };
  } finally {
    attempt.dispose();
  }
}
