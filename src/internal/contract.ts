/**
 * The contract between the generator (codegen/) and this runtime: everything generated code
 * hands to the runtime, and every fact both sides must agree on. The generator imports this
 * module too, so a new parameter location, body kind or auth kind is a change to one type
 * here, and tsc lists every place on both sides that must follow.
 *
 * - OperationDef: the static description of one API operation, emitted per method; the
 *   runtime turns it, plus the caller's arguments, into an HTTP exchange.
 * - ClientOptions and CLIENT_OPTION_KEYS: what every generated client takes besides its
 *   credentials (so a credential's option name never collides with one of them).
 * - SecurityDef: the credential kinds the runtime knows how to send.
 * - BaseResult and BASE_RESULT_FIELDS: the fields every result has before its body.
 * - Media types: how a declared or received media type is normalised and classified.
 *
 * Type-only imports: loading the contract costs nothing at run time.
 */
import type { AxiosResponse } from "axios";
import type { AxiosInstanceLike } from "./http-client";
import type { Logger, LogLevel } from "./logging";
import type { RequestOptions } from "./request-options";
import type { RetrySetting } from "./retries";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** How a JSON value moves between the wire (spec names) and the SDK's models (camelCase). */
export type Decode = (wire: unknown) => unknown;
export type Encode = (model: unknown) => unknown;

/** OpenAPI `style` of a query parameter (`form` when absent). */
export type QueryStyle = "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

/** OpenAPI `style` of a path parameter (`simple` when absent). */
export type PathStyle = "simple" | "label" | "matrix";

export interface QueryParamDef {
  /** Name on the wire. */
  readonly name: string;
  readonly required?: boolean;
  readonly style?: QueryStyle;
  /**
   * OpenAPI `explode`: an array's items and an object's keys as pairs of their own. Default: true
   * for form, false for spaceDelimited and pipeDelimited; deepObject is always exploded.
   */
  readonly explode?: boolean;
}

export interface PathParamDef {
  readonly name: string;
  readonly style?: PathStyle;
  /** OpenAPI `explode` (default false). */
  readonly explode?: boolean;
}

/** Style simple: an array's items and an object's keys and values joined by commas. */
export interface HeaderParamDef {
  readonly name: string;
  readonly required?: boolean;
  /** OpenAPI `explode` (default false): an object as `key=value,...` rather than `key,value,...`. */
  readonly explode?: boolean;
}

/** Style form, not exploded: `name=value` in the Cookie header, arrays and objects comma-joined. */
export interface CookieParamDef {
  readonly name: string;
  readonly required?: boolean;
}

export type BodyKind = "json" | "multipart" | "form" | "text" | "bytes";

export interface BodyDef {
  readonly kind: BodyKind;
  readonly contentType: string;
  readonly required: boolean;
  /** Model → wire JSON (for json, form and multipart bodies). */
  readonly encode?: Encode;
}

export type ResponseKind = "json" | "text" | "bytes" | "empty" | "stream";

export interface ResponseDef {
  /** "200", "2XX" or "default". */
  readonly status: string;
  readonly kind: ResponseKind;
  /** Media type as declared (for json, the exact type or a pattern like application/json). */
  readonly contentType?: string;
  /** Name of the result field that carries the body (`assistantObject`). */
  readonly field?: string;
  readonly decode?: Decode;
  /**
   * The JSON type the schema promises at the top level, when it has one (not a union).
   * A body of another type is rejected with a ResponseValidationError instead of being
   * handed to `decode`.
   */
  readonly jsonType?: "object" | "array" | "string" | "number" | "boolean";
  /** With `jsonType`: `null` is also acceptable. */
  readonly nullable?: boolean;
  /**
   * For `stream`: the schema's events are envelopes `{ event, data }`, so each SSE message is
   * decoded as `{ event: <its event name>, data: <its parsed data> }`.
   */
  readonly envelope?: boolean;
}

export interface OperationDef {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template relative to the server URL, with `{wire_name}` placeholders. */
  readonly path: string;
  /** Headers every call of this operation sends (e.g. `OpenAI-Beta: assistants=v1`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A bare name is style simple, not exploded. */
  readonly pathParams?: readonly (string | PathParamDef)[];
  readonly queryParams?: readonly QueryParamDef[];
  readonly headerParams?: readonly HeaderParamDef[];
  readonly cookieParams?: readonly CookieParamDef[];
  readonly body?: BodyDef;
  readonly responses: readonly ResponseDef[];
  /** False when the spec says the operation needs no authentication. */
  readonly secured: boolean;
}

/** The caller's arguments, already keyed by wire name. */
export interface CallArgs {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly cookies?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}

