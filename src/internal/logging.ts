/**
 * Request/response logging: off by default; `GPT_SDK_LOG=debug` (or `info`) or the client's
 * `logger` / `logLevel` options turn it on. One line per request and one per response or
 * failed attempt. Credential headers print as `***` and configured secrets never appear.
 */
import type { AttemptContext } from "./attempt";
import { redactHeaders, type Scrubber } from "./redact";
import { oneLine } from "./text";
import type { OutgoingRequest } from "./transport";

/** `info`: one line per request and response; `debug`: plus headers and a body excerpt. */
export type LogLevel = "off" | "info" | "debug";
/** Receives each log line (no trailing newline). */
export type Logger = (line: string) => void;

const LEVELS: readonly LogLevel[] = ["off", "info", "debug"];

/** Level from the options, else from `GPT_SDK_LOG`, else `debug` when a logger is given, else off. */
export function resolveLogLevel(
  logger: Logger | undefined,
  level: LogLevel | undefined,
  env: string | undefined,
): LogLevel {
  if (level !== undefined) return level;
  const fromEnv = env?.trim().toLowerCase() as LogLevel | undefined;
  if (fromEnv && LEVELS.includes(fromEnv)) return fromEnv;
  return logger ? "debug" : "off";
}

export class RequestLog {
  constructor(
    private readonly level: LogLevel,
    private readonly write: Logger,
    private readonly scrubber: Scrubber,
  ) {}

  get enabled(): boolean {
    return this.level !== "off";
  }

  /** A request sent: the call's, or a redirect hop's (`request`). */
  request(attempt: AttemptContext, request: OutgoingRequest, body: string | undefined): void {
    if (!this.enabled) return;
    const target = `${request.method.toUpperCase()} ${request.url}`;
    let line = `gpt-sdk: request ${attempt.call.op.operationId} ${target} (${progress(attempt)})`;
    if (this.level === "debug") line += details(request.headers, body);
    this.emit(line);
  }

  /** A response: the call's method with the URL that answered (the call's, or a redirect hop's). */
  response(
    attempt: AttemptContext,
    url: string,
    res: { status: number; headers: Readonly<Record<string, unknown>>; body: string },
    elapsedMs: number,
    retryInMs: number | undefined,
  ): void {
    if (!this.enabled) return;
    const { op, request } = attempt.call;
    const requestId = typeof res.headers["x-request-id"] === "string" ? `, request ${res.headers["x-request-id"]}` : "";
    const target = `${request.method.toUpperCase()} ${url}`;
    let line = `gpt-sdk: response ${op.operationId} ${res.status} ${target} in ${elapsedMs} ms`;
    line += ` (${progress(attempt)}${requestId})`;
    if (this.level === "debug") line += details(res.headers, res.body);
    this.emit(line + retryNote(retryInMs));
  }

  /** An attempt that ended without a response. */
  failure(attempt: AttemptContext, error: Error, elapsedMs: number, retryInMs: number | undefined): void {
    if (!this.enabled) return;
    const { op, request } = attempt.call;
    const target = `${request.method.toUpperCase()} ${request.url}`;
    const line = `gpt-sdk: failed ${op.operationId} ${target} after ${elapsedMs} ms (${progress(attempt)})`;
    this.emit(`${line}: ${error.name}: ${error.message}${retryNote(retryInMs)}`);
  }

  private emit(line: string): void {
    try {
      this.write(this.scrubber.text(line));
    } catch {
      // A failing logger must not fail the request.
    }
  }
}

function progress(attempt: AttemptContext): string {
  return `attempt ${attempt.number}/${attempt.call.maxAttempts}`;
}

/** Debug level: headers (credentials masked) and a body excerpt. */
function details(headers: Readonly<Record<string, unknown>>, body: string | undefined): string {
  return ` headers=${JSON.stringify(redactHeaders(headers))}${body ? ` body=${oneLine(body, 500)}` : ""}`;
}

function retryNote(retryInMs: number | undefined): string {
  return retryInMs === undefined ? "" : `; retrying in ${retryInMs} ms`;
}

/** Where lines go when logging is switched on by the environment alone. */
export const stderrLogger: Logger = (line) => console.error(line);
