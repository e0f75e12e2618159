/**
 * Turns an HTTP response into the generated method's result, or into the right error:
 * an error status gives an APIError subclass; an undeclared status, an empty or invalid
 * JSON body, or JSON of the wrong kind gives a ResponseValidationError with the raw text.
 */
import type { AxiosResponse } from "axios";
import type { CallErrors } from "./error-factory";
import { normalizeMediaType, type OperationDef, type ResponseDef } from "./contract";
import { type EventDecoder, EventStream } from "./sse";

/** A `text/event-stream` body not yet read, and how to close it. */
export interface StreamedBody {
  readonly source: AsyncIterable<Uint8Array>;
  readonly stop: () => void;
  /** The error to throw when the caller's AbortSignal ended the stream, else undefined. */
  readonly abortedByCaller: () => Error | undefined;
}

/** A response as the runtime read it: status, lower-cased headers, the body as bytes and (lazily) as text. */
export class ReceivedResponse {
  readonly status: number;
  readonly bytes: Buffer;
  private text: string | undefined;
  private lowerCased: Record<string, string> | undefined;

  constructor(
    readonly raw: AxiosResponse,
    readonly stream?: StreamedBody,
  ) {
    this.status = raw.status;
    this.bytes = toBuffer(raw.data);
  }

  /** Lower-cased headers, built on first use (a successful call needs only the content type). */
  get headers(): Record<string, string> {
    if (this.lowerCased === undefined) this.lowerCased = lowerCaseHeaders(this.raw.headers);
    return this.lowerCased;
  }

  get contentType(): string {
    const value = this.raw.headers?.["content-type"];
    return typeof value === "string" ? value : (this.headers["content-type"] ?? "");
  }

  get body(): string {
    if (this.text === undefined) this.text = this.bytes.toString("utf8");
    return this.text;
  }
}

export function toResult<R>(op: OperationDef, res: ReceivedResponse, errors: CallErrors): R {
  const statusCode = res.status;
  const contentType = res.contentType;
  if (statusCode >= 400) throw errors.status(res);
  const declared = matchResponse(op.responses, statusCode, contentType);
  if (!declared) {
    if (statusCode >= 300) throw errors.status(res);
    const expected = op.responses.map((r) => r.status).join(", ") || "none";
    throw errors.invalidResponse(`undeclared response status ${statusCode} (declared: ${expected})`, res);
  }
  const result: Record<string, unknown> = { statusCode, contentType, rawResponse: res.raw };
  if (declared.field) result[declared.field] = decodeBody(op, declared, res, errors);
  return result as R;
}

function decodeBody(op: OperationDef, def: ResponseDef, res: ReceivedResponse, errors: CallErrors): unknown {
  switch (def.kind) {
    case "bytes":
      return new Uint8Array(res.bytes.buffer, res.bytes.byteOffset, res.bytes.byteLength);
    case "text":
      return res.body;
    case "empty":
      return undefined;
    case "json":
      return decodeJson(def, res, errors);
    case "stream": {
      if (!res.stream) throw errors.invalidResponse("expected a text/event-stream body", res);
      const { source, stop, abortedByCaller } = res.stream;
      return new EventStream(source, eventDecoder(def), op.operationId, stop, abortedByCaller);
    }
  }
}

/** An envelope stream's values are `{ event, data }`, decoded as one: the event name picks the model of `data`. */
export function eventDecoder(def: ResponseDef): EventDecoder<unknown> {
  const decode = def.decode ?? ((value: unknown) => value);
  // Without an `event:` line an event's type is "message" (HTML living standard).
  return def.envelope ? (data, event) => decode({ event: event || "message", data }) : decode;
}

function decodeJson(def: ResponseDef, res: ReceivedResponse, errors: CallErrors): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch (error) {
    if (res.body.trim() === "") throw errors.invalidResponse("response body is empty; a JSON body was expected", res);
    throw errors.invalidResponse("response body is not valid JSON", res, error);
  }
  if (def.jsonType && !hasJsonType(parsed, def.jsonType, def.nullable === true)) {
    const promised = `${withArticle(def.jsonType)}${def.nullable ? " or null" : ""}`;
    throw errors.invalidResponse(`response body is ${describe(parsed)}; the API document promises ${promised}`, res);
  }
  if (!def.decode) return parsed;
  try {
    return def.decode(parsed);
  } catch (error) {
    throw errors.invalidResponse("response body does not match the declared schema", res, error);
  }
}

function hasJsonType(value: unknown, type: NonNullable<ResponseDef["jsonType"]>, nullable: boolean): boolean {
  if (value === null) return nullable;
  switch (type) {
    case "object":
      return typeof value === "object" && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    default:
      return typeof value === type;
  }
}

function withArticle(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Picks the declared response for a status: exact code, then `2XX`-style range, then `default`. */
export function matchResponse(
  responses: readonly ResponseDef[],
  status: number,
  contentType: string,
): ResponseDef | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  for (const wanted of [code, range, "default"]) {
    let first: ResponseDef | undefined;
    let media: string | undefined;
    for (const r of responses) {
      if ((wanted === range ? r.status.toUpperCase() : r.status) !== wanted) continue;
      first ??= r;
      if (!r.contentType || r.contentType === "*/*") return r;
      media ??= normalizeMediaType(contentType);
      if (r.contentType === media) return r;
    }
    if (first) return first;
  }
  return undefined;
}

export function lowerCaseHeaders(headers: AxiosResponse["headers"] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const source =
    headers && typeof (headers as { toJSON?: unknown }).toJSON === "function"
      ? (headers as { toJSON(): object }).toJSON()
      : headers;
  for (const [key, value] of Object.entries(source ?? {})) {
    if (value === undefined || value === null) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data === undefined || data === null) return Buffer.alloc(0);
  // A custom axios instance may transform bodies into objects; send them back to text.
  return Buffer.from(JSON.stringify(data), "utf8");
}
