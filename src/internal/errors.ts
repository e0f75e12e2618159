/**
 * Every error the SDK throws extends SDKError. Errors never carry the API key:
 * the raw axios response (whose config holds the Authorization header) is kept
 * out of enumeration, JSON and inspection.
 */
import type { AxiosResponse } from "axios";

/** The error body OpenAI-style APIs send: `{ "error": { message, type, param, code } }`. */
export interface APIErrorBody {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
  [key: string]: unknown;
}

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
  /** Response headers, lower-cased. */
  readonly headers: Record<string, string>;
  /** The raw response body text ("" when none). */
  readonly body: string;
  /** The parsed `error` object of the body, when the body had one. */
  readonly error: APIErrorBody | undefined;
  /** The server's `x-request-id`, for support requests. */
  readonly requestId: string | undefined;
  /** How many HTTP attempts were made before giving up. */
  readonly attempts: number;
  declare readonly rawResponse: AxiosResponse | undefined;

  constructor(message: string, init: SDKErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.statusCode = init.statusCode;
    this.headers = init.headers ?? {};
    this.body = init.body ?? "";
    this.error = parseErrorBody(this.body);
    this.requestId = this.headers["x-request-id"];
    this.attempts = init.attempts ?? 1;
    Object.defineProperty(this, "rawResponse", { value: init.rawResponse, enumerable: false, writable: true });
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
}

function parseErrorBody(body: string): APIErrorBody | undefined {
  if (!body || body[0] !== "{") return undefined;
  try {
    const parsed = JSON.parse(body);
    return parsed && typeof parsed.error === "object" && parsed.error !== null ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}
