/** Path Item and Operation Objects (OpenAPI 3.0 §4.7.9–4.7.10) → operations grouped by tag. */
import { BASE_RESULT_FIELDS, bodyKindOf, normalizeMediaType, responseKindOf } from "../../src/internal/contract";
import type { GenConfig, PaginationRule } from "../config";
import type { SurfaceLock } from "../lock/lock";
import { childPointer } from "../load/pointer";
import type { Resolver } from "../load/refs";
import { HTTP_METHODS, isPlainObject } from "../load/validate";
import { chooseBodyMedia } from "./body-media";
import { callShapeOf } from "./call-shape";
import { SpecError } from "../load/errors";
import { closestName } from "./names";
import type { ApiModel, Operation, Pagination, Param, RequestBody, Response, Tag, TypeRef } from "./ir";
import { NameScope, argumentName, camelCase, fieldName, pascalCase, typeName } from "./names";
import { paramStyleOf } from "./param-styles";
import { type SchemaModeler, docsOf } from "./schemas";

type Node = Record<string, unknown>;

/** A Parameter Object whose `name` and `in` are known to be strings. */
type ParamNode = Node & { readonly name: string; readonly in: string };

interface RawOperation {
  readonly node: Node;
  readonly pointer: string;
  readonly method: string;
  readonly path: string;
  /** The path item's `parameters` (an array when valid). */
  readonly pathParams: unknown;
  readonly operationId: string;
}

export function buildOperations(
  resolver: Resolver,
  schemas: SchemaModeler,
  config: GenConfig,
  lock: SurfaceLock,
): { tags: Tag[]; unselected: Unselected[] } {
  const { selected, unselected } = collect(resolver, config);
  const raw = selected.sort((a, b) => compare(a.operationId, b.operationId));
  // Request/response classes claim their names before any inline type can.
  const classNames = raw.map((op) => {
    const base = typeName(op.operationId);
    return {
      request: schemas.reserve("operations", `operations:${base}.request`, [`${base}Request`]),
      response: schemas.reserve("operations", `operations:${base}.result`, [`${base}Response`]),
    };
  });
  const rootSecured = Array.isArray(resolver.doc.root.security) && resolver.doc.root.security.length > 0;
  const tags = new Map<string, Tag>();
  const classScope = new NameScope();
  // The client class is exported beside the tag classes: a tag named like it (`Chat` in an API titled Chat) gets
  // `ChatApi` as its class, and keeps `chat` as the client's property.
  classScope.claim([config.sdkClassName]);
  const propertyScope = new NameScope();
  const methods = new NameScope();
  for (const member of CLASS_MEMBERS) methods.claim([member]);
  raw.forEach((op, i) => {
    const operation = buildOperation(resolver, schemas, { config, lock, rootSecured, methods }, op, classNames[i]);
    let tag = tags.get(operation.tag);
    if (!tag) {
      const base = typeName(operation.tag);
      const className = classScope.claim([base, `${base}Api`]);
      const propertyName = propertyScope.claim([camelCase(base), camelCase(className)]);
      tag = { specName: operation.tag, className, propertyName, operations: [], ...tagDocs(resolver, operation.tag) };
      tags.set(operation.tag, tag);
    }
    tag.operations.push(operation);
  });
  return { tags: [...tags.values()].sort((a, b) => compare(a.className, b.className)), unselected };
}

/** Every operation of the document with its tag, then split by gen.yaml's `tags`. */
function collect(resolver: Resolver, config: GenConfig): { selected: RawOperation[]; unselected: Unselected[] } {
  const all: (RawOperation & { tag: string })[] = [];
  const paths = (resolver.doc.root.paths ?? {}) as Node;
  for (const path of Object.keys(paths)) {
    const itemPointer = childPointer("#/paths", path);
    const item = resolver.deref<Node>(paths[path], itemPointer).node;
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!isPlainObject(node)) continue;
      const operationId = typeof node.operationId === "string" ? node.operationId : camelCase(`${method} ${path}`);
      const pointer = childPointer(itemPointer, method);
      all.push({ node, pointer, method, path, pathParams: item.parameters ?? [], operationId, tag: firstTag(node) });
    }
  }
  if (!config.tags) return { selected: all, unselected: [] };
  checkTags(config, new Set(all.map((op) => op.tag)));
  const wanted = new Set(config.tags);
  const unselected = all.filter((op) => !wanted.has(op.tag)).map(({ tag, operationId }) => ({ tag, operationId }));
  return { selected: all.filter((op) => wanted.has(op.tag)), unselected };
}

