/** Path Item and Operation Objects (OpenAPI 3.0 §4.7.9–4.7.10) → operations grouped by tag. */
import { BASE_RESULT_FIELDS, bodyKindOf, responseKindOf } from "../../src/internal/contract";
import type { GenConfig, PaginationRule } from "../config";
import type { SurfaceLock } from "../lock/lock";
import { childPointer } from "../load/pointer";
import type { Resolver } from "../load/refs";
import { HTTP_METHODS, isPlainObject } from "../load/validate";
import { chooseBodyMedia } from "./body-media";
import { callShapeOf } from "./call-shape";
import type { Operation, Pagination, Param, RequestBody, Response, Tag, TypeRef } from "./ir";
import { NameScope, argumentName, camelCase, fieldName, pascalCase, typeName } from "./names";
import { paramStyleOf } from "./param-styles";
import { type SchemaModeler, docsOf } from "./schemas";

type Node = Record<string, any>;

interface RawOperation {
  readonly node: Node;
  readonly pointer: string;
  readonly method: string;
  readonly path: string;
  readonly pathParams: unknown[];
  readonly operationId: string;
}

export function buildOperations(resolver: Resolver, schemas: SchemaModeler, config: GenConfig, lock: SurfaceLock): Tag[] {
  const raw = collect(resolver, config).sort((a, b) => compare(a.operationId, b.operationId));
  // Request/response classes claim their names before any inline type can.
  const classNames = raw.map((op) => {
    const base = typeName(op.operationId);
    return { request: schemas.reserve("operations", [`${base}Request`]), response: schemas.reserve("operations", [`${base}Response`]) };
  });
  const rootSecured = Array.isArray(resolver.doc.root.security) && resolver.doc.root.security.length > 0;
  const tags = new Map<string, Tag>();
  const tagScope = new NameScope();
  raw.forEach((op, i) => {
    const operation = buildOperation(resolver, schemas, { config, lock, rootSecured }, op, classNames[i]);
    let tag = tags.get(operation.tag);
    if (!tag) {
      const className = tagScope.claim([typeName(operation.tag), `${typeName(operation.tag)}Api`]);
      tag = { specName: operation.tag, className, propertyName: camelCase(className), operations: [], ...tagDocs(resolver, operation.tag) };
      tags.set(operation.tag, tag);
    }
    tag.operations.push(operation);
  });
  return [...tags.values()].sort((a, b) => compare(a.className, b.className));
}

function collect(resolver: Resolver, config: GenConfig): RawOperation[] {
  const paths = (resolver.doc.root.paths ?? {}) as Node;
  const out: RawOperation[] = [];
  for (const path of Object.keys(paths)) {
    const itemPointer = childPointer("#/paths", path);
    const item = resolver.deref<Node>(paths[path], itemPointer).node;
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!isPlainObject(node)) continue;
      const tag = firstTag(node);
      if (config.tags && !config.tags.includes(tag)) continue;
      const operationId = typeof node.operationId === "string" ? node.operationId : camelCase(`${method} ${path}`);
      out.push({ node, pointer: childPointer(itemPointer, method), method, path, pathParams: item.parameters ?? [], operationId });
    }
  }
  return out;
}

/** What every operation of one generation is built with. */
interface BuildContext {
  readonly config: GenConfig;
  readonly lock: SurfaceLock;
  /** The document's top-level `security` requires credentials. */
  readonly rootSecured: boolean;
}

