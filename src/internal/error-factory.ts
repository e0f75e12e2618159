/**
 * Builds the SDK's errors from what happened, each with a one-line message that says
 * what went wrong, and with every configured secret scrubbed from message, body and headers.
 */
import type { AxiosResponse } from "axios";
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  apiErrorClass,
  ResponseValidationError,
} from "./errors";
import { parseErrorBody } from "./error-body";
import type { Scrubber } from "./redact";
import { oneLine, reasonPhrase } from "./text";

/** A response as the runtime read it: status, lower-cased headers, body text. */
export interface ReadResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly raw: AxiosResponse;
}

/** `404 Not Found: No assistant found with id 'x'. (request req_123)` */
export function statusError(res: ReadResponse, attempts: number, scrubber: Scrubber): APIError {
  const body = scrubber.text(res.body);
  const headers = scrubHeaders(res.headers, scrubber);
  const reported = parseErrorBody(body)?.message;
  const detail = typeof reported === "string" && reported.trim() ? oneLine(reported, 300) : oneLine(body);
  const message = `${statusLine(res)}${detail ? `: ${detail}` : ""}${suffix(headers["x-request-id"], attempts)}`;
  const ErrorClass = apiErrorClass(res.status);
  return new ErrorClass(message, { statusCode: res.status, headers, body, attempts, rawResponse: res.raw });
}

/**
 * `getAssistant: response body is not valid JSON (200 OK, application/json, 17 bytes; request req_1): {"id": "asst_1", "obj`
 */
export function invalidResponseError(operationId: string, problem: string, res: ReadResponse, attempts: number, scrubber: Scrubber, cause?: unknown): ResponseValidationError {
  const body = scrubber.text(res.body);
  const headers = scrubHeaders(res.headers, scrubber);
  const contentType = headers["content-type"] || "no content type";
  const bytes = Buffer.byteLength(res.body);
  const request = headers["x-request-id"] ? `; request ${headers["x-request-id"]}` : "";
  const attemptsNote = attempts > 1 ? `; ${attempts} attempts` : "";
  const excerpt = body.trim() ? `: ${oneLine(body)}` : "";
  const message = `${operationId}: ${problem} (${statusLine(res)}, ${contentType}, ${bytes} bytes${request}${attemptsNote})${excerpt}`;
  const safeCause = cause instanceof Error ? new Error(scrubber.text(cause.message)) : undefined;
  return new ResponseValidationError(message, { statusCode: res.status, headers, body, attempts, rawResponse: res.raw, cause: safeCause });
}

/** `Connection error: POST http://host/v1/threads: socket hang up (ECONNRESET; 3 attempts)` */
export function connectionError(method: string, url: string, failure: unknown, attempts: number, scrubber: Scrubber): APIConnectionError {
  const { message, code } = describeFailure(failure);
  const details = [code && !message.includes(code) ? code : undefined, attempts > 1 ? `${attempts} attempts` : undefined].filter(Boolean).join("; ");
  const text = `Connection error: ${method.toUpperCase()} ${url}: ${message}${details ? ` (${details})` : ""}`;
  const cause = Object.assign(new Error(scrubber.text(message)), code ? { code } : {});
  return new APIConnectionError(scrubber.text(text), { attempts, cause });
}

/** `Request timed out after 5000 ms: GET http://host/v1/assistants (3 attempts)` */
export function timeoutError(method: string, url: string, timeoutMs: number | undefined, attempts: number, scrubber: Scrubber): APITimeoutError {
  const after = timeoutMs ? ` after ${timeoutMs} ms` : "";
  const text = `Request timed out${after}: ${method.toUpperCase()} ${url}${attempts > 1 ? ` (${attempts} attempts)` : ""}`;
  return new APITimeoutError(scrubber.text(text), { attempts });
}

/** `Request aborted by the caller: GET http://host/v1/assistants` */
export function abortError(method: string, url: string, attempts: number, scrubber: Scrubber, duringBackoff = false): APIUserAbortError {
  const when = duringBackoff ? " while waiting to retry" : "";
  return new APIUserAbortError(scrubber.text(`Request aborted by the caller${when}: ${method.toUpperCase()} ${url}`), { attempts });
}

function statusLine(res: ReadResponse): string {
  const reason = reasonPhrase(res.status, res.raw.statusText);
  return reason ? `${res.status} ${reason}` : String(res.status);
}

function suffix(requestId: string | undefined, attempts: number): string {
  const parts = [requestId ? `request ${requestId}` : undefined, attempts > 1 ? `${attempts} attempts` : undefined].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function scrubHeaders(headers: Record<string, string>, scrubber: Scrubber): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) out[key] = scrubber.text(value);
  return out;
}

/** Node/axios failure → short message and code, without the request config axios attaches. */
function describeFailure(failure: unknown): { message: string; code: string | undefined } {
  if (failure && typeof failure === "object") {
    const err = failure as { message?: unknown; code?: unknown; cause?: { code?: unknown; message?: unknown } };
    const code = typeof err.code === "string" ? err.code : typeof err.cause?.code === "string" ? err.cause.code : undefined;
    const message = typeof err.message === "string" && err.message ? err.message : String(failure);
    return { message: oneLine(message, 200), code };
  }
  return { message: String(failure), code: undefined };
}