type Unselected = ApiModel["unselected"][number];

/** A selected tag no operation has is a typo or a renamed tag: generating nothing for it must not pass silently. */
function checkTags(config: GenConfig, present: ReadonlySet<string>): void {
  config.tags!.forEach((tag, i) => {
    if (present.has(tag)) return;
    const guess = closestName(tag, [...present]);
    const hint = guess ? `did you mean "${guess}"? ` : "";
    const known = [...present]
      .sort()
      .map((t) => JSON.stringify(t))
      .join(", ");
    const problem = `tag "${tag}" has no operations in the document; ${hint}(tags with operations: ${known}; untagged operations are under "${UNTAGGED}")`;
    const pointer = `#/tags/${i}`;
    throw new SpecError(config.source?.file ?? "gen.yaml", pointer, problem, config.source?.lineOf(pointer));
  });
}

/** What every operation of one generation is built with. */
interface BuildContext {
  readonly config: GenConfig;
  readonly lock: SurfaceLock;
  /** The document's top-level `security` requires credentials. */
  readonly rootSecured: boolean;
  /** Method names handed out so far (tag classes share the runtime field and the constructor). */
  readonly methods: NameScope;
}

/** Names a generated method must not take: a tag class's own members. */
const CLASS_MEMBERS = ["constructor", "prototype", "runtime"];

function buildOperation(
  resolver: Resolver,
  schemas: SchemaModeler,
  { config, lock, rootSecured, methods }: BuildContext,
  op: RawOperation,
  classes: { request: string; response: string },
): Operation {
  const { node, pointer } = op;
  const opType = typeName(op.operationId);
  const params = buildParams(resolver, schemas, op, opType);
  const body = buildBody(resolver, schemas, node.requestBody, childPointer(pointer, "requestBody"), opType);
  const rawResponses = (node.responses ?? {}) as Node;
  const responses = buildResponses(resolver, schemas, rawResponses, childPointer(pointer, "responses"), opType);
  const methodName = methods.claim([camelCase(op.operationId), `${camelCase(op.operationId)}Operation`]);
  return {
    operationId: op.operationId,
    methodName,
    tag: firstTag(node),
    httpMethod: op.method,
    path: op.path,
    summary: trimmedText(node.summary),
    description: trimmedText(node.description),
    deprecated: node.deprecated === true || undefined,
    params,
    body,
    responses,
    secured: Array.isArray(node.security) ? node.security.length > 0 : rootSecured,
    headers: isBeta(node) ? config.betaHeaders : {},
    requestClass: params.length > 0 ? classes.request : undefined,
    responseClass: classes.response,
    call: callShapeOf({
      params,
      body,
      responses,
      maxMethodParams: config.maxMethodParams,
      locked: lock.operations.get(op.operationId),
    }),
    pagination: config.pagination ? paginationOf(config.pagination, methodName, params, responses, methods) : undefined,
  };
}

/** OpenAI marks beta operations with `x-oaiMeta.beta`; they send the configured beta headers. */
function isBeta(node: Node): boolean {
  return isPlainObject(node["x-oaiMeta"]) && node["x-oaiMeta"].beta === true;
}

/** A non-blank string, trimmed; undefined otherwise. */
function trimmedText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** A list operation pages when it takes the cursor parameter and returns the rule's list shape. */
function paginationOf(
  rule: PaginationRule,
  methodName: string,
  params: Param[],
  responses: Response[],
  methods: NameScope,
): Pagination | undefined {
  const cursorParam = params.find((p) => p.in === "query" && p.wireName === rule.cursorParam);
  const list = responses.find((r) => r.kind === "json" && r.type?.kind === "named" && r.type.decl.kind === "object");
  if (!cursorParam || !list?.fieldName || list.type?.kind !== "named" || list.type.decl.kind !== "object")
    return undefined;
  const fields = list.type.decl.fields;
  const field = (wire: string) => fields.find((f) => f.wireName === wire);
  const items = field(rule.itemsField);
  const cursor = field(rule.cursorField);
  const hasMore = field(rule.hasMoreField);
  if (!items || !cursor || !hasMore || items.type.kind !== "array") return undefined;
  return {
    methodName: methods.claim([`${methodName}All`, `${methodName}AllPages`]),
    cursorParam,
    resultField: list.fieldName,
    itemsField: items.name,
    cursorField: cursor.name,
    hasMoreField: hasMore.name,
    itemType: items.type.items,
  };
}

