/**
 * Every error the SDK throws extends SDKError:
 *
 *   SDKError
 *   ├─ APIError                 the server answered with an error status
 *   │   ├─ BadRequestError (400), AuthenticationError (401), PermissionDeniedError (403),
 *   │   ├─ NotFoundError (404), ConflictError (409), UnprocessableEntityError (422),
 *   │   └─ RateLimitError (429), InternalServerError (>= 500)
 *   ├─ APIConnectionError       no response: refused, reset, DNS, ...
 *   │   └─ APITimeoutError      no complete response within the time limit
 *   ├─ APIUserAbortError        the caller's AbortSignal fired
 *   ├─ APIStreamError           the server reported an error in the middle of a stream
 *   ├─ ResponseValidationError  a response the SDK cannot read (not JSON, empty, undeclared)
 *   └─ SDKValidationError       bad arguments, rejected before anything is sent
 *
 * Errors never carry the API key: the raw axios response (whose config holds the
 * Authorization header) is kept out of enumeration, JSON and inspection.
 */
import type { AxiosResponse } from "axios";
import { inspect } from "node:util";
import { type APIErrorBody, parseErrorBody } from "./error-body";
import { redactHeaders } from "./redact";

export type { APIErrorBody };

export interface SDKErrorInit {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: string;
  rawResponse?: AxiosResponse;
  cause?: unknown;
  attempts?: number;
}

export class SDKError extends Error {
  /** HTTP status, when a response arrived. */
  readonly statusCode: number | undefined;
  /** Response headers, lower-cased; credential headers (`set-cookie`, ...) read `***`. */
  readonly headers: Record<string, string>;
  /** The raw response body text ("" when none). */
  readonly body: string;
  /** The parsed `error` object of the body, when the body had one. */
  readonly error: APIErrorBody | undefined;
  /** The server's `x-request-id`, for support requests. */
  readonly requestId: string | undefined;
  /** How many HTTP requests were sent before giving up (0 when none was). */
  readonly attempts: number;
  declare readonly rawResponse: AxiosResponse | undefined;

  constructor(message: string, init: SDKErrorInit = {}) {
    super(message);
    this.name = new.target.name;
    this.statusCode = init.statusCode;
    this.headers = redactHeaders(init.headers ?? {});
    this.body = init.body ?? "";
    this.error = parseErrorBody(this.body);
    this.requestId = this.headers["x-request-id"];
    this.attempts = init.attempts ?? 1;
    Object.defineProperty(this, "rawResponse", {
      value: init.rawResponse,
      enumerable: false,
      writable: true,
      configurable: true,
    });
    if (init.cause !== undefined)
      Object.defineProperty(this, "cause", {
        value: init.cause,
        enumerable: false,
        writable: true,
        configurable: true,
      });
  }

  /** The HTTP status (same as `statusCode`). */
  get status(): number | undefined {
    return this.statusCode;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      statusCode: this.statusCode,
      headers: this.headers,
      error: this.error,
      body: this.body,
      requestId: this.requestId,
      attempts: this.attempts,
    };
  }

  /** `util.inspect` / `console.log` show the stack and the fields of toJSON, never `rawResponse` or `cause`. */
  [inspect.custom](depth: number, options: { depth?: number | null }): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const head = this.stack ?? `${this.name}: ${this.message}`;
    if (depth < 0) return `[${this.name}: ${this.message}]`;
    return `${head} ${inspect(fields, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

/** The server answered with an error status (4xx/5xx). */
export class APIError extends SDKError {}
/** 400: the request was malformed or had an invalid argument. */
export class BadRequestError extends APIError {}
/** 401: missing or wrong API key. */
export class AuthenticationError extends APIError {}
/** 403: the key may not do this. */
export class PermissionDeniedError extends APIError {}
/** 404: no such resource. */
export class NotFoundError extends APIError {}
/** 409: the resource changed concurrently. */
export class ConflictError extends APIError {}
/** 422: the request was well-formed but not acceptable. */
export class UnprocessableEntityError extends APIError {}
/** 429: rate limited, or out of quota (`error.type === "insufficient_quota"`). */
export class RateLimitError extends APIError {}
/** 500 and above: the server failed. */
export class InternalServerError extends APIError {}

/** No response arrived: connection refused or reset, DNS failure, ... */
export class APIConnectionError extends SDKError {}
/** No complete response (body included) within the time limit. */
export class APITimeoutError extends APIConnectionError {}
/** The caller's AbortSignal cancelled the request (or the wait before a retry). */
export class APIUserAbortError extends SDKError {}
/**
 * The server reported an error in the middle of a stream (an `error` event, or `{"error": ...}`
 * as an event's data). `body` is the event's data as sent; `error` its error object.
 */
export class APIStreamError extends SDKError {
  /** The SSE event name (`error`), or undefined when the event had none. */
  readonly event: string | undefined;

  constructor(operationId: string, event: string | undefined, data: string, parsed: unknown) {
    const error = streamErrorObject(parsed);
    const detail = typeof error?.message === "string" ? error.message : data.slice(0, 200);
    super(`${operationId}: the server reported an error mid-stream: ${detail}`, { body: data });
    this.event = event;
    // The data may be the error object itself rather than `{ "error": {...} }` as in a response body.
    (this as { error: APIErrorBody | undefined }).error = error;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), event: this.event };
  }
}

function streamErrorObject(parsed: unknown): APIErrorBody | undefined {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const inner = (parsed as { error?: unknown }).error;
  const wrapped = typeof inner === "object" && inner !== null && !Array.isArray(inner);
  return (wrapped ? inner : parsed) as APIErrorBody;
}

/** A response the SDK cannot read: not valid JSON, empty where a body is promised, or undeclared. */
export class ResponseValidationError extends SDKError {}

/** An argument is missing or invalid; thrown before any request is sent. */
export class SDKValidationError extends SDKError {
  /** The operation called (`getAssistant`). */
  readonly operationId: string;
  /** The argument at fault, by its name in the API (`assistant_id`, `body`). */
  readonly argument: string;

  constructor(message: string, operationId: string, argument: string) {
    super(message, { attempts: 0 });
    this.operationId = operationId;
    this.argument = argument;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operationId: this.operationId, argument: this.argument };
  }
}

/**
 * A secured operation was called on a client with no credential: no option given and none in the
 * environment variable. Thrown before any request is sent; the message names the option and the variable.
 */
export class MissingCredentialsError extends SDKError {
  /** The operation called (`getAssistant`). */
  readonly operationId: string;

  constructor(message: string, operationId: string) {
    super(message, { attempts: 0 });
    this.operationId = operationId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operationId: this.operationId };
  }
}

/** The APIError subclass for an HTTP status. */
export function apiErrorClass(status: number): typeof APIError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}
