/**
 * Builds the SDK's errors from what happened, each with a one-line message that says
 * what went wrong, and with every configured secret scrubbed from message, body and headers.
 * The builders are bound to one call, so a call site passes only what differs.
 */
import type { CallContext } from "./context";
import { parseErrorBody } from "./error-body";
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  apiErrorClass,
  ResponseValidationError,
} from "./errors";
import type { Scrubber } from "./redact";
import { retiredApiHint } from "./retired-api";
import type { ReceivedResponse } from "./response";
import { oneLine, reasonPhrase } from "./text";
import type { OutgoingRequest } from "./transport";

/** The error builders of one call: its operation, request, time limit and secrets; attempts as made so far. */
export class CallErrors {
  constructor(private readonly call: CallContext) {}

  /** `404 Not Found: No assistant found with id 'x'. (request req_123)` */
  status(res: ReceivedResponse): APIError {
    const attempts = this.call.attempts;
    const body = this.scrubber.text(res.body);
    const headers = scrubHeaders(res.headers, this.scrubber);
    const reported = parseErrorBody(body)?.message;
    const detail = typeof reported === "string" && reported.trim() ? oneLine(reported, 300) : oneLine(body);
    const hint = retiredApiHint(this.call.op, res.status, reported);
    const tail = suffix(headers["x-request-id"], attempts) + (hint ? ` ${hint}` : "");
    const message = `${statusLine(res)}${detail ? `: ${detail}` : ""}${tail}`;
    const ErrorClass = apiErrorClass(res.status);
    return new ErrorClass(message, { statusCode: res.status, headers, body, attempts, rawResponse: res.raw });
  }

  /**
   * `getAssistant: response body is not valid JSON (200 OK, application/json, 17 bytes; request req_1):
   * {"id": "asst_1", "obj`
   */
  invalidResponse(problem: string, res: ReceivedResponse, cause?: unknown): ResponseValidationError {
    const attempts = this.call.attempts;
    const body = this.scrubber.text(res.body);
    const headers = scrubHeaders(res.headers, this.scrubber);
    const contentType = headers["content-type"] || "no content type";
    const bytes = Buffer.byteLength(res.body);
    const request = headers["x-request-id"] ? `; request ${headers["x-request-id"]}` : "";
    const attemptsNote = attempts > 1 ? `; ${attempts} attempts` : "";
    const excerpt = body.trim() ? `: ${oneLine(body)}` : "";
    const facts = `${statusLine(res)}, ${contentType}, ${bytes} bytes${request}${attemptsNote}`;
    const message = `${this.call.op.operationId}: ${problem} (${facts})${excerpt}`;
    const safeCause = cause instanceof Error ? new Error(this.scrubber.text(cause.message)) : undefined;
    const fields = { statusCode: res.status, headers, body, attempts, rawResponse: res.raw, cause: safeCause };
    return new ResponseValidationError(message, fields);
  }

  /** `Connection error: POST http://host/v1/threads: socket hang up (ECONNRESET; 3 attempts)` */
  connection(failure: unknown): APIConnectionError {
    const attempts = this.call.attempts;
    const { message, code } = describeFailure(failure);
    const codeNote = code && !message.includes(code) ? code : undefined;
    const details = [codeNote, attempts > 1 ? `${attempts} attempts` : undefined].filter(Boolean).join("; ");
    const text = `Connection error: ${this.target()}: ${message}${details ? ` (${details})` : ""}`;
    const cause = Object.assign(new Error(this.scrubber.text(message)), code ? { code } : {});
    return new APIConnectionError(this.scrubber.text(text), { attempts, cause });
  }

  /** `Request timed out after 5000 ms: GET http://host/v1/assistants (3 attempts)` */
  timeout(): APITimeoutError {
    const attempts = this.call.attempts;
    const after = this.call.timeoutMs ? ` after ${this.call.timeoutMs} ms` : "";
    const text = `Request timed out${after}: ${this.target()}${attempts > 1 ? ` (${attempts} attempts)` : ""}`;
    return new APITimeoutError(this.scrubber.text(text), { attempts });
  }

  /** `Request aborted by the caller: GET http://host/v1/assistants`; `request`: the redirect hop in flight. */
  aborted(request: OutgoingRequest = this.call.request): APIUserAbortError {
    return this.userAbort("", request);
  }

  /** `Request aborted by the caller while waiting to retry: GET http://host/v1/assistants` */
  abortedInBackoff(): APIUserAbortError {
    return this.userAbort(" while waiting to retry", this.call.request);
  }

  private userAbort(when: string, request: OutgoingRequest): APIUserAbortError {
    const text = `Request aborted by the caller${when}: ${request.method.toUpperCase()} ${request.url}`;
    return new APIUserAbortError(this.scrubber.text(text), { attempts: this.call.attempts });
  }

  /** `GET http://host/v1/assistants`: the call's request, as first sent. */
  private target(): string {
    return `${this.call.request.method.toUpperCase()} ${this.call.request.url}`;
  }

  private get scrubber(): Scrubber {
    return this.call.client.scrubber;
  }
}

function statusLine(res: ReceivedResponse): string {
  const reason = reasonPhrase(res.status, res.raw.statusText);
  return reason ? `${res.status} ${reason}` : String(res.status);
}

function suffix(requestId: string | undefined, attempts: number): string {
  const parts = [requestId ? `request ${requestId}` : undefined, attempts > 1 ? `${attempts} attempts` : undefined];
  const present = parts.filter(Boolean);
  return present.length > 0 ? ` (${present.join(", ")})` : "";
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
    const code =
      typeof err.code === "string" ? err.code : typeof err.cause?.code === "string" ? err.cause.code : undefined;
    const message = typeof err.message === "string" && err.message ? err.message : String(failure);
    return { message: oneLine(message, 200), code };
  }
  return { message: String(failure), code: undefined };
}
