/**
 * The API as an msw mock, for every test about requests and responses: each operation's exact
 * request and what the SDK makes of the answer. msw's node interceptors take over node:http's
 * ClientRequest, which axios' http adapter sends through, so the SDK runs unchanged (its own
 * redirect following and `proxy: false` included) while nothing opens a socket or a port.
 * Requests are recorded exactly as sent (the request line's target and the body bytes come
 * from the intercepted ClientRequest, not from a re-parsed URL) and answered with the same
 * replies as the real recording server (recording.ts), so a suite moves between the two by
 * its setup alone. A request to any other origin fails the call and the test.
 *
 * What msw cannot show needs the real server (recording-server.ts, fault-server.ts): a reset
 * in the middle of a body, a stalled or truncated stream, a request cut off while unanswered
 * (msw keeps its parser), sockets left open, retry timing. msw patches node:http for the whole
 * jest worker, so `useMockApi` closes it after the file's last test: the next file gets the
 * platform's own node:http.
 */
import { ClientRequest } from "node:http";
import type { Readable } from "node:stream";
import { getRawRequest } from "@mswjs/interceptors";
import { http } from "msw";
import { setupServer } from "msw/node";
import {
  BASE_PATH,
  type Recorded,
  RecordingLog,
  type Reply,
  type WireRequest,
  recordRequest,
  replyParts,
} from "./recording";

export { BASE_PATH, json, raw, type Recorded, type Reply } from "./recording";

// A public entry of the package that the project's `moduleResolution: node` cannot type
// (it ignores package exports), so its one function is typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import could not be typed (see above)
const { getClientRequestBodyStream } = require("@mswjs/interceptors/utils/node") as {
  getClientRequestBodyStream(request: Request): Readable;
};

/** A name no resolver knows (RFC 6761's `.test`): a request msw did not take cannot reach anything. */
export const MOCK_ORIGIN = "http://api.test";

/** A hand-written answer, for what a Reply cannot say. */
export type MockHandler = (request: Request, seen: Recorded) => Response | Promise<Response>;

export class MockApi extends RecordingLog<MockHandler> {
  /** `http://api.test/v1` */
  readonly baseURL = `${MOCK_ORIGIN}${BASE_PATH}`;
  /** `METHOD url` of each request to another origin since the last reset. */
  readonly unhandled: string[] = [];
  private readonly server = setupServer(http.all(`${MOCK_ORIGIN}/*`, ({ request }) => this.handle(request)));

  /** Starts intercepting; a request msw has no handler for fails (`onUnhandledRequest: "error"`). */
  listen(): void {
    this.server.events.on("request:unhandled", ({ request }) => {
      this.unhandled.push(`${request.method} ${request.url}`);
    });
    this.server.listen({ onUnhandledRequest: "error" });
  }

  /** Stops intercepting, so node:http is the platform's own again for the suites that follow. */
  close(): void {
    this.server.events.removeAllListeners();
    this.server.close();
  }

  override reset(): void {
    super.reset();
    this.unhandled.length = 0;
  }

  private async handle(request: Request): Promise<Response> {
    const seen = await recordRequest(await wireRequest(request));
    const next = this.answerFor(seen);
    return typeof next === "function" ? next(request, seen) : toResponse(next);
  }
}

/** The request as node:http wrote it: method and target of the request line, headers, body bytes. */
async function wireRequest(request: Request): Promise<WireRequest> {
  const sent = getRawRequest(request);
  if (!(sent instanceof ClientRequest)) {
    const what = `${request.method} ${request.url}`;
    throw new Error(`msw gave no ClientRequest for ${what}: is @mswjs/interceptors the copy msw itself uses?`);
  }
  // Read from the ClientRequest's own stream: a fetch Request drops the body of a GET.
  const chunks: Buffer[] = [];
  for await (const chunk of getClientRequestBodyStream(request)) chunks.push(Buffer.from(chunk));
  const headers = Object.fromEntries(request.headers);
  return { method: sent.method, target: sent.path, headers, bytes: Buffer.concat(chunks) };
}

function toResponse(reply: Reply): Response {
  const { status, headers, body } = replyParts(reply);
  // Bytes are copied (fetch takes only a plain ArrayBuffer's); an empty body goes as none (fetch refuses one on a 204).
  const bytes = typeof body === "string" ? body : new Uint8Array(body);
  return new Response(Buffer.byteLength(body) === 0 ? null : bytes, { status, headers });
}

/**
 * One mock for the whole test file: intercepting from its first test, reset after each test
 * (which fails if a request went elsewhere), closed after its last.
 */
export function useMockApi(): MockApi {
  const api = new MockApi();
  beforeAll(() => api.listen());
  afterEach(() => {
    const unhandled = [...api.unhandled];
    api.reset();
    expect(unhandled).toEqual([]);
  });
  afterAll(() => api.close());
  return api;
}
