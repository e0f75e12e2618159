/**
 * The static description of one API operation, emitted by the generator for each
 * method. The runtime turns it, plus the caller's arguments, into an HTTP exchange.
 */

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** How a JSON value moves between the wire (spec names) and the SDK's models (camelCase). */
export type Decode = (wire: unknown) => unknown;
export type Encode = (model: unknown) => unknown;

export interface QueryParamDef {
  /** Name on the wire. */
  readonly name: string;
  readonly required?: boolean;
  /** OpenAPI `explode` for form style; arrays repeat the key when true (the default). */
  readonly explode?: boolean;
}

export interface HeaderParamDef {
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
  readonly jsonType?: "object" | "array" | "string" | "number" | "integer" | "boolean";
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
  readonly pathParams?: readonly string[];
  readonly queryParams?: readonly QueryParamDef[];
  readonly headerParams?: readonly HeaderParamDef[];
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
  readonly body?: unknown;
}