function buildOperation(
  resolver: Resolver,
  schemas: SchemaModeler,
  { config, lock, rootSecured }: BuildContext,
  op: RawOperation,
  classes: { request: string; response: string },
): Operation {
  const { node, pointer } = op;
  const opType = typeName(op.operationId);
  const params = buildParams(resolver, schemas, op, opType);
  const body = buildBody(resolver, schemas, node.requestBody, childPointer(pointer, "requestBody"), opType);
  const responses = buildResponses(resolver, schemas, node.responses ?? {}, childPointer(pointer, "responses"), opType);
  const secured = Array.isArray(node.security) ? node.security.length > 0 : rootSecured;
  const beta = isPlainObject(node["x-oaiMeta"]) && node["x-oaiMeta"].beta === true;
  const summary = typeof node.summary === "string" && node.summary.trim() ? node.summary.trim() : undefined;
  const description = typeof node.description === "string" && node.description.trim() ? node.description.trim() : undefined;
  return {
    operationId: op.operationId,
    methodName: camelCase(op.operationId),
    tag: firstTag(node),
    httpMethod: op.method,
    path: op.path,
    summary,
    description,
    deprecated: node.deprecated === true || undefined,
    params,
    body,
    responses,
    secured,
    headers: beta ? config.betaHeaders : {},
    requestClass: params.length > 0 ? classes.request : undefined,
    responseClass: classes.response,
    call: callShapeOf({ params, body, responses, maxMethodParams: config.maxMethodParams, locked: lock.operations.get(op.operationId) }),
    pagination: config.pagination ? paginationOf(config.pagination, op.operationId, params, responses) : undefined,
  };
}

/** A list operation pages when it takes the cursor parameter and returns the rule's list shape. */
function paginationOf(rule: PaginationRule, operationId: string, params: Param[], responses: Response[]): Pagination | undefined {
  const cursorParam = params.find((p) => p.in === "query" && p.wireName === rule.cursorParam);
  const list = responses.find((r) => r.kind === "json" && r.type?.kind === "named" && r.type.decl.kind === "object");
  if (!cursorParam || !list?.fieldName || list.type?.kind !== "named" || list.type.decl.kind !== "object") return undefined;
  const fields = list.type.decl.fields;
  const field = (wire: string) => fields.find((f) => f.wireName === wire);
  const items = field(rule.itemsField);
  const cursor = field(rule.cursorField);
  const hasMore = field(rule.hasMoreField);
  if (!items || !cursor || !hasMore || items.type.kind !== "array") return undefined;
  return {
    methodName: `${camelCase(operationId)}All`,
    cursorParam,
    resultField: list.fieldName,
    itemsField: items.name,
    cursorField: cursor.name,
    hasMoreField: hasMore.name,
    itemType: items.type.items,
  };
}

function buildParams(resolver: Resolver, schemas: SchemaModeler, op: RawOperation, opType: string): Param[] {
  // Operation-level parameters override path-level ones with the same name and location.
  const merged = new Map<string, { node: Node; pointer: string }>();
  const add = (list: unknown, listPointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((p, i) => {
      const at = childPointer(listPointer, i);
      const resolved = resolver.deref<Node>(p, at);
      const param = resolved.node;
      if (!isPlainObject(param) || typeof param.name !== "string" || typeof param.in !== "string") {
        throw resolver.error(at, "a parameter needs a string `name` and `in`");
      }
      merged.set(`${param.in}:${param.name}`, { node: param, pointer: resolved.pointer });
    });
  };
  add(op.pathParams, childPointer(op.pointer.slice(0, op.pointer.lastIndexOf("/")), "parameters"));
  add(op.node.parameters, childPointer(op.pointer, "parameters"));
  const names = new NameScope();
  // The generated method's own arguments.
  names.claim(["request"]);
  names.claim(["options"]);
  const params: Param[] = [];
  for (const { node: p, pointer } of merged.values()) {
    if (!["path", "query", "header", "cookie"].includes(p.in)) {
      throw resolver.error(pointer, `parameter location "${p.in}" is not valid`);
    }
    const propName = pascalCase(p.name);
    const location = LOCATION_NAMES[p.in as Param["in"]];
    const schema = p.schema ?? (isPlainObject(p.content) ? (Object.values(p.content)[0] as Node)?.schema : undefined) ?? {};
    const type = schemas.typeOf(schema, childPointer(pointer, "schema"), {
      namespace: "operations",
      // The seed SDK's names: `Order`, then `QueryParamOrder`, then `ListMessagesQueryParamOrder`.
      candidates: [typeName(p.name), `${location}${propName}`, `${opType}${location}${propName}`],
    });
    params.push({
      name: names.claim([argumentName(p.name), `${argumentName(p.name)}${location}`]),
      wireName: p.name,
      in: p.in,
      type,
      required: p.in === "path" || p.required === true,
      ...paramStyleOf(resolver, pointer, { name: p.name, in: p.in, style: p.style, explode: p.explode }, type),
      ...docsOf({ ...schemas.plain(schema, pointer), ...p }),
    });
  }
  return params.sort((a, b) => compare(a.name, b.name));
}

