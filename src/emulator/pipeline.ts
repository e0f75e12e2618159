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
  const url = new URL(req.url ?? "/", "http://emulator");
  let slow: Parameters<typeof send>[3];
  try {
    checkApiKey(req.headers);
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
    const reply = match.route.handle(options.state, await readCall(req, match, url));
    await send(res, reply, started, slow);
  } catch (error) {
    const failure = error instanceof ApiFailure ? error : internalError(error);
    if (!res.headersSent && !res.destroyed) await send(res, failure, started, slow);
    outcome.note = ` ${failure.message}`;
  }
}

async function readCall(req: IncomingMessage, match: Match, url: URL): Promise<Call> {
  const base = { params: match.params, query: url.searchParams };
  if (match.route.body === "none") return { ...base, body: undefined, parts: [] };
  if (match.route.body === "json") {
    const raw = await readBody(req, JSON_LIMIT, `The request body is larger than ${JSON_LIMIT} bytes.`);
    return { ...base, body: parseJson(raw), parts: [] };
  }
  const boundary = boundaryOf(String(req.headers["content-type"] ?? ""));
  if (!boundary) throw new ApiFailure(400, "Expected a multipart/form-data body with a boundary.");
  const tooLarge = `File is too large: the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
  const parts: UploadPart[] = parseMultipart(await readBody(req, UPLOAD_LIMIT, tooLarge), boundary);
  return { ...base, body: undefined, parts };
}

function internalError(error: unknown): ApiFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiFailure(500, `The emulator failed on this request: ${detail}`, null, null, "server_error");
}

export type { Reply };
