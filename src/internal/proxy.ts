/**
 * Proxies: axios looks up `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY` (each in
 * both cases) on every request, and reading `process.env` is a call into C++ each time.
 * When none of the proxy variables is set as the client is built, and the axios instance
 * configures no proxy of its own, the runtime tells axios `proxy: false`: the same outcome
 * (a direct connection) without the lookups. A proxy set later needs a new client.
 */
import type { AxiosInstanceLike } from "./http-client";

const PROXY_VARIABLES = ["http_proxy", "https_proxy", "all_proxy"];

/** `false` to send every request directly, or undefined to leave proxies to axios. */
export function proxySetting(
  client: AxiosInstanceLike | undefined,
  env: Readonly<Record<string, string | undefined>> | undefined,
): false | undefined {
  if (client?.defaults.proxy !== undefined || env === undefined) return undefined;
  const anySet = PROXY_VARIABLES.some((name) => env[name] || env[name.toUpperCase()]);
  return anySet ? undefined : false;
}
