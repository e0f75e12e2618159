/** Document → ApiModel: the whole model stage in one call. */
import { CLIENT_OPTION_KEYS } from "../../src/internal/contract";
import type { GenConfig } from "../config";
import { EMPTY_LOCK, type SurfaceLock } from "../lock/lock";
import type { OpenApiDocument, SecuritySchemeObject } from "../load/openapi";
import { childPointer } from "../load/pointer";
import type { Resolver } from "../load/refs";
import { isPlainObject } from "../load/validate";
import type { ApiModel, SecurityScheme } from "./ir";
import { NameScope, camelCase } from "./names";
import { buildOperations } from "./operations";
import { SchemaModeler } from "./schemas";

export function buildModel(resolver: Resolver, config: GenConfig, lock: SurfaceLock = EMPTY_LOCK): ApiModel {
  const root = documentOf(resolver);
  const schemas = new SchemaModeler(resolver, lock.names);
  const { tags, unselected } = buildOperations(resolver, schemas, config, lock);
  // Without a tag filter, every component is part of the SDK, used by an operation or not.
  if (!config.tags && isPlainObject(root.components?.schemas)) {
    for (const name of Object.keys(root.components.schemas).sort()) schemas.component(name);
  }
  return {
    title: typeof root.info?.title === "string" ? root.info.title : config.sdkClassName,
    description: typeof root.info?.description === "string" ? root.info.description.trim() : undefined,
    version: String(root.info?.version ?? ""),
    serverURL: serverURL(root),
    tags,
    decls: schemas.decls,
    security: securitySchemes(resolver),
    unselected,
    typeNames: schemas.typeNames,
  };
}

/** The document, typed: validateDocument has checked its outline. */
function documentOf(resolver: Resolver): OpenApiDocument {
  return resolver.doc.root as unknown as OpenApiDocument;
}

function serverURL(root: OpenApiDocument): string {
  const server = Array.isArray(root.servers) ? root.servers[0] : undefined;
  if (!isPlainObject(server) || typeof server.url !== "string") return "http://localhost";
  // Server variables take their defaults.
  const variables = isPlainObject(server.variables) ? server.variables : undefined;
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => String(variables?.[name]?.default ?? ""));
}

function securitySchemes(resolver: Resolver): SecurityScheme[] {
  const root = documentOf(resolver);
  const schemes = root.components?.securitySchemes;
  if (!isPlainObject(schemes)) return [];
  const used = usedSchemeNames(root);
  const names = new NameScope();
  // A credential option must not shadow an option every client takes (`logLevel`, `retries`, ...).
  for (const key of CLIENT_OPTION_KEYS) names.claim([key]);
  const out: SecurityScheme[] = [];
  for (const name of Object.keys(schemes).sort()) {
    if (!used.has(name)) continue;
    const pointer = childPointer("#/components/securitySchemes", name);
    const scheme = resolver.deref<SecuritySchemeObject | undefined>(schemes[name], pointer).node;
    if (!isPlainObject(scheme)) throw resolver.error(pointer, "a security scheme must be an object");
    if (scheme.type === "apiKey" && typeof scheme.name !== "string")
      throw resolver.error(pointer, "an apiKey security scheme needs a `name`");
    const optionName = names.claim([camelCase(name), `${camelCase(name)}Auth`]);
    out.push(securityScheme(resolver, pointer, scheme, optionName));
  }
  return out;
}

/** The schemes that the document's or an operation's `security` names. */
function usedSchemeNames(root: OpenApiDocument): Set<string> {
  const used = new Set<string>();
  const requirements: unknown[] = [root.security];
  for (const item of Object.values(root.paths ?? {})) {
    if (isPlainObject(item))
      for (const op of Object.values(item)) if (isPlainObject(op)) requirements.push(op.security);
  }
  for (const list of requirements) {
    if (!Array.isArray(list)) continue;
    for (const req of list) if (isPlainObject(req)) Object.keys(req).forEach((k) => used.add(k));
  }
  return used;
}

function securityScheme(
  resolver: Resolver,
  pointer: string,
  scheme: SecuritySchemeObject,
  optionName: string,
): SecurityScheme {
  const description = typeof scheme.description === "string" ? scheme.description : undefined;
  if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic")
    return { kind: "basic", optionName, description };
  if (scheme.type === "http" || scheme.type === "oauth2" || scheme.type === "openIdConnect")
    return { kind: "bearer", optionName, description };
  if (scheme.type === "apiKey" && scheme.in === "header")
    return { kind: "apiKeyHeader", optionName, paramName: scheme.name, description };
  if (scheme.type === "apiKey" && scheme.in === "query")
    return { kind: "apiKeyQuery", optionName, paramName: scheme.name, description };
  if (scheme.type === "apiKey" && scheme.in === "cookie")
    return { kind: "apiKeyCookie", optionName, paramName: scheme.name, description };
  throw resolver.error(
    pointer,
    `security scheme type "${scheme.type}"${scheme.in ? ` in ${scheme.in}` : ""} is not supported yet`,
  );
}
