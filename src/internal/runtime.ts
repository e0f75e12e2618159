/**
 * The one function every generated method calls: arguments + operation description
 * in, typed result out. Generated code stays a few lines per method.
 *
 * A call: check the arguments (before anything is sent), build the request once, then
 * send it up to 1 + maxRetries times, each attempt under its own time limit and the
 * caller's AbortSignal, waiting between attempts as the retry policy and the server say.
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
import { isRetryableResponse, resolveRetries, type RetryConfig, type RetrySetting, retryDelayMs } from "./retries";
import { followSignal, type SignalLike } from "./timeout";
import { sendOnce } from "./transport";
import { isStream } from "./upload";
import { buildQuery, fillPath, joinURL } from "./url";
import { checkArguments } from "./validate";

/** A credential the client adds to each secured request. */
export interface SecurityDef {
  readonly kind: "bearer" | "basic" | "apiKeyHeader" | "apiKeyQuery";
  /** Header or query name for API keys. */
  readonly name?: string;
  readonly value: string | undefined;
}

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

export class Runtime {
  private readonly client: AxiosInstance;
  private readonly serverURL: string;
  private readonly security: readonly SecurityDef[];
  private readonly userAgent: string;
  private readonly scrubber: Scrubber;
  private readonly log: RequestLog;
  readonly retries: Required<RetryConfig>;
  readonly timeoutMs: number;

  constructor(options: ClientOptions, defaults: ClientDefaults) {
    this.client = options.defaultClient ?? axios.create();
    this.serverURL = options.serverURL ?? defaults.serverURL;
    this.security = defaults.security;
    this.userAgent = defaults.userAgent;
    this.retries = resolveRetries(defaults.retries, options.retries);
    this.timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
    this.scrubber = new Scrubber(defaults.security.map((s) => s.value));
    const level = resolveLogLevel(options.logger, options.logLevel, typeof process === "undefined" ? undefined : process.env.GPT_SDK_LOG);
    this.log = new RequestLog(level, options.logger ?? stderrLogger, this.scrubber);
  }

  async call<R extends BaseResult>(op: OperationDef, args: CallArgs, options?: RequestOptions): Promise<R> {
    checkArguments(op, args);
    const call = splitRequestOptions(options);
    const body = op.body && args.body !== undefined ? await encodeBody(op.body, args.body) : undefined;
    const method = op.method.toUpperCase();
    let query = buildQuery(op.queryParams, args.query);
    const headers: Record<string, string | false> = { "user-agent": this.userAgent };
    for (const [name, value] of Object.entries(op.headers ?? {})) headers[name.toLowerCase()] = value;
    if (body?.contentType) headers["content-type"] = body.contentType;
    // Without a body, stop axios from declaring one (it defaults POST/PUT/PATCH to form-urlencoded).
    else if (!body) headers["content-type"] = false;
    for (const param of op.headerParams ?? []) {
      const value = args.headers?.[param.name];
      if (value !== undefined && value !== null) headers[param.name.toLowerCase()] = String(value);
    }
    if (op.secured) query = this.applySecurity(headers, query);
    Object.assign(headers, call.headers);
    const url = joinURL(call.axios.baseURL ?? this.serverURL, fillPath(op.path, args.path) + query);

    const retry = call.retries === undefined ? this.retries : resolveRetries(this.retries, call.retries);
    // A one-shot stream cannot be sent twice.
    const maxAttempts = 1 + (body && isStream(body.data) ? 0 : retry.maxRetries);
    const timeoutMs = call.timeoutMs ?? this.timeoutMs;
    const signal = call.signal;
    if (signal?.aborted) throw abortError(method, url, 0, this.scrubber);
    const preview = this.log.enabled ? bodyPreview(body) : undefined;
    const streaming = op.responses.some((r) => r.kind === "stream");

    for (let attempt = 1; ; attempt++) {
      const at: AttemptInfo = { operationId: op.operationId, method, url, attempt, maxAttempts };
      this.log.request(at, headers, preview);
      const started = clock().now();
      // The URL is absolute, so a custom instance's baseURL does not apply to it.
      const config = { ...call.axios, method: op.method, url, headers, ...(body ? { data: body.data } : {}) };
      const outcome = await sendOnce(this.client, config, timeoutMs, signal, streaming, () =>
        abortError(method, url, attempt, this.scrubber),
      );
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

  /** Sleeps before a retry; the caller's signal ends the wait (and the call) at once. */
  private async wait(ms: number, signal: SignalLike | undefined, method: string, url: string, attempts: number): Promise<void> {
    const follow = followSignal(signal);
    try {
      await sleepUnlessAborted(ms, follow.signal);
    } finally {
      follow.dispose();
    }
    if (signal?.aborted) throw abortError(method, url, attempts, this.scrubber, true);
  }

  private applySecurity(headers: Record<string, string | false>, query: string): string {
    for (const scheme of this.security) {
      if (scheme.value === undefined || scheme.value === "") continue;
      switch (scheme.kind) {
        case "bearer":
          headers["authorization"] = `Bearer ${scheme.value}`;
          break;
        case "basic":
          headers["authorization"] = `Basic ${Buffer.from(scheme.value).toString("base64")}`;
          break;
        case "apiKeyHeader":
          headers[scheme.name!.toLowerCase()] = scheme.value;
          break;
        case "apiKeyQuery":
          query += `${query ? "&" : "?"}${encodeURIComponent(scheme.name!)}=${encodeURIComponent(scheme.value)}`;
          break;
      }
    }
    return query;
  }
}

/** The clock's sleep, cut short when the signal aborts even if a test clock ignores the signal. */
function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  const sleeping = clock().sleep(ms, signal);
  if (!signal) return sleeping;
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => resolve();
    signal.addEventListener("abort", onAbort, { once: true });
    sleeping.then(
      () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
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
