/** The tag classes (one per tag), the client class and the package's entry files. */
import type { GenConfig } from "../config";
import type { ApiModel, Operation, Tag, TypeRef } from "../model/ir";
import { access, fileBase, jsdoc, key, optionalAccess, str } from "./code";
import { mapExpr } from "./codecs";
import { HEADER, type EmittedFile } from "./models";
import { Imports, tsType } from "./types";

export function emitTag(tag: Tag): EmittedFile {
  const imports = new Imports("sdk");
  imports.addType("../internal", "OperationDef");
  imports.addType("../internal", "RequestOptions");
  imports.addType("../internal", "Runtime");
  const methods = tag.operations.flatMap((op) => (op.pagination ? [methodCode(op, imports), paginatedMethodCode(op, imports)] : [methodCode(op, imports)]));
  const defs = tag.operations.map((op) => operationDef(op, imports));
  const cls =
    `${jsdoc("", tag.description)}export class ${tag.className} {\n` +
    `  constructor(private readonly runtime: Runtime) {}\n\n${methods.join("\n\n")}\n}\n`;
  return { path: `${fileBase(tag.className)}.ts`, content: `${HEADER}${imports.render()}\n${cls}\n${defs.join("\n")}` };
}

/** The method's arguments in the order DESIGN §2 fixes: body, parameters by name, options. */
export function methodArguments(op: Operation, imports: Imports): string[] {
  if (!op.positional) {
    const required = op.params.some((p) => p.required) || op.body?.required;
    return [`request${required ? "" : "?"}: ${imports.refName("operations", op.requestClass!)}`];
  }
  const args: { name: string; type: string; required: boolean }[] = [];
  if (op.body) args.push({ name: bodyArgName(op), type: tsType(op.body.type, imports), required: op.body.required });
  for (const p of op.params) args.push({ name: p.name, type: tsType(p.type, imports), required: p.required });
  // An optional argument before a required one must still be written: it takes `undefined`.
  const lastRequired = args.map((a) => a.required).lastIndexOf(true);
  return args.map((a, i) => (a.required ? `${a.name}: ${a.type}` : i < lastRequired ? `${a.name}: ${a.type} | undefined` : `${a.name}?: ${a.type}`));
}

function bodyArgName(op: Operation): string {
  // A body-only operation takes "request", as the seed SDK did; otherwise the body's own name.
  return op.params.length === 0 ? "request" : op.body!.fieldName;
}

function methodCode(op: Operation, imports: Imports): string {
  const args = [...methodArguments(op, imports), "options?: RequestOptions"];
  const result = imports.refName("operations", op.responseClass);
  const doc = jsdoc("  ", [op.summary, op.description].filter(Boolean).join("\n\n") || undefined, op.deprecated ? ["@deprecated The API marks this operation as deprecated."] : []);
  const source = (name: string) => (op.positional ? name : optionalAccess("request", name));
  const groups: string[] = [];
  for (const location of ["path", "query", "header"] as const) {
    const params = op.params.filter((p) => p.in === location);
    const entries = params.map((p) => (p.wireName === p.name && op.positional ? p.name : `${key(p.wireName)}: ${source(p.name)}`));
    if (params.length > 0) groups.push(`${location === "header" ? "headers" : location}: { ${entries.join(", ")} }`);
  }
  if (op.body) groups.push(`body: ${op.positional ? bodyArgName(op) : optionalAccess("request", op.body.fieldName)}`);
  const callArgs = groups.length > 0 ? `{ ${groups.join(", ")} }` : "{}";
  return (
    `${doc}  ${op.methodName}(${args.join(", ")}): Promise<${result}> {\n` +
    `    return this.runtime.call(${defName(op)}, ${callArgs}, options);\n  }`
  );
}

/**
 * `listMessagesAll(request)`: every item of every page. It takes the request object (all
 * arguments optional by name) and calls the one-page method with each page's cursor.
 */