function buildParams(resolver: Resolver, schemas: SchemaModeler, op: RawOperation, opType: string): Param[] {
  const names = new NameScope();
  // The generated method's own arguments.
  names.claim(["request"]);
  names.claim(["options"]);
  const params = mergedParams(resolver, op).map((located) => buildParam(resolver, schemas, names, located, opType));
  return params.sort((a, b) => compare(a.name, b.name));
}

/** The path item's and the operation's parameters, resolved; operation-level ones override same name and location. */
function mergedParams(resolver: Resolver, op: RawOperation): { node: ParamNode; pointer: string }[] {
  const merged = new Map<string, { node: ParamNode; pointer: string }>();
  const add = (list: unknown, listPointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((p, i) => {
      const at = childPointer(listPointer, i);
      const resolved = resolver.deref<Node>(p, at);
      const param = resolved.node;
      if (!isPlainObject(param) || typeof param.name !== "string" || typeof param.in !== "string") {
        throw resolver.error(at, "a parameter needs a string `name` and `in`");
      }
      merged.set(`${param.in}:${param.name}`, { node: param as ParamNode, pointer: resolved.pointer });
    });
  };
  add(op.pathParams, childPointer(op.pointer.slice(0, op.pointer.lastIndexOf("/")), "parameters"));
  add(op.node.parameters, childPointer(op.pointer, "parameters"));
  return [...merged.values()];
}

function isParamLocation(location: string): location is Param["in"] {
  return Object.hasOwn(LOCATION_NAMES, location);
}

function buildParam(
  resolver: Resolver,
  schemas: SchemaModeler,
  names: NameScope,
  { node: p, pointer }: { node: ParamNode; pointer: string },
  opType: string,
): Param {
  if (!isParamLocation(p.in)) throw resolver.error(pointer, `parameter location "${p.in}" is not valid`);
  const propName = pascalCase(p.name);
  const location = LOCATION_NAMES[p.in];
  const schema =
    p.schema ?? (isPlainObject(p.content) ? (Object.values(p.content)[0] as Node)?.schema : undefined) ?? {};
  const type = schemas.typeOf(schema, childPointer(pointer, "schema"), {
    namespace: "operations",
    key: `operations:${opType}.${p.in}.${p.name}`,
    // The seed SDK's names: `Order`, then `QueryParamOrder`, then `ListMessagesQueryParamOrder`.
    candidates: [typeName(p.name), `${location}${propName}`, `${opType}${location}${propName}`],
  });
  return {
    name: names.claim([argumentName(p.name), `${argumentName(p.name)}${location}`]),
    wireName: p.name,
    in: p.in,
    type,
    required: p.in === "path" || p.required === true,
    ...paramStyleOf(resolver, pointer, { name: p.name, in: p.in, style: p.style, explode: p.explode }, type),
    ...docsOf({ ...schemas.plain(schema, pointer), ...p }),
  };
}

/** How a location reads in the names of parameter types (`QueryParamOrder`). */
const LOCATION_NAMES = { query: "QueryParam", path: "PathParam", header: "Header", cookie: "Cookie" } as const;

function buildBody(
  resolver: Resolver,
  schemas: SchemaModeler,
  raw: unknown,
  pointer: string,
  opType: string,
): RequestBody | undefined {
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
    kind === "bytes"
      ? { kind: "binary" }
      : schemas.typeOf((content[mediaType] as Node)?.schema ?? {}, schemaPointer, {
          namespace: "operations",
          key: `operations:${opType}.body`,
          candidates: [`${opType}RequestBody`],
        });
  return {
    mediaType,
    kind,
    type,
    required: located.node.required === true,
    fieldName: type.kind === "named" ? fieldName(type.decl.name) : "requestBody",
    ...docsOf(located.node),
  };
}

