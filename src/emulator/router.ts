/** Routes: one per operation, matched by method and path template (`/threads/{thread_id}`). */
import type { EmulatorClock } from "./clock";
import type { IdSource } from "./ids";
import type { UploadPart } from "./multipart";
import type { RunEngine } from "./runs";
import type { Store } from "./store";

/** Everything a handler reads or changes. */
export interface EmulatorState {
  readonly store: Store;
  readonly engine: RunEngine;
  readonly clock: EmulatorClock;
  readonly ids: IdSource;
  /** How long each run transition and each file's processing takes (ms, on the clock). */
  readonly stepMs: number;
}

export interface Call {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body (undefined when none was sent). */
  readonly body: unknown;
  /** The parts of a multipart/form-data body. */
  readonly parts: readonly UploadPart[];
}

export type Reply =
  | { status?: number; json: unknown }
  /** JSON already serialized to UTF-8 (see json-cache.ts). */
  | { status?: number; jsonBytes: Buffer }
  | { status?: number; bytes: Buffer; contentType: string };

export interface Route {
  readonly method: "GET" | "POST" | "DELETE";
  /** Under /v1, with `{name}` placeholders. */
  readonly path: string;
  readonly operationId: string;
  /** Assistants operations need `OpenAI-Beta: assistants=v1`. */
  readonly beta: boolean;
  readonly body: "json" | "multipart" | "none";
  /** The path's segments, split once: a literal, or `{name}` for a parameter. */
  readonly segments: readonly string[];
  handle(state: EmulatorState, call: Call): Reply;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

/** The route for this method and path (relative to /v1), or undefined. */
export function matchRoute(routes: readonly Route[], method: string, path: string): Match | undefined {
  const segments = path.split("/").filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPath(route.segments, segments);
    if (params) return { route, params };
  }
  return undefined;
}

function matchPath(parts: readonly string[], segments: string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  // Literals first: most routes fail there, before any parameter is decoded.
  for (let i = 0; i < parts.length; i++) if (!parts[i].startsWith("{") && parts[i] !== segments[i]) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++)
    if (parts[i].startsWith("{")) params[parts[i].slice(1, -1)] = decodeURIComponent(segments[i]);
  return params;
}

/** A route shorthand: `route("GET /assistants", "listAssistants", handler)`. */
export function route(
  spec: string,
  operationId: string,
  handle: Route["handle"],
  options: { beta?: boolean; body?: Route["body"] } = {},
): Route {
  const [method, path] = spec.split(" ") as [Route["method"], string];
  const body = options.body ?? (method === "POST" ? "json" : "none");
  const segments = path.split("/").filter(Boolean);
  return { method, path, operationId, beta: options.beta ?? true, body, segments, handle };
}