function paginatedMethodCode(op: Operation, imports: Imports): string {
  const p = op.pagination!;
  imports.add("../internal", "paginate");
  imports.addType("../internal", "Paginator");
  const requestType = imports.refName("operations", op.requestClass!);
  const required = op.params.some((x) => x.required) || op.body?.required;
  const item = tsType(p.itemType, imports);
  const cursor = p.cursorParam.name;
  const args = op.positional
    ? [...(op.body ? [optionalAccess("request", op.body.fieldName)] : []), ...op.params.map((x) => (x === p.cursorParam ? cursor : `request${required ? "" : "?"}.${x.name}`))]
    : [`{ ...request, ${cursor} }`];
  const call = op.positional ? `this.${op.methodName}(${[...args, "options"].join(", ")})` : `this.${op.methodName}(${args[0]}, options)`;
  const fields = `{ items: ${str(p.itemsField)}, cursor: ${str(p.cursorField)}, hasMore: ${str(p.hasMoreField)} }`;
  const doc = jsdoc("  ", `Every item of \`${op.methodName}\`, fetched page by page as you iterate: each request's \`${p.cursorParam.wireName}\` is the previous page's last id, and paging stops when the server reports no more.`);
  return (
    `${doc}  ${p.methodName}(request${required ? "" : "?"}: ${requestType}, options?: RequestOptions): Paginator<${item}> {\n` +
    `    return paginate(${optionalAccess("request", cursor)}, (${cursor}) => ${call}, (res) => res.${p.resultField}, ${fields});\n  }`
  );
}

/** The JSON kind a response schema promises at its top level, so the runtime can reject another. */
function jsonShape(type: TypeRef, nullable = false): { type: string; nullable: boolean } | undefined {
  switch (type.kind) {
    case "nullable":
      return jsonShape(type.inner, true);
    case "string":
    case "number":
    case "boolean":
      return { type: type.kind, nullable };
    case "array":
      return { type: "array", nullable };
    case "map":
      return { type: "object", nullable };
    case "named":
      if (type.decl.kind === "object") return { type: "object", nullable };
      if (type.decl.kind === "alias") return jsonShape(type.decl.type, nullable);
      return { type: typeof type.decl.members[0]?.value === "number" ? "number" : "string", nullable };
    default:
      return undefined;
  }
}

/**
 * Always an arrow function, never `X$.fromWire` itself: the models are then first touched
 * by a call, not when this module loads (the built package loads them on first use).
 */
function asFunction(expr: string): string {
  return `(value) => ${expr}`;
}

function defName(op: Operation): string {
  return `${op.methodName}Operation`;
}

function operationDef(op: Operation, imports: Imports): string {
  const lines = [`  operationId: ${str(op.operationId)},`, `  method: ${str(op.httpMethod)},`, `  path: ${str(op.path)},`];
  const headers = Object.entries(op.headers);
  if (headers.length > 0) lines.push(`  headers: { ${headers.map(([k, v]) => `${str(k)}: ${str(v)}`).join(", ")} },`);
  const path = op.params.filter((p) => p.in === "path");
  if (path.length > 0) lines.push(`  pathParams: [${path.map((p) => str(p.wireName)).join(", ")}],`);
  const query = op.params.filter((p) => p.in === "query");
  if (query.length > 0) {
    const items = query.map((p) => `{ name: ${str(p.wireName)}${p.required ? ", required: true" : ""}${p.explode ? "" : ", explode: false"} }`);
    lines.push(`  queryParams: [${items.join(", ")}],`);
  }
  const header = op.params.filter((p) => p.in === "header");
  if (header.length > 0) lines.push(`  headerParams: [${header.map((p) => `{ name: ${str(p.wireName)}${p.required ? ", required: true" : ""} }`).join(", ")}],`);
  if (op.body) {
    const encode = mapExpr(op.body.type, "value", "toWire", imports);
    lines.push(
      `  body: { kind: ${str(op.body.kind)}, contentType: ${str(op.body.mediaType)}, required: ${op.body.required}${encode ? `, encode: ${asFunction(encode)}` : ""} },`,
    );
  }
  const responses = op.responses.map((r) => {
    const decode = (r.kind === "json" || r.kind === "stream") && r.type ? mapExpr(r.type, "value", "fromWire", imports) : undefined;
    const parts = [`status: ${str(r.status)}`, `kind: ${str(r.kind)}`];
    if (r.mediaType) parts.push(`contentType: ${str(r.mediaType.split(";")[0].trim().toLowerCase())}`);
    if (r.fieldName) parts.push(`field: ${str(r.fieldName)}`);
    if (decode) parts.push(`decode: ${asFunction(decode)}`);
    const shape = r.kind === "json" && r.type ? jsonShape(r.type) : undefined;
    if (shape) parts.push(`jsonType: ${str(shape.type)}${shape.nullable ? ", nullable: true" : ""}`);
    if (r.envelope) parts.push("envelope: true");
    return `    { ${parts.join(", ")} },`;
  });
  lines.push(`  responses: [\n${responses.join("\n")}\n  ],`);
  lines.push(`  secured: ${op.secured},`);
  return `const ${defName(op)}: OperationDef = {\n${lines.join("\n")}\n};\n`;
}

