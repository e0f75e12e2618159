/**
 * One request, start to end: API key, route, faults, beta header, body, handler, answer,
 * and one log line. Every failure becomes the API's error body; nothing escapes as a crash.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkApiKey, checkBeta, type V1Lifecycle } from "./access";
import { ApiFailure, invalidUrl } from "./errors";
import type { Faults } from "./faults";
import { MAX_FILE_BYTES } from "./files";
import { parseJson, readBody, send } from "./http";
import { boundaryOf, parseMultipart, type UploadPart } from "./multipart";
import { matchRoute, type Call, type EmulatorState, type Match, type Reply } from "./router";
import { ROUTES } from "./routes";
import type { Sleeper } from "./sleeper";

const JSON_LIMIT = 8 * 1024 * 1024;
/** Room for the multipart framing around a file of the largest allowed size. */
const UPLOAD_LIMIT = MAX_FILE_BYTES + 64 * 1024;

export interface PipelineOptions {
  state: EmulatorState;
  faults: Faults;
  sleeper: Sleeper;
  lifecycle: V1Lifecycle;
  /** The only key accepted; any key when undefined. */
  apiKey?: string;
  log?: (line: string) => void;
}

export function requestHandler(options: PipelineOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const outcome: Outcome = { operation: "-", note: "" };
    const line = () => {
      const status = res.headersSent ? String(res.statusCode) : "-";
      const ms = (performance.now() - started).toFixed(1);
      const path = (req.url ?? "/").split("?")[0];
      options.log?.(`${req.method} ${path} ${outcome.operation} ${status} ${ms}ms${outcome.note}`);
    };
    answer(options, req, res, started, outcome).then(line, (error: unknown) => {
      outcome.note = ` crashed: ${error instanceof Error ? error.message : String(error)}`;
      line();
      res.destroy();
    });
  };
}

/** What the log line tells beside method, path and status: the operation, and the error message if any. */
interface Outcome {
  operation: string;
  note: string;
}

async function answer(
  options: PipelineOptions,
  req: IncomingMessage,
  res: ServerResponse,
  started: number,
  outcome: Outcome,
): Promise<void> {
  const method = req.method ?? "GET";
  const url = requestTarget(req.url ?? "/");
  let slow: Parameters<typeof send>[3];
  try {
    checkApiKey(req.headers, options.apiKey);
    const match = url.pathname.startsWith("/v1/") ? matchRoute(ROUTES, method, url.pathname.slice(3)) : undefined;
    if (!match) throw invalidUrl(method, url.pathname);
    outcome.operation = match.route.operationId;
    const plan = options.faults.plan(match.route.operationId);
    if (plan.delayMs > 0 && !(await options.sleeper.sleep(plan.delayMs))) {
      outcome.note = " (emulator closed)";
      return;
    }
    if (plan.drop) {
      req.socket.destroy();
      outcome.note = " (fault: connection dropped)";
      return;
    }
    if (plan.slowBody) slow = { body: plan.slowBody, sleeper: options.sleeper };
    if (plan.failure) throw plan.failure;
    if (match.route.beta) checkBeta(req.headers, options.lifecycle, method, url.pathname);
    const call = match.route.body === "none" ? callOf(match, url) : await readCall(req, match, url);
    await send(res, match.route.handle(options.state, call), started, slow);
  } catch (error) {
    const failure = error instanceof ApiFailure ? error : internalError(error);
    if (!res.headersSent && !res.destroyed) await send(res, failure, started, slow);
    outcome.note = ` ${failure.message}`;
  }
}

interface RequestTarget {
  pathname: string;
  searchParams: URLSearchParams;
}

/** A plain origin-form target (`/v1/threads/thread_x/messages?limit=100`) is split by hand; anything else goes through URL. */
const PLAIN_TARGET = /^\/[\w/-]*(\?[^#]*)?$/;

function requestTarget(raw: string): RequestTarget {
  if (!PLAIN_TARGET.test(raw)) return new URL(raw, "http://emulator");
  const query = raw.indexOf("?");
  if (query === -1) return { pathname: raw, searchParams: new URLSearchParams() };
  return { pathname: raw.slice(0, query), searchParams: new URLSearchParams(raw.slice(query + 1)) };
}

/** What a handler gets: the path's parameters, the query, and the body or the upload's parts (none by default). */
function callOf(match: Match, url: RequestTarget, body?: unknown, parts: readonly UploadPart[] = []): Call {
  return { params: match.params, query: url.searchParams, body, parts };
}

async function readCall(req: IncomingMessage, match: Match, url: RequestTarget): Promise<Call> {
  if (match.route.body === "json") {
    const raw = await readBody(req, JSON_LIMIT, `The request body is larger than ${JSON_LIMIT} bytes.`);
    return callOf(match, url, parseJson(raw));
  }
  const boundary = boundaryOf(String(req.headers["content-type"] ?? ""));
  if (!boundary) throw new ApiFailure(400, "Expected a multipart/form-data body with a boundary.");
  const tooLarge = `File is too large: the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
  return callOf(match, url, undefined, parseMultipart(await readBody(req, UPLOAD_LIMIT, tooLarge), boundary));
}

function internalError(error: unknown): ApiFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiFailure(500, `The emulator failed on this request: ${detail}`, null, null, "server_error");
}

export type { Reply };