/** How a location reads in the names of parameter types (`QueryParamOrder`). */
const LOCATION_NAMES = { query: "QueryParam", path: "PathParam", header: "Header", cookie: "Cookie" } as const;

function buildBody(resolver: Resolver, schemas: SchemaModeler, raw: unknown, pointer: string, opType: string): RequestBody | undefined {
  if (raw === undefined) return undefined;
  const located = resolver.deref<Node>(raw, pointer);
  if (!isPlainObject(located.node)) throw resolver.error(located.pointer, "a request body must be an object");
  const content = located.node.content as Node;
  if (!isPlainObject(content)) return undefined;
  const mediaType = chooseBodyMedia(resolver, content, childPointer(located.pointer, "content"));
  if (!mediaType) return undefined;
  const kind = bodyKindOf(mediaType);
  const schemaPointer = childPointer(childPointer(childPointer(located.pointer, "content"), mediaType), "schema");
  const type: TypeRef =
    kind === "bytes" ? { kind: "binary" } : schemas.typeOf((content[mediaType] as Node)?.schema ?? {}, schemaPointer, { namespace: "operations", candidates: [`${opType}RequestBody`] });
  return {
    mediaType,
    kind,
    type,
    required: located.node.required === true,
    fieldName: type.kind === "named" ? fieldName(type.decl.name) : "requestBody",
    ...docsOf(located.node),
  };
}

function buildResponses(resolver: Resolver, schemas: SchemaModeler, raw: Node, pointer: string, opType: string): Response[] {
  const statuses = Object.keys(raw);
  const success = statuses.filter((s) => /^2/.test(s));
  const chosen = success.length > 0 ? success : statuses.filter((s) => s === "default");
  const out: Response[] = [];
  for (const status of chosen) {
    const located = resolver.deref<Node>(raw[status], childPointer(pointer, status));
    if (!isPlainObject(located.node)) throw resolver.error(located.pointer, "a response must be an object");
    const content: Node = isPlainObject(located.node.content) ? located.node.content : {};
    const media = Object.keys(content);
    if (media.length === 0) {
      out.push({ status, kind: "empty", ...docsOf(located.node) });
      continue;
    }
    for (const mediaType of media) {
      const kind = responseKindOf(mediaType);
      const schemaPointer = childPointer(childPointer(childPointer(located.pointer, "content"), mediaType), "schema");
      const suffix = chosen.length > 1 && status !== chosen[0] ? status : "";
      const type: TypeRef =
        kind === "bytes" ? { kind: "binary" } : kind === "text" ? { kind: "string" }
        : schemas.typeOf(content[mediaType]?.schema ?? {}, schemaPointer, {
            namespace: "operations",
            candidates: [kind === "stream" ? `${opType}StreamEvent${suffix}` : `${opType}ResponseBody${suffix}`],
          });
      const name = type.kind === "named" ? fieldName(type.decl.name) : kind === "stream" ? "events" : "body";
      // Every result already has the base fields (statusCode, contentType, rawResponse).
      const field = BASE_RESULT_FIELDS.some((f) => f.name === name) ? `${name}Body` : name;
      out.push({ status, mediaType, kind, type, fieldName: field, ...docsOf(located.node) });
    }
  }
  return out;
}

function firstTag(node: Node): string {
  return Array.isArray(node.tags) && typeof node.tags[0] === "string" ? node.tags[0] : "Default";
}

function tagDocs(resolver: Resolver, name: string): { description?: string } {
  const tags = resolver.doc.root.tags;
  const found = Array.isArray(tags) ? tags.find((t) => isPlainObject(t) && t.name === name) : undefined;
  return docsOf(found as Node | undefined);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
