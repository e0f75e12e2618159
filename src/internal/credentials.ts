/**
 * Where a client's credentials come from: the client option (`apiKeyAuth`), else the environment
 * variable gen.yaml names for its scheme (`OPENAI_API_KEY`), read once when the client is built.
 * A secured call on a client with neither fails before sending, naming both; never a value.
 */
import type { SecurityDef } from "./contract";
import { MissingCredentialsError } from "./errors";

type Env = Readonly<Record<string, string | undefined>> | undefined;

/** The definitions with each value settled: the option, else the variable; blank counts as none. */
export function resolveSecurity(security: readonly SecurityDef[], env: Env): SecurityDef[] {
  return security.map((def) => {
    const value = def.value ?? (def.env ? env?.[def.env] : undefined);
    return { ...def, value: value?.trim() ? value : undefined };
  });
}

/** Throws when a secured operation would go out with no credential at all. */
export function requireCredentials(operationId: string, security: readonly SecurityDef[]): void {
  if (security.length === 0 || security.some((def) => def.value !== undefined)) return;
  const ways = security.map((def) => {
    const option = `pass { ${def.option} } to the client's constructor`;
    return def.env ? `set the ${def.env} environment variable or ${option}` : option;
  });
  const message = `${operationId} needs credentials and the client has none: ${ways.join("; or ")}.`;
  throw new MissingCredentialsError(message, operationId);
}