function buildResponses(
  resolver: Resolver,
  schemas: SchemaModeler,
  raw: Node,
  pointer: string,
  opType: string,
): Response[] {
  const statuses = Object.keys(raw);
  const success = statuses.filter((s) => /^2/.test(s));
  const chosen = success.length > 0 ? success : statuses.filter((s) => s === "default");
  return chosen.flatMap((status) => {
    const located = resolver.deref<Node>(raw[status], childPointer(pointer, status));
    if (!isPlainObject(located.node)) throw resolver.error(located.pointer, "a response must be an object");
    const content: Node = isPlainObject(located.node.content) ? located.node.content : {};
    const media = Object.keys(content);
    if (media.length === 0) return [{ status, kind: "empty", ...docsOf(located.node) }];
    // A second success status names its types after itself (`CreateThingResponseBody201`).
    const suffix = chosen.length > 1 && status !== chosen[0] ? status : "";
    return media.map((mediaType) =>
      buildResponse(schemas, { status, mediaType, suffix, located, content: content[mediaType] }, opType),
    );
  });
}

/** One status and media type of a response. */
interface ResponseMedia {
  readonly status: string;
  readonly mediaType: string;
  /** Added to the names of its inline types. */
  readonly suffix: string;
  /** The Response Object, resolved. */
  readonly located: { node: Node; pointer: string };
  /** Its Media Type Object. */
  readonly content: unknown;
}

function buildResponse(
  schemas: SchemaModeler,
  { status, mediaType, suffix, located, content }: ResponseMedia,
  opType: string,
): Response {
  const kind = responseKindOf(mediaType);
  const schemaPointer = childPointer(childPointer(childPointer(located.pointer, "content"), mediaType), "schema");
  const type: TypeRef =
    kind === "bytes"
      ? { kind: "binary" }
      : kind === "text"
        ? { kind: "string" }
        : schemas.typeOf((content as Node | undefined)?.schema ?? {}, schemaPointer, {
            namespace: "operations",
            key: `operations:${opType}.response.${status}.${normalizeMediaType(mediaType)}`,
            candidates: [kind === "stream" ? `${opType}StreamEvent${suffix}` : `${opType}ResponseBody${suffix}`],
          });
  const name = type.kind === "named" ? fieldName(type.decl.name) : kind === "stream" ? "events" : "body";
  // Every result already has the base fields (statusCode, contentType, rawResponse).
  const field = BASE_RESULT_FIELDS.some((f) => f.name === name) ? `${name}Body` : name;
  const envelope = kind === "stream" && isEnvelopeUnion(type) ? { envelope: true } : {};
  return { status, mediaType, kind, type, fieldName: field, ...envelope, ...docsOf(located.node) };
}

/**
 * Stream events that are envelopes: a union of `{ event, data }` objects told apart by `event`
 * (nested unions included). Each SSE message then carries one: its event name and its data.
 */
function isEnvelopeUnion(type: TypeRef): boolean {
  const union = type.kind === "named" && type.decl.kind === "alias" ? type.decl.type : type;
  return union.kind === "union" && union.discriminator?.property === "event" && union.members.every(hasEventAndData);
}

function hasEventAndData(type: TypeRef): boolean {
  if (type.kind === "union") return type.members.every(hasEventAndData);
  if (type.kind !== "named") return false;
  if (type.decl.kind === "alias") return hasEventAndData(type.decl.type);
  const fields = type.decl.kind === "object" ? type.decl.fields : [];
  return fields.some((f) => f.wireName === "event") && fields.some((f) => f.wireName === "data");
}

/** The tag operations without one are grouped (and selected) under. */
const UNTAGGED = "Default";

function firstTag(node: Node): string {
  return Array.isArray(node.tags) && typeof node.tags[0] === "string" ? node.tags[0] : UNTAGGED;
}

function tagDocs(resolver: Resolver, name: string): { description?: string } {
  const tags = resolver.doc.root.tags;
  const found = Array.isArray(tags) ? tags.find((t) => isPlainObject(t) && t.name === name) : undefined;
  return docsOf(found as Node | undefined);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
