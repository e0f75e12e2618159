/**
 * Redirects, followed by the runtime rather than by axios: axios follows them through the
 * follow-redirects package, which wraps every request and costs about a tenth of a call on
 * a fast network, so the runtime asks axios for `maxRedirects: 0` (plain node:http) and
 * does the same job here, with the rules browsers and follow-redirects use.
 */

/** How many redirects one attempt follows unless the axios instance says otherwise (as fetch). */
export const DEFAULT_MAX_REDIRECTS = 20;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that carry credentials or describe the body; see `redirectedHeaders`. */
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie"];
const BODY_HEADERS = ["content-type", "content-length", "content-encoding"];

export interface RedirectHop {
  /** The absolute URL to request next. */
  readonly url: string;
  /** Upper-case method for the next request. */
  readonly method: string;
  /** False when the redirect turns the request into a GET without a body (303, or 301/302 after a POST). */
  readonly keepsBody: boolean;
  /** True when the next request goes to another scheme, host or port. */
  readonly crossOrigin: boolean;
}

/** The next request for a redirect response, or undefined when the response is not one to follow. */
export function redirectHop(
  status: number,
  location: string | undefined,
  fromURL: string,
  method: string,
): RedirectHop | undefined {
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined;
  let target: URL;
  let from: URL;
  try {
    from = new URL(fromURL);
    target = new URL(location, from);
  } catch {
    return undefined;
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return undefined;
  const upper = method.toUpperCase();
  const becomesGet = (status === 303 && upper !== "HEAD") || ((status === 301 || status === 302) && upper === "POST");
  return {
    url: target.href,
    method: becomesGet ? "GET" : upper,
    keepsBody: !becomesGet,
    crossOrigin: target.origin !== from.origin,
  };
}

/**
 * Headers for the next hop: body headers go when the body does; credentials (the standard
 * ones and the API's own key headers, `secretHeaders`) never leave the origin they were meant for.
 */
export function redirectedHeaders(
  headers: Readonly<Record<string, string | false>>,
  hop: RedirectHop,
  secretHeaders: readonly string[],
): Record<string, string | false> {
  const drop = new Set<string>();
  if (!hop.keepsBody) for (const name of BODY_HEADERS) drop.add(name);
  if (hop.crossOrigin) for (const name of [...CREDENTIAL_HEADERS, ...secretHeaders]) drop.add(name.toLowerCase());
  const next: Record<string, string | false> = {};
  for (const [name, value] of Object.entries(headers)) if (!drop.has(name.toLowerCase())) next[name] = value;
  // Without a body, stop axios from declaring one.
  if (!hop.keepsBody) next["content-type"] = false;
  return next;
}
