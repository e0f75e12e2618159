/** Document → ApiModel: the whole model stage in one call. */
import type { GenConfig } from "../config";
import { EMPTY_LOCK, type SurfaceLock } from "../lock/lock";
import type { OpenApiDocument } from "../load/openapi";
import type { Resolver } from "../load/refs";
import { isPlainObject } from "../load/validate";
import type { ApiModel } from "./ir";
import { buildOperations } from "./operations";
import { SchemaModeler } from "./schemas";
import { securitySchemes } from "./security";

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
    security: securitySchemes(resolver, config),
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
