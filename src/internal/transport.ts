/**
 * Sends one HTTP request of an attempt with axios and says what became of it, without
 * throwing: a response (any status, body read in full), a timeout, a caller's abort, or a
 * connection failure. Redirects come back as responses (the runtime follows them). When the
 * call may stream, a `text/event-stream` response is handed over unread: the time limit ends
 * at its headers, and the caller's signal or the stream's own abort closes it.
 */
import type { AxiosError, AxiosRequestConfig, AxiosResponse } from "axios";
import type { AttemptContext } from "./attempt";
import { responseKindOf } from "./contract";
import { ReceivedResponse, type StreamedBody } from "./response";

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

export async function sendOnce(request: OutgoingRequest, attempt: AttemptContext): Promise<AttemptOutcome> {
  const { call } = attempt;
  try {
    // Built as one literal: spreading another object first makes V8 build a slow object (microseconds per call).
    const config: AxiosRequestConfig = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      data: request.data,
      signal: attempt.signal,
      responseType: call.streaming ? "stream" : "arraybuffer",
      transformResponse: keepBody,
      validateStatus: anyStatus,
      // The runtime follows redirects itself (see redirects.ts); this sends through plain node:http.
      maxRedirects: 0,
      proxy: call.client.proxy,
    };
    const passThrough = call.passThrough;
    const client = call.client.http.get();
    const http = client instanceof Promise ? await client : client;
    const raw = (await http.request(
      passThrough ? Object.assign({}, passThrough, config, passThroughProxy(passThrough)) : config,
    )) as AxiosResponse;
    if (call.streaming) return await streamedOutcome(raw, request, attempt);
    return { kind: "response", response: new ReceivedResponse(raw) };
  } catch (error) {
    if (attempt.timedOut()) return { kind: "timeout" };
    if (call.signal?.aborted || isCancel(error)) return { kind: "aborted" };
    if (!isAxiosError(error)) throw error;
    // An axios `timeout` (from the seed's config or a custom instance's defaults).
    if (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT") {
      if (/timeout/i.test(error.message)) return { kind: "timeout" };
    }
    return { kind: "connection", failure: error };
  }
}

/** An event stream is handed over unread; any other body is read in full. */
async function streamedOutcome(
  raw: AxiosResponse,
  request: OutgoingRequest,
  attempt: AttemptContext,
): Promise<AttemptOutcome> {
  if (raw.status >= 300 || responseKindOf(String(raw.headers["content-type"] ?? "")) !== "stream") {
    raw.data = await readAll(raw.data as AsyncIterable<Uint8Array>);
    return { kind: "response", response: new ReceivedResponse(raw) };
  }
  attempt.handOverStream();
  const { call } = attempt;
  const stream: StreamedBody = {
    source: raw.data as AsyncIterable<Uint8Array>,
    stop: () => attempt.stop(),
    abortedByCaller: () => (call.signal?.aborted ? call.errors.aborted(request) : undefined),
  };
  return { kind: "response", response: new ReceivedResponse({ ...raw, data: undefined }, stream) };
}

/** A proxy the caller set for this call wins over the runtime's default. */
function passThroughProxy(passThrough: AxiosRequestConfig): AxiosRequestConfig {
  return "proxy" in passThrough ? { proxy: passThrough.proxy } : {};
}

// axios' own checks, by the marks its errors carry, so they hold for errors from any copy of axios.
function isCancel(error: unknown): boolean {
  return typeof error === "object" && error !== null && Boolean((error as { __CANCEL__?: unknown }).__CANCEL__);
}

function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === "object" && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

/** The runtime reads bodies and judges statuses itself; axios passes both through. */
const keepBody = (data: unknown): unknown => data;
const anyStatus = (): boolean => true;

async function readAll(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
