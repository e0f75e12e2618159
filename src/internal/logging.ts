/**
 * Request/response logging: off by default; `GPT_SDK_LOG=debug` (or `info`) or the client's
 * `logger` / `logLevel` options turn it on. One line per request and one per response or
 * failed attempt. Credential headers print as `***` and configured secrets never appear.
 */
import { redactHeaders, type Scrubber } from "./redact";
import { oneLine } from "./text";

/** `info`: one line per request and response; `debug`: plus headers and a body excerpt. */
export type LogLevel = "off" | "info" | "debug";
/** Receives each log line (no trailing newline). */
export type Logger = (line: string) => void;

const LEVELS: readonly LogLevel[] = ["off", "info", "debug"];

/** Level from the options, else from `GPT_SDK_LOG`, else `debug` when a logger is given, else off. */
export function resolveLogLevel(logger: Logger | undefined, level: LogLevel | undefined, env: string | undefined): LogLevel {
  if (level !== undefined) return level;
  const fromEnv = env?.trim().toLowerCase() as LogLevel | undefined;
  if (fromEnv && LEVELS.includes(fromEnv)) return fromEnv;
  return logger ? "debug" : "off";
}

export interface AttemptInfo {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly attempt: number;
  readonly maxAttempts: number;
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

  request(at: AttemptInfo, headers: Readonly<Record<string, unknown>>, body: string | undefined): void {
    if (!this.enabled) return;
    let line = `gpt-sdk: request ${at.operationId} ${at.method.toUpperCase()} ${at.url} (attempt ${at.attempt}/${at.maxAttempts})`;
    if (this.level === "debug") line += ` headers=${JSON.stringify(redactHeaders(headers))}${body ? ` body=${oneLine(body, 500)}` : ""}`;
    this.emit(line);
  }

  response(
    at: AttemptInfo,
    res: { status: number; headers: Readonly<Record<string, unknown>>; body: string },
    elapsedMs: number,
    retryInMs: number | undefined,
  ): void {
    if (!this.enabled) return;
    const requestId = typeof res.headers["x-request-id"] === "string" ? `, request ${res.headers["x-request-id"]}` : "";
    let line = `gpt-sdk: response ${at.operationId} ${res.status} ${at.method.toUpperCase()} ${at.url} in ${elapsedMs} ms (attempt ${at.attempt}/${at.maxAttempts}${requestId})`;
    if (this.level === "debug") line += ` headers=${JSON.stringify(redactHeaders(res.headers))}${res.body ? ` body=${oneLine(res.body, 500)}` : ""}`;
    this.emit(line + retryNote(retryInMs));
  }

  failure(at: AttemptInfo, error: Error, elapsedMs: number, retryInMs: number | undefined): void {
    if (!this.enabled) return;
    this.emit(
      `gpt-sdk: failed ${at.operationId} ${at.method.toUpperCase()} ${at.url} after ${elapsedMs} ms (attempt ${at.attempt}/${at.maxAttempts}): ${error.name}: ${error.message}${retryNote(retryInMs)}`,
    );
  }

  private emit(line: string): void {
    try {
      this.write(this.scrubber.text(line));
    } catch {
      // A failing logger must not fail the request.
    }
  }
}

function retryNote(retryInMs: number | undefined): string {
  return retryInMs === undefined ? "" : `; retrying in ${retryInMs} ms`;
}

/** Where lines go when logging is switched on by the environment alone. */
export const stderrLogger: Logger = (line) => console.error(line);
