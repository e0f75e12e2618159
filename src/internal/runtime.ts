/**
 * The one function every generated method calls: arguments + operation description
 * in, typed result out. Generated code stays a few lines per method.
 *
 * A call: check the arguments (before anything is sent), build the request once, then
 * send it up to 1 + maxRetries times, each attempt under its own time limit and the
 * caller's AbortSignal, waiting between attempts as the retry policy and the server say.
 * Within an attempt, redirects are followed here (see redirects.ts).
 */
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { encodeBody, type EncodedBody } from "./body";
import { clock } from "./clock";
import { errorTypeOf } from "./error-body";
import { abortError, connectionError, timeoutError } from "./error-factory";
import { type AttemptInfo, type Logger, type LogLevel, RequestLog, resolveLogLevel, stderrLogger } from "./logging";
import type { CallArgs, OperationDef } from "./operation";
import { Scrubber } from "./redact";
import { type RequestOptions, splitRequestOptions } from "./request-options";
import { toResult } from "./response";
import { proxySetting } from "./proxy";
import { DEFAULT_MAX_REDIRECTS, redirectedHeaders, redirectHop } from "./redirects";
import { buildRequest, Credentials, isStreamed, type RequestContext, type SecurityDef } from "./request";
import { isRetryableResponse, resolveRetries, type RetryConfig, type RetrySetting, retryDelayMs } from "./retries";
import { type AttemptOutcome, type OutgoingRequest, sendOnce, type SendSettings } from "./transport";
import { type SignalLike } from "./timeout";
import { isStream } from "./upload";
import { checkArguments } from "./validate";

export type { SecurityDef };

/** Options every generated client accepts (its SDKOptions add the credentials). */
export interface ClientOptions {
  /** Overrides the server URL. */
  serverURL?: string;
  /** A preconfigured axios instance to send requests with (the seed SDK's `defaultClient`). */
  defaultClient?: AxiosInstance;
  /** Retry policy for failed requests, merged over the defaults, or `false` to never retry. */
  retries?: RetrySetting;
  /** Time limit for each attempt, response body included, in milliseconds (default 10 minutes). */
  timeoutMs?: number;
  /**
   * Receives one line per request and per response or failed attempt. Setting it turns
   * logging on at `debug` unless `logLevel` says otherwise. Default: `console.error` when
   * `GPT_SDK_LOG` is set.
   */
  logger?: Logger;
  /** `off`, `info` (a line per request/response) or `debug` (plus headers and body excerpts). Default: `GPT_SDK_LOG`, else off. */
  logLevel?: LogLevel;
}

/** What the generator knows about the API: defaults from the spec and gen.yaml. */
export interface ClientDefaults {
  readonly serverURL: string;
  readonly userAgent: string;
  readonly security: readonly SecurityDef[];
  readonly retries: RetryConfig;
  readonly timeoutMs: number;
}

export type { RequestOptions };

/** What every generated method resolves to, plus the body field named after its schema. */
export interface BaseResult {
  statusCode: number;
  contentType: string;
  rawResponse: AxiosResponse;
}

/** What every attempt of one call shares. */
interface Exchange extends SendSettings {
  readonly maxRedirects: number;
  readonly preview: string | undefined;
}

export class Runtime {
  private readonly client: AxiosInstance;
  private readonly context: RequestContext;
  /** `proxy: false` for every request when no proxy can apply (see proxy.ts). */
  private readonly proxy: false | undefined;
  private readonly scrubber: Scrubber;
  private readonly log: RequestLog;
  readonly retries: Required<RetryConfig>;
  readonly timeoutMs: number;

  constructor(options: ClientOptions, defaults: ClientDefaults) {
    this.client = options.defaultClient ?? axios.create();
    this.proxy = proxySetting(this.client, typeof process === "undefined" ? undefined : process.env);
    this.context = { serverURL: options.serverURL ?? defaults.serverURL, userAgent: defaults.userAgent, credentials: new Credentials(defaults.security) };
    this.retries = resolveRetries(defaults.retries, options.retries);
    this.timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
    this.scrubber = new Scrubber(defaults.security.map((s) => s.value));
    const level = resolveLogLevel(options.logger, options.logLevel, typeof process === "undefined" ? undefined : process.env.GPT_SDK_LOG);
    this.log = new RequestLog(level, options.logger ?? stderrLogger, this.scrubber);
  }

