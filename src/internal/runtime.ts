/**
 * The one function every generated method calls: arguments + operation description
 * in, typed result out. Generated code stays a few lines per method.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from "axios";
import { encodeBody } from "./body";
import { SDKError } from "./errors";
import type { CallArgs, OperationDef, ResponseDef } from "./operation";
import { buildQuery, fillPath, joinURL } from "./url";

/** A credential the client adds to each secured request. */
export interface SecurityDef {
  readonly kind: "bearer" | "basic" | "apiKeyHeader" | "apiKeyQuery";
  /** Header or query name for API keys. */
  readonly name?: string;
  readonly value: string | undefined;
}

/** When and how often failed requests are tried again. */
export interface RetryConfig {
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** Options every generated client accepts (its SDKOptions add the credentials). */
export interface ClientOptions {
  /** Overrides the server URL. */
  serverURL?: string;
  /** A preconfigured axios instance to send requests with (the seed SDK's `defaultClient`). */
  defaultClient?: AxiosInstance;
  /** Retry policy for failed requests, or `false` to never retry. */
  retries?: Partial<RetryConfig> | false;
  /** Time limit for each request, body included, in milliseconds. */
  timeoutMs?: number;
}

/** What the generator knows about the API: defaults from the spec and gen.yaml. */
export interface ClientDefaults {
  readonly serverURL: string;
  readonly userAgent: string;
  readonly security: readonly SecurityDef[];
  readonly retries: RetryConfig;
  readonly timeoutMs: number;
}

/** Per-call options: any axios request config (the seed's `config` argument). */
export type RequestOptions = AxiosRequestConfig;

/** What every generated method resolves to, plus the body field named after its schema. */
export interface BaseResult {
  statusCode: number;
  contentType: string;
  rawResponse: AxiosResponse;
}

export class Runtime {
  private readonly client: AxiosInstance;
  private readonly serverURL: string;
  private readonly security: readonly SecurityDef[];
  private readonly userAgent: string;
  readonly retries: RetryConfig;
  readonly timeoutMs: number;

  constructor(options: ClientOptions, defaults: ClientDefaults) {
    this.client = options.defaultClient ?? axios.create();
    this.serverURL = options.serverURL ?? defaults.serverURL;
    this.security = defaults.security;
    this.userAgent = defaults.userAgent;
    this.retries = options.retries === false ? { ...defaults.retries, maxRetries: 0 } : { ...defaults.retries, ...options.retries };
    this.timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  }

  async call<R extends BaseResult>(op: OperationDef, args: CallArgs, options?: RequestOptions): Promise<R> {
    checkRequired(op, args);
    const body = op.body && args.body !== undefined ? await encodeBody(op.body, args.body) : undefined;
    const headers: Record<string, string> = { "user-agent": this.userAgent, ...op.headers };
    if (body?.contentType) headers["content-type"] = body.contentType;
    let query = buildQuery(op.queryParams, args.query);
    for (const param of op.headerParams ?? []) {
      const value = args.headers?.[param.name];
      if (value !== undefined && value !== null) headers[param.name] = String(value);
    }
    if (op.secured) query = this.applySecurity(headers, query);

    const response = await this.client.request({
      ...options,
      method: op.method,
      url: joinURL(options?.baseURL ?? this.serverURL, fillPath(op.path, args.path) + query),
      baseURL: undefined,
      headers: { ...headers, ...(options?.headers as Record<string, string> | undefined) },
      data: body?.data,
      responseType: "arraybuffer",
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
    });
    return toResult<R>(op, response);
  }

  private applySecurity(headers: Record<string, string>, query: string): string {
    for (const scheme of this.security) {
      if (scheme.value === undefined || scheme.value === "") continue;
      switch (scheme.kind) {
        case "bearer":
          headers["authorization"] = `Bearer ${scheme.value}`;
          break;
        case "basic":
          headers["authorization"] = `Basic ${Buffer.from(scheme.value).toString("base64")}`;
          break;
        case "apiKeyHeader":
          headers[scheme.name!.toLowerCase()] = scheme.value;
          break;
        case "apiKeyQuery":
          query += `${query ? "&" : "?"}${encodeURIComponent(scheme.name!)}=${encodeURIComponent(scheme.value)}`;
          break;
      }
    }
    return query;
  }
}

function checkRequired(op: OperationDef, args: CallArgs): void {
  for (const name of op.pathParams ?? []) {
    const value = args.path?.[name];
    if (value === undefined || value === null || value === "") {
      throw new SDKError(`${op.operationId}: path parameter "${name}" is required`);
    }
  }
  for (const param of op.queryParams ?? []) {
    if (param.required && (args.query?.[param.name] === undefined || args.query?.[param.name] === null)) {
      throw new SDKError(`${op.operationId}: query parameter "${param.name}" is required`);
    }
  }
  if (op.body?.required && (args.body === undefined || args.body === null)) {
    throw new SDKError(`${op.operationId}: a request body is required`);
  }
}

function toResult<R>(op: OperationDef, response: AxiosResponse): R {
  const statusCode = response.status;
  const contentType = String(response.headers["content-type"] ?? "");
  const bytes = Buffer.from(response.data as ArrayBuffer);
  const declared = matchResponse(op.responses, statusCode, contentType);
  if (!declared || statusCode >= 400) {
    throw new SDKError(`${op.operationId}: API returned ${statusCode}${contentType ? ` (${contentType})` : ""}`, {
      statusCode,
      headers: lowerCaseHeaders(response.headers),
      body: bytes.toString("utf8"),
      rawResponse: response,
    });
  }
  const result: Record<string, unknown> = { statusCode, contentType, rawResponse: response };
  if (declared.field) result[declared.field] = decodeBody(op, declared, bytes, response);
  return result as R;
}

function decodeBody(op: OperationDef, def: ResponseDef, bytes: Buffer, response: AxiosResponse): unknown {
  switch (def.kind) {
    case "bytes":
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    case "text":
      return bytes.toString("utf8");
    case "empty":
      return undefined;
    case "json": {
      const text = bytes.toString("utf8");
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new SDKError(`${op.operationId}: response body is not valid JSON`, {
          statusCode: response.status,
          headers: lowerCaseHeaders(response.headers),
          body: text,
          rawResponse: response,
        });
      }
      return def.decode ? def.decode(parsed) : parsed;
    }
  }
}

/** Picks the declared response for a status: exact code, then `2XX`-style range, then `default`. */
function matchResponse(responses: readonly ResponseDef[], status: number, contentType: string): ResponseDef | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  const candidates =
    pick(responses, (r) => r.status === code) ?? pick(responses, (r) => r.status.toUpperCase() === range) ?? pick(responses, (r) => r.status === "default");
  if (!candidates) return undefined;
  const media = contentType.split(";")[0].trim().toLowerCase();
  return candidates.find((r) => !r.contentType || r.contentType === media || r.contentType === "*/*") ?? candidates[0];
}

function pick(responses: readonly ResponseDef[], test: (r: ResponseDef) => boolean): ResponseDef[] | undefined {
  const found = responses.filter(test);
  return found.length > 0 ? found : undefined;
}

function lowerCaseHeaders(headers: AxiosResponse["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) out[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}
