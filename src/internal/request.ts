/**
 * Builds the HTTP request for one call: method, absolute URL, headers and body. What does
 * not change between calls (an operation's own headers, its path split at the parameters,
 * the credentials) is worked out once and cached, so a call only fills in its arguments.
 */
import type { EncodedBody } from "./body";
import type { ClientContext } from "./context";
import type { CallArgs, OperationDef, PathParamDef, SecurityDef } from "./contract";
import { cookiePair, headerText, pathText } from "./param-style";
import { callHeaders, type RequestOptions } from "./request-options";
import type { OutgoingRequest } from "./transport";
import { buildQuery, joinURL } from "./url";

/** The credentials as headers and a query string, computed once per client. */
export class Credentials {
  readonly headers: Readonly<Record<string, string>>;
  /** `name=value` pairs joined by `&`, or "". */
  readonly query: string;
  /** `name=value` pairs for the Cookie header, joined by `; `, or "". */
  readonly cookie: string;
  /** API-key header names, kept from other origins when a redirect leaves the API's. */
  readonly secretHeaders: readonly string[];

  constructor(security: readonly SecurityDef[]) {
    const headers: Record<string, string> = {};
    const query: string[] = [];
    const cookie: string[] = [];
    for (const scheme of security) {
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
          query.push(`${encodeURIComponent(scheme.name!)}=${encodeURIComponent(scheme.value)}`);
          break;
        case "apiKeyCookie":
          cookie.push(`${encodeURIComponent(scheme.name!)}=${encodeURIComponent(scheme.value)}`);
          break;
      }
    }
    this.headers = headers;
    this.query = query.join("&");
    this.cookie = cookie.join("; ");
    this.secretHeaders = security.flatMap((s) => (s.kind === "apiKeyHeader" && s.name ? [s.name.toLowerCase()] : []));
  }
}

/** The parts of an operation every call needs, derived once. */
interface PreparedOperation {
  readonly method: string;
  /** The operation's fixed headers, lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The path template split at its `{name}` placeholders: literal, name, literal, ... */
  readonly pathParts: readonly string[];
  /** Each path parameter's definition by name (its style). */
  readonly pathDefs: ReadonlyMap<string, string | PathParamDef>;
  /** True when a response may be a `text/event-stream`, read as it arrives. */
  readonly streamed: boolean;
  /** True for methods axios gives a form content type when they have no body. */
  readonly bodyMethod: boolean;
}

const prepared = new WeakMap<OperationDef, PreparedOperation>();

function prepare(op: OperationDef): PreparedOperation {
  let found = prepared.get(op);
  if (!found) {
    const headers: Record<string, string> = {};
    const accept = acceptOf(op);
    if (accept) headers["accept"] = accept;
    for (const [name, value] of Object.entries(op.headers ?? {})) headers[name.toLowerCase()] = value;
    const method = op.method.toUpperCase();
    found = {
      method,
      headers,
      pathParts: op.path.split(/\{([^}]+)\}/),
      pathDefs: new Map((op.pathParams ?? []).map((def) => [typeof def === "string" ? def : def.name, def])),
      streamed: op.responses.some((r) => r.kind === "stream"),
      bodyMethod: method === "POST" || method === "PUT" || method === "PATCH",
    };
    prepared.set(op, found);
  }
  return found;
}

/** The request for one call: the client's server, agent and credentials, the arguments, the caller's options. */
export function buildRequest(
  op: OperationDef,
  args: CallArgs,
  body: EncodedBody | undefined,
  options: RequestOptions | undefined,
  client: ClientContext,
): OutgoingRequest {
  const { method, headers: fixed, pathParts, pathDefs, bodyMethod } = prepare(op);
  const headers: Record<string, string | false> = { "user-agent": client.userAgent, ...fixed };
  if (body?.contentType) headers["content-type"] = body.contentType;
  // Without a body, stop axios from declaring one (it defaults POST/PUT/PATCH to form-urlencoded).
  else if (!body && bodyMethod) headers["content-type"] = false;
  for (const param of op.headerParams ?? []) {
    const value = args.headers?.[param.name];
    if (value !== undefined && value !== null) headers[param.name.toLowerCase()] = headerText(param, value);
  }
  let query = buildQuery(op.queryParams, args.query);
  if (op.secured) {
    Object.assign(headers, client.credentials.headers);
    if (client.credentials.query) query += (query ? "&" : "?") + client.credentials.query;
  }
  const own = callHeaders(options);
  Object.assign(headers, own);
  const cookie = cookieHeader(op, args, op.secured ? client.credentials.cookie : "", own?.["cookie"]);
  if (cookie) headers["cookie"] = cookie;
  const url = joinURL(options?.baseURL ?? client.serverURL, fillPath(pathParts, pathDefs, args.path) + query);
  return { method, url, headers, data: body?.data };
}

/**
 * For an operation that answers with something other than JSON (a download), the media types it
 * declares, first: axios' default Accept prefers JSON. Any other type comes last (`q=0.1`), as
 * the SDK hands back any body of a download as bytes, and a server whose document misstates the
 * type should still answer. JSON-only operations keep axios' default.
 */
function acceptOf(op: OperationDef): string | undefined {
  if (!op.responses.some((r) => r.kind === "bytes" || r.kind === "text")) return undefined;
  const types = new Set(op.responses.flatMap((r) => (r.contentType ? [r.contentType] : [])));
  return types.size > 0 ? [...types, "*/*;q=0.1"].join(", ") : undefined;
}

export function isStreamed(op: OperationDef): boolean {
  return prepare(op).streamed;
}

/** Every value is percent-encoded, so `/`, `?`, `#` and `..` in an id stay inside its own segment. */
function fillPath(
  parts: readonly string[],
  defs: ReadonlyMap<string, string | PathParamDef>,
  values: Readonly<Record<string, unknown>> | undefined,
): string {
  if (parts.length === 1) return parts[0];
  let path = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    path += pathText(defs.get(parts[i]) ?? parts[i], values?.[parts[i]]) + parts[i + 1];
  }
  return path;
}

/** The Cookie header: the cookie parameters, then the credential, then the caller's own cookies. */
function cookieHeader(op: OperationDef, args: CallArgs, credential: string, own: string | undefined): string {
  const pairs: string[] = [];
  for (const param of op.cookieParams ?? []) {
    const value = args.cookies?.[param.name];
    if (value !== undefined && value !== null) pairs.push(cookiePair(param, value));
  }
  if (credential) pairs.push(credential);
  if (own) pairs.push(own);
  return pairs.join("; ");
}