  async call<R extends BaseResult>(op: OperationDef, args: CallArgs, options?: RequestOptions): Promise<R> {
    checkArguments(op, args);
    const call = splitRequestOptions(options);
    const encoded = op.body && args.body !== undefined ? encodeBody(op.body, args.body) : undefined;
    const body = encoded instanceof Promise ? await encoded : encoded;
    const request = buildRequest(op, args, call, body, this.context);
    const { method, url, headers } = request;

    const retry = call.retries === undefined ? this.retries : resolveRetries(this.retries, call.retries);
    // A one-shot stream cannot be sent twice.
    const oneShot = body !== undefined && isStream(body.data);
    const maxAttempts = 1 + (oneShot ? 0 : retry.maxRetries);
    const timeoutMs = call.timeoutMs ?? this.timeoutMs;
    const signal = call.signal;
    if (signal?.aborted) throw abortError(method, url, 0, this.scrubber);
    const preview = this.log.enabled ? bodyPreview(body) : undefined;
    const exchange: Exchange = {
      passThrough: hasKeys(call.axios) ? call.axios : undefined,
      proxy: this.proxy,
      timeoutMs,
      signal,
      streaming: isStreamed(op),
      maxRedirects: oneShot ? 0 : call.axios.maxRedirects ?? this.client.defaults.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      preview,
    };

    for (let attempt = 1; ; attempt++) {
      const at: AttemptInfo = { operationId: op.operationId, method, url, attempt, maxAttempts };
      this.log.request(at, headers, preview);
      const started = clock().now();
      const outcome = await this.send(request, at, exchange);
      const elapsed = Math.max(0, Math.round(clock().now() - started));
      const last = attempt >= maxAttempts;

      if (outcome.kind === "response") {
        const res = outcome.response;
        const retryable =
          !last && res.status >= 400 && isRetryableResponse(res.status, res.headers, res.status === 429 ? errorTypeOf(res.body) : undefined);
        const delay = retryable ? retryDelayMs(attempt - 1, retry, res, clock().now(), clock().random()) : undefined;
        this.log.response(at, res, elapsed, delay);
        if (delay === undefined) return toResult<R>(op, res, { attempts: attempt, scrubber: this.scrubber });
        await this.wait(delay, signal, method, url, attempt);
        continue;
      }
      if (outcome.kind === "aborted") {
        const error = abortError(method, url, attempt, this.scrubber);
        this.log.failure(at, error, elapsed, undefined);
        throw error;
      }
      const error =
        outcome.kind === "timeout"
          ? timeoutError(method, url, timeoutMs, attempt, this.scrubber)
          : connectionError(method, url, outcome.failure, attempt, this.scrubber);
      const delay = last ? undefined : retryDelayMs(attempt - 1, retry, undefined, clock().now(), clock().random());
      this.log.failure(at, error, elapsed, delay);
      if (delay === undefined) throw error;
      await this.wait(delay, signal, method, url, attempt);
    }
  }

  /**
   * One attempt: the request, then each redirect it meets (up to `maxRedirects`), every hop
   * within what is left of the attempt's time limit. A redirect not followed is the outcome.
   */
  private async send(first: OutgoingRequest, at: AttemptInfo, exchange: Exchange): Promise<AttemptOutcome> {
    const deadline = clock().now() + exchange.timeoutMs;
    let request = first;
    for (let hops = 0; ; hops++) {
      // A time limit of 0 means none, for every hop.
      const settings = hops === 0 || !(exchange.timeoutMs > 0) ? exchange : { ...exchange, timeoutMs: Math.max(1, deadline - clock().now()) };
      const outcome = await sendOnce(this.client, request, settings, () =>
        abortError(request.method, request.url, at.attempt, this.scrubber),
      );
      if (outcome.kind !== "response" || hops >= exchange.maxRedirects) return outcome;
      const res = outcome.response;
      const hop = res.status >= 300 && res.status < 400 ? redirectHop(res.status, res.headers["location"], request.url, request.method) : undefined;
      if (!hop) return outcome;
      this.log.response({ ...at, url: request.url }, res, 0, undefined);
      request = {
        method: hop.method,
        url: hop.url,
        headers: redirectedHeaders(request.headers, hop, this.context.credentials.secretHeaders),
        data: hop.keepsBody ? request.data : undefined,
      };
      this.log.request({ ...at, method: hop.method, url: hop.url }, request.headers, hop.keepsBody ? exchange.preview : undefined);
    }
  }

  /** Sleeps before a retry; the caller's signal ends the wait, and the call, at once. */
  private async wait(ms: number, signal: SignalLike | undefined, method: string, url: string, attempts: number): Promise<void> {
    try {
      await clock().sleep(ms, signal);
    } catch (error) {
      if (!signal?.aborted) throw error;
    }
    if (signal?.aborted) throw abortError(method, url, attempts, this.scrubber, true);
  }
}

function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

/** What a debug log line shows of a request body. */
function bodyPreview(body: EncodedBody | undefined): string | undefined {
  if (!body) return undefined;
  const data = body.data;
  if (typeof data === "string") return data;
  if (typeof FormData !== "undefined" && data instanceof FormData) return "[multipart form data]";
  if (isStream(data)) return "[stream]";
  if (data instanceof Uint8Array || data instanceof ArrayBuffer) return `[${data.byteLength} bytes]`;
  return "[body]";
}
