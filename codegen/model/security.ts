/**
 * The document's security schemes that operations use, as client options (`apiKeyAuth`), each
 * with the environment variable gen.yaml's `securityEnv` names as its default.
 */
import { CLIENT_OPTION_KEYS } from "../../src/internal/contract";
import type { GenConfig } from "../config";
import { SpecError } from "../load/errors";
import type { OpenApiDocument, SecuritySchemeObject } from "../load/openapi";
import { childPointer } from "../load/pointer";
import type { Resolver } from "../load/refs";
import { isPlainObject } from "../load/validate";
import type { SecurityScheme } from "./ir";
import { NameScope, camelCase } from "./names";

export function securitySchemes(resolver: Resolver, config: GenConfig): SecurityScheme[] {
  const root = resolver.doc.root as unknown as OpenApiDocument;
  const schemes = isPlainObject(root.components?.securitySchemes) ? root.components.securitySchemes : {};
  const used = usedSchemeNames(root);
  checkSecurityEnv(
    config,
    Object.keys(schemes).filter((name) => used.has(name)),
  );
  const names = new NameScope();
  // A credential option must not shadow an option every client takes (`logLevel`, `retries`, ...).
  for (const key of CLIENT_OPTION_KEYS) names.claim([key]);
  const out: SecurityScheme[] = [];
  for (const name of Object.keys(schemes).sort()) {
    if (!used.has(name)) continue;
    const pointer = childPointer("#/components/securitySchemes", name);
    const scheme = resolver.deref<SecuritySchemeObject | undefined>(schemes[name], pointer).node;
    if (!isPlainObject(scheme)) throw resolver.error(pointer, "a security scheme must be an object");
    if (scheme.type === "apiKey" && typeof scheme.name !== "string") {
      throw resolver.error(pointer, "an apiKey security scheme needs a `name`");
    }
    const kind = kindOf(scheme);
    if (!kind) {
      const where = scheme.in ? ` in ${scheme.in}` : "";
      throw resolver.error(pointer, `security scheme type "${scheme.type}"${where} is not supported yet`);
    }
    out.push({
      kind,
      optionName: names.claim([camelCase(name), `${camelCase(name)}Auth`]),
      paramName: kind.startsWith("apiKey") ? scheme.name : undefined,
      description: typeof scheme.description === "string" ? scheme.description : undefined,
      envVar: config.securityEnv?.[name],
    });
  }
  return out;
}

/** Schemes named by the document's or an operation's `security`. */
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

function kindOf(scheme: SecuritySchemeObject): SecurityScheme["kind"] | undefined {
  if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic") return "basic";
  if (scheme.type === "http" || scheme.type === "oauth2" || scheme.type === "openIdConnect") return "bearer";
  if (scheme.type !== "apiKey") return undefined;
  if (scheme.in === "header") return "apiKeyHeader";
  if (scheme.in === "query") return "apiKeyQuery";
  if (scheme.in === "cookie") return "apiKeyCookie";
  return undefined;
}

/** A `securityEnv` entry for a scheme no operation uses would be a default that never applies. */
function checkSecurityEnv(config: GenConfig, schemes: readonly string[]): void {
  for (const name of Object.keys(config.securityEnv ?? {})) {
    if (schemes.includes(name)) continue;
    const pointer = childPointer("#/securityEnv", name);
    const known = schemes.length > 0 ? schemes.map((s) => JSON.stringify(s)).join(", ") : "none";
    const problem = `securityEnv names security scheme "${name}", which no operation uses (schemes in use: ${known})`;
    throw new SpecError(config.source?.file ?? "gen.yaml", pointer, problem, config.source?.lineOf(pointer));
  }
}