/** Options every generated client accepts (its SDKOptions add the credentials). */
export interface ClientOptions {
  /** Overrides the server URL. */
  serverURL?: string;
  /**
   * A preconfigured axios instance to send requests with (the seed SDK's `defaultClient`): any
   * axios instance, from the ESM or the CommonJS build of axios. Default: one made on first use.
   */
  defaultClient?: AxiosInstanceLike;
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
  /**
   * `off`, `info` (a line per request/response) or `debug` (plus headers and body excerpts).
   * Default: `GPT_SDK_LOG`, else off.
   */
  logLevel?: LogLevel;
}

/** Every key of ClientOptions; the generator keeps credential option names off these. */
export const CLIENT_OPTION_KEYS = ["serverURL", "defaultClient", "retries", "timeoutMs", "logger", "logLevel"] as const;

// Fails to compile when ClientOptions gains a key the list above lacks (or the reverse).
type ExactKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
const clientOptionKeysComplete: ExactKeys<keyof ClientOptions, (typeof CLIENT_OPTION_KEYS)[number]> = true;
void clientOptionKeysComplete;

/**
 * Every key of RequestOptions (axios' request config plus the SDK's own). A parameter taken
 * through a method's `options` argument never takes one of these names.
 */
export const REQUEST_OPTION_KEYS = [
  ...["url", "method", "baseURL", "allowAbsoluteUrls", "transformRequest", "transformResponse", "headers", "params"],
  ...[
    "paramsSerializer",
    "data",
    "timeout",
    "timeoutErrorMessage",
    "withCredentials",
    "adapter",
    "auth",
    "responseType",
  ],
  ...["responseEncoding", "xsrfCookieName", "xsrfHeaderName", "onUploadProgress", "onDownloadProgress"],
  ...["maxContentLength", "validateStatus", "maxBodyLength", "maxRedirects", "maxRate", "beforeRedirect", "socketPath"],
  ...[
    "allowedSocketPaths",
    "transport",
    "httpAgent",
    "httpsAgent",
    "proxy",
    "cancelToken",
    "decompress",
    "transitional",
  ],
  ...["signal", "insecureHTTPParser", "env", "formSerializer", "family", "lookup", "withXSRFToken", "parseReviver"],
  ...["fetchOptions", "httpVersion", "http2Options", "formDataHeaderPolicy", "redact", "sensitiveHeaders"],
  ...["retries", "timeoutMs"],
] as const;

const requestOptionKeysComplete: ExactKeys<keyof RequestOptions, (typeof REQUEST_OPTION_KEYS)[number]> = true;
void requestOptionKeysComplete;

/** How a credential is sent. */
export type SecurityKind = "bearer" | "basic" | "apiKeyHeader" | "apiKeyQuery" | "apiKeyCookie";

/** A credential the client adds to each secured request. */
export interface SecurityDef {
  readonly kind: SecurityKind;
  /** Header, query or cookie name for API keys. */
  readonly name?: string;
  /** The client option that holds it (`apiKeyAuth`), for the error when it is missing. */
  readonly option: string;
  /** Environment variable read when the option is not given (`OPENAI_API_KEY`). */
  readonly env?: string;
  readonly value: string | undefined;
}

/** What every generated method resolves to, plus the body field named after its schema. */
export interface BaseResult {
  statusCode: number;
  contentType: string;
  rawResponse: AxiosResponse;
}

/** The base result's fields as generated classes and docs list them, in that order. */
export const BASE_RESULT_FIELDS = [
  { name: "contentType", type: "string", description: "HTTP response content type for this operation." },
  { name: "statusCode", type: "number", description: "HTTP response status code for this operation." },
  {
    name: "rawResponse",
    type: "AxiosResponse",
    description: "Raw HTTP response; suitable for custom response parsing.",
  },
] as const;

const baseResultFieldsComplete: ExactKeys<keyof BaseResult, (typeof BASE_RESULT_FIELDS)[number]["name"]> = true;
void baseResultFieldsComplete;

/** `Application/JSON; charset=utf-8` → `application/json`: the part media types are compared by. */
export function normalizeMediaType(mediaType: string): string {
  const semicolon = mediaType.indexOf(";");
  return (semicolon === -1 ? mediaType : mediaType.slice(0, semicolon)).trim().toLowerCase();
}

/** How a request body of this media type is encoded. */
export function bodyKindOf(mediaType: string): BodyKind {
  const m = normalizeMediaType(mediaType);
  if (m.includes("json")) return "json";
  if (m.startsWith("multipart/")) return "multipart";
  if (m === "application/x-www-form-urlencoded") return "form";
  if (m.startsWith("text/")) return "text";
  return "bytes";
}

/** How a response body of this media type is read. */
export function responseKindOf(mediaType: string): Exclude<ResponseKind, "empty"> {
  const m = normalizeMediaType(mediaType);
  if (m === "text/event-stream") return "stream";
  if (m.includes("json")) return "json";
  if (m.startsWith("text/")) return "text";
  return "bytes";
}