export function emitClient(model: ApiModel, config: GenConfig): EmittedFile {
  const imports = new Imports("sdk");
  imports.add("../internal", "Runtime");
  imports.addType("../internal", "ClientOptions");
  const tagImports = model.tags.map((t) => `import { ${t.className} } from "./${fileBase(t.className)}";`).join("\n");
  const options = model.security.map((s) => `${jsdoc("  ", s.description ?? securityDoc(s.kind))}  ${key(s.optionName)}?: string;`);
  const security = model.security.map(
    (s) => `{ kind: ${str(s.kind)}${s.paramName ? `, name: ${str(s.paramName)}` : ""}, value: ${access("options", s.optionName)} }`,
  );
  const retries = Object.entries(config.retries).map(([k, v]) => `${k}: ${v}`).join(", ");
  const fields = model.tags.map((t) => `${jsdoc("  ", t.description)}  readonly ${key(t.propertyName)}: ${t.className};`);
  const inits = model.tags.map((t) => `    this.${t.propertyName} = new ${t.className}(runtime);`);
  const content =
    `${HEADER}${imports.render()}${tagImports}\n\n` +
    `/** The servers the API is served from; the first is the default. */\nexport const ServerList = [${str(model.serverURL)}] as const;\n\n` +
    `/** Credentials, plus the options every client takes (server URL, retries, timeout, axios instance). */\n` +
    `export interface SDKOptions extends ClientOptions {\n${options.join("\n\n")}\n}\n\n` +
    `${jsdoc("", model.description)}export class ${config.sdkClassName} {\n${fields.join("\n\n")}\n\n` +
    `  constructor(options: SDKOptions = {}) {\n` +
    `    const runtime = new Runtime(options, {\n` +
    `      serverURL: ServerList[0],\n` +
    `      userAgent: ${str(`${config.packageName}/${config.packageVersion} (typescript)`)},\n` +
    `      security: [${security.join(", ")}],\n` +
    `      retries: { ${retries} },\n` +
    `      timeoutMs: ${config.timeoutMs},\n` +
    `    });\n${inits.join("\n")}\n  }\n}\n`;
  return { path: "sdk.ts", content };
}

function securityDoc(kind: string): string {
  return kind === "basic" ? "Credentials as `user:password`." : kind === "bearer" ? "Sent as `Authorization: Bearer <value>`." : "API key.";
}

export function emitSdkIndex(model: ApiModel): EmittedFile {
  const lines = [
    `export * from "./sdk";`,
    ...model.tags.map((t) => `export * from "./${fileBase(t.className)}";`),
    `export * as shared from "./models/shared";`,
    `export * as operations from "./models/operations";`,
    `export * as errors from "./models/errors";`,
  ];
  return { path: "index.ts", content: HEADER + lines.join("\n") + "\n" };
}

export function emitErrorsIndex(): EmittedFile {
  return { path: "models/errors/index.ts", content: `${HEADER}export * from "../../../internal/errors";\n` };
}
