/**
 * The request path's three contexts, one per lifetime:
 * - ClientContext: fixed when the client is built (axios instance, server URL, credentials,
 *   the client's retry policy and time limit, secrets to scrub, the log).
 * - CallContext: one operation call: its definition, the request built from its arguments,
 *   the caller's options merged over the client's, and the call's error builders.
 * - AttemptContext (attempt.ts): one HTTP try of a call: its number, signal and timer.
 */
import type { AxiosRequestConfig } from "axios";
import { AttemptContext, type SignalLike } from "./attempt";
import type { EncodedBody } from "./body";
import { CallErrors } from "./error-factory";
import type { CallArgs, OperationDef } from "./contract";
import type { HttpClient } from "./http-client";
import type { RequestLog } from "./logging";
import type { Scrubber } from "./redact";
import { DEFAULT_MAX_REDIRECTS } from "./redirects";
import { buildRequest, type Credentials, isStreamed } from "./request";
import { callTimeoutMs, passThroughOptions, type RequestOptions } from "./request-options";
import { resolveRetries, type RetryConfig } from "./retries";
import type { OutgoingRequest } from "./transport";
import { isStream } from "./upload";

/** What every call of one client shares; fixed when the client is built. */
export interface ClientContext {
  readonly http: HttpClient;
  /** `false` for every request when no proxy can apply (see proxy.ts); undefined leaves it to axios. */
  readonly proxy: false | undefined;
  readonly serverURL: string;
  readonly userAgent: string;
  readonly credentials: Credentials;
  readonly retries: Required<RetryConfig>;
  /** Time limit for each attempt, in milliseconds; 0 means none. */
  readonly timeoutMs: number;
  readonly scrubber: Scrubber;
  readonly log: RequestLog;
}

/** One operation call, from its arguments to its result or error; every attempt shares it. */
export class CallContext {
  readonly request: OutgoingRequest;
  /** The caller's own axios options, passed through to axios; undefined when there are none. */
  readonly passThrough: AxiosRequestConfig | undefined;
  /** The caller's AbortSignal: it cancels the call, retries and the waits between them included. */
  readonly signal: SignalLike | undefined;
  readonly retries: Required<RetryConfig>;
  readonly maxAttempts: number;
  /** Time limit for each attempt, in milliseconds; 0 means none. */
  readonly timeoutMs: number;
  /** Redirects one attempt follows. */
  readonly maxRedirects: number;
  /** True when the response may be a `text/event-stream`, handed over unread. */
  readonly streaming: boolean;
  /** What debug log lines show of the request body; undefined when logging is off. */
  readonly bodyPreview: string | undefined;
  readonly errors: CallErrors;
  /** Attempts begun so far; errors report it. */
  attempts = 0;

  constructor(
    readonly client: ClientContext,
    readonly op: OperationDef,
    args: CallArgs,
    options: RequestOptions | undefined,
    body: EncodedBody | undefined,
  ) {
    this.request = buildRequest(op, args, body, options, client);
    this.passThrough = passThroughOptions(options);
    this.signal = options?.signal as SignalLike | undefined;
    this.retries = options?.retries === undefined ? client.retries : resolveRetries(client.retries, options.retries);
    // A one-shot stream cannot be sent twice, so neither retried nor redirected.
    const oneShot = body !== undefined && isStream(body.data);
    this.maxAttempts = 1 + (oneShot ? 0 : this.retries.maxRetries);
    this.timeoutMs = callTimeoutMs(options) ?? client.timeoutMs;
    const redirects = options?.maxRedirects ?? client.http.custom?.defaults.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.maxRedirects = oneShot ? 0 : redirects;
    this.streaming = isStreamed(op);
    this.bodyPreview = client.log.enabled ? bodyPreview(body) : undefined;
    this.errors = new CallErrors(this);
  }

  /** Begins the next attempt. */
  nextAttempt(): AttemptContext {
    return new AttemptContext(this, ++this.attempts);
  }
}

/** What a debug log line shows of a request body. */
function bodyPreview(body: EncodedBody | undefined): string | undefined {
  if (!body) return undefined;
  const data = body.data;
  if (typeof data === "string") return data;
  if (body.contentType?.startsWith("multipart/")) return "[multipart form data]";
  if (isStream(data)) return "[stream]";
  if (data instanceof Uint8Array || data instanceof ArrayBuffer) return `[${data.byteLength} bytes]`;
  return "[body]";
}
