/**
 * Sends one attempt with axios and says what became of it, without throwing: a response
 * (any status, body read in full), a timeout, a caller's abort, or a connection failure.
 * Redirects come back as responses (the runtime follows them). With `streaming`, a
 * `text/event-stream` response is handed over unread: the time limit ends at its headers,
 * and the caller's signal or the stream's own abort closes it.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig } from "axios";
import { responseKindOf } from "./contract";
import { ReceivedResponse, type StreamedBody } from "./response";
import { attemptSignal, type SignalLike } from "./timeout";

export type AttemptOutcome =
  | { readonly kind: "response"; readonly response: ReceivedResponse }
  | { readonly kind: "timeout" }
  | { readonly kind: "aborted" }
  | { readonly kind: "connection"; readonly failure: unknown };

/** One HTTP request as the runtime built it. */
export interface OutgoingRequest {
  /** Upper-case. */
  readonly method: string;
  /** Absolute, so a custom instance's baseURL does not apply to it. */
  readonly url: string;
  /** `false` removes a header axios would otherwise add. */
  readonly headers: Record<string, string | false>;
  readonly data?: unknown;
}

/** How to send: the same for every attempt of a call. */
export interface SendSettings {
  /** The caller's own axios options for this call, passed through; undefined when there are none. */
  readonly passThrough: AxiosRequestConfig | undefined;
  /** `false` when no proxy can apply (see proxy.ts); undefined leaves it to axios. */
  readonly proxy: false | undefined;
  readonly timeoutMs: number;
  readonly signal: SignalLike | undefined;
  /** True when the response may be a `text/event-stream`, handed over unread. */
  readonly streaming: boolean;
}

export async function sendOnce(
  client: AxiosInstance,
  request: OutgoingRequest,
  settings: SendSettings,
  /** The error for a stream the caller's signal ends while it is being read. */
  streamAbortError: () => Error = () => new Error("aborted"),
): Promise<AttemptOutcome> {
  const { timeoutMs, signal: userSignal, streaming } = settings;
  const attempt = attemptSignal(timeoutMs, userSignal);
  let handedOver = false;
  try {
    // Built as one literal: spreading another object first makes V8 build a slow object (microseconds per call).
    const config: AxiosRequestConfig = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      data: request.data,
      signal: attempt.signal,
      responseType: streaming ? "stream" : "arraybuffer",
      transformResponse: keepBody,
      validateStatus: anyStatus,
      // The runtime follows redirects itself (see redirects.ts); this sends through plain node:http.
      maxRedirects: 0,
      proxy: settings.proxy,
    };
    const raw = await client.request(settings.passThrough ? Object.assign({}, settings.passThrough, config, passThroughProxy(settings)) : config);
    if (streaming) {
      if (raw.status < 300 && responseKindOf(String(raw.headers["content-type"] ?? "")) === "stream") {
        attempt.clearTimer();
        handedOver = true;
        const stream: StreamedBody = {
          source: raw.data as AsyncIterable<Uint8Array>,
          stop: () => {
            attempt.abort();
            attempt.dispose();
          },
          abortedByCaller: () => (userSignal?.aborted ? streamAbortError() : undefined),
        };
        return { kind: "response", response: new ReceivedResponse({ ...raw, data: undefined }, stream) };
      }
      raw.data = await readAll(raw.data as AsyncIterable<Uint8Array>);
    }
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
    if (!handedOver) attempt.dispose();
  }
}

/** A proxy the caller set for this call wins over the runtime's default. */
function passThroughProxy(settings: SendSettings): AxiosRequestConfig {
  return settings.passThrough && "proxy" in settings.passThrough ? { proxy: settings.passThrough.proxy } : {};
}

/** The runtime reads bodies and judges statuses itself; axios passes both through. */
const keepBody = (data: unknown): unknown => data;
const anyStatus = (): boolean => true;

async function readAll(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
