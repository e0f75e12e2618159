/**
 * The one function every generated method calls: arguments + operation description
 * in, typed result out. Generated code stays a few lines per method.
 *
 * A call: check the arguments (before anything is sent), build the request once, then
 * send it up to 1 + maxRetries times, each attempt under its own time limit and the
 * caller's AbortSignal, waiting between attempts as the retry policy and the server say.
 * Within an attempt, redirects are followed here (see redirects.ts).
 */
import type { AttemptContext } from "./attempt";
import { encodeBody } from "./body";
import { clock } from "./clock";
import { CallContext, type ClientContext } from "./context";
import { requireCredentials, resolveSecurity } from "./credentials";
import type { BaseResult, CallArgs, ClientOptions, OperationDef, SecurityDef } from "./contract";
import { errorTypeOf } from "./error-body";
import { HttpClient } from "./http-client";
import { RequestLog, resolveLogLevel, stderrLogger } from "./logging";
import { proxySetting } from "./proxy";
import { Scrubber } from "./redact";
import { type RedirectHop, redirectedHeaders, redirectHop } from "./redirects";
import { Credentials } from "./request";
import type { RequestOptions } from "./request-options";
import { type ReceivedResponse, toResult } from "./response";
import { isRetryableResponse, resolveRetries, type RetryConfig, retryDelayMs } from "./retries";
import { type AttemptOutcome, type OutgoingRequest, sendOnce } from "./transport";
import { checkArguments } from "./validate";

export type { BaseResult, ClientOptions, SecurityDef };

/** What the generator knows about the API: defaults from the spec and gen.yaml. */
export interface ClientDefaults {
  readonly serverURL: string;
  readonly userAgent: string;
  readonly security: readonly SecurityDef[];
  readonly retries: RetryConfig;
  readonly timeoutMs: number;
}

export type { RequestOptions };

export class Runtime {
  private readonly context: ClientContext;
  private readonly security: readonly SecurityDef[];

  constructor(options: ClientOptions, defaults: ClientDefaults) {
    const env = typeof process === "undefined" ? undefined : process.env;
    this.security = resolveSecurity(defaults.security, env);
    const scrubber = new Scrubber(this.security.map((s) => s.value));
    const level = resolveLogLevel(options.logger, options.logLevel, env?.GPT_SDK_LOG);
    this.context = {
      http: new HttpClient(options.defaultClient),
      proxy: proxySetting(options.defaultClient, env),
      serverURL: options.serverURL ?? defaults.serverURL,
      userAgent: defaults.userAgent,
      credentials: new Credentials(this.security),
      retries: resolveRetries(defaults.retries, options.retries),
      timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
      scrubber,
      log: new RequestLog(level, options.logger ?? stderrLogger, scrubber),
    };
  }

  /** The client's retry policy. */
  get retries(): Required<RetryConfig> {
    return this.context.retries;
  }

  /** The client's time limit for each attempt, in milliseconds. */
  get timeoutMs(): number {
    return this.context.timeoutMs;
  }

  async call<R extends BaseResult>(op: OperationDef, args: CallArgs, options?: RequestOptions): Promise<R> {
    checkArguments(op, args);
    if (op.secured) requireCredentials(op.operationId, this.security);
    const encoded = op.body && args.body !== undefined ? encodeBody(op.body, args.body) : undefined;
    const body = encoded instanceof Promise ? await encoded : encoded;
    const call = new CallContext(this.context, op, args, options, body);
    if (call.signal?.aborted) throw call.errors.aborted();
    for (;;) {
      const attempt = call.nextAttempt();
      const outcome = await this.send(attempt);
      if (outcome.kind === "response") {
        const delay = this.retryAfterResponse(attempt, outcome.response);
        if (delay === undefined) return toResult<R>(op, outcome.response, call.errors);
        await backoff(call, delay);
      } else {
        await backoff(call, this.retryAfterFailure(attempt, outcome));
      }
    }
  }

  /**
   * One attempt: the request, then each redirect it meets (up to `maxRedirects`), every hop
   * under the attempt's one time limit. A redirect not followed is the outcome.
   */
  private async send(attempt: AttemptContext): Promise<AttemptOutcome> {
    const { call } = attempt;
    const log = this.context.log;
    let request = call.request;
    log.request(attempt, request, call.bodyPreview);
    try {
      for (let hops = 0; ; hops++) {
        const outcome = await sendOnce(request, attempt);
        if (outcome.kind !== "response" || hops >= call.maxRedirects) return outcome;
        const hop = redirectOf(outcome.response, request);
        if (!hop) return outcome;
        log.response(attempt, request.url, outcome.response, 0, undefined);
        request = {
          method: hop.method,
          url: hop.url,
          headers: redirectedHeaders(request.headers, hop, this.context.credentials.secretHeaders),
          data: hop.keepsBody ? request.data : undefined,
        };
        log.request(attempt, request, hop.keepsBody ? call.bodyPreview : undefined);
      }
    } finally {
      attempt.end();
    }
  }

  /** Logs a response; returns the wait before a retry, or undefined when the response is the call's answer. */
  private retryAfterResponse(attempt: AttemptContext, res: ReceivedResponse): number | undefined {
    const { call } = attempt;
    const elapsedMs = attempt.elapsedMs();
    let delay: number | undefined;
    if (attempt.number < call.maxAttempts && res.status >= 400) {
      const errorType = res.status === 429 ? errorTypeOf(res.body) : undefined;
      if (isRetryableResponse(res.status, res.headers, errorType)) delay = retryDelay(attempt, res);
    }
    this.context.log.response(attempt, call.request.url, res, elapsedMs, delay);
    return delay;
  }

  /** Logs a failed attempt; returns the wait before a retry, or throws the call's error. */
  private retryAfterFailure(attempt: AttemptContext, outcome: Exclude<AttemptOutcome, { kind: "response" }>): number {
    const { errors } = attempt.call;
    const elapsedMs = attempt.elapsedMs();
    const error =
      outcome.kind === "aborted"
        ? errors.aborted()
        : outcome.kind === "timeout"
          ? errors.timeout()
          : errors.connection(outcome.failure);
    const willRetry = outcome.kind !== "aborted" && attempt.number < attempt.call.maxAttempts;
    const delay = willRetry ? retryDelay(attempt, undefined) : undefined;
    this.context.log.failure(attempt, error, elapsedMs, delay);
    if (delay === undefined) throw error;
    return delay;
  }
}

/** The redirect a response asks for, or undefined (headers are read only for a 3xx). */
function redirectOf(res: ReceivedResponse, request: OutgoingRequest): RedirectHop | undefined {
  if (res.status < 300 || res.status >= 400) return undefined;
  return redirectHop(res.status, res.headers["location"], request.url, request.method);
}

/** Milliseconds before the next attempt, as the retry policy and the server (`res`) say. */
function retryDelay(attempt: AttemptContext, res: ReceivedResponse | undefined): number {
  return retryDelayMs(attempt.number - 1, attempt.call.retries, res, clock().now(), clock().random());
}

/** Sleeps before a retry; the caller's signal ends the wait, and the call, at once. */
async function backoff(call: CallContext, ms: number): Promise<void> {
  try {
    await clock().sleep(ms, call.signal);
  } catch (error) {
    if (!call.signal?.aborted) throw error;
  }
  if (call.signal?.aborted) throw call.errors.abortedInBackoff();
}
