/**
 * An msw server for the helper tests: answers requests from a queue of canned replies, in
 * order, and records each request (method, path + query, headers, body) for exact assertions.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { Gpt } from "../../../src";

export const BASE_URL = "https://api.test.local/v1";
export const API_KEY = "sk-test";

export interface Sent {
  method: string;
  /** Path and query relative to BASE_URL, e.g. `/threads/thread_1/runs/run_1`. */
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when the request had none (or was not JSON). */
  json: unknown;
  /** Multipart fields, when the body was multipart. */
  form?: Record<string, string | { name: string; text: string }>;
}

export interface Reply {
  status?: number;
  json?: unknown;
  headers?: Record<string, string>;
  /** Never answer (until the test ends): a request that hangs. */
  hang?: boolean;
}

export function useMockServer() {
  const sent: Sent[] = [];
  const replies: Reply[] = [];
  const hanging: Array<() => void> = [];

  const server = setupServer(
    http.all(`${BASE_URL}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const contentType = request.headers.get("content-type") ?? "";
      const entry: Sent = {
        method: request.method,
        path: url.pathname.slice(new URL(BASE_URL).pathname.length) + url.search,
        headers: Object.fromEntries(request.headers.entries()),
        json: undefined,
      };
      if (contentType.startsWith("multipart/form-data")) {
        entry.form = {};
        for (const [name, value] of (await request.formData()).entries()) {
          entry.form[name] = typeof value === "string" ? value : { name: value.name, text: await value.text() };
        }
      } else {
        const text = await request.text();
        entry.json = text ? JSON.parse(text) : undefined;
      }
      sent.push(entry);
      const reply = replies.shift() ?? { status: 500, json: { error: { message: `no reply queued for ${entry.method} ${entry.path}` } } };
      if (reply.hang) await new Promise<void>((resolve) => hanging.push(resolve));
      return HttpResponse.json(reply.json ?? null, { status: reply.status ?? 200, headers: reply.headers });
    }),
  );

  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    hanging.splice(0).forEach((release) => release());
    sent.length = 0;
    replies.length = 0;
  });
  afterAll(() => server.close());

  return {
    sent,
    /** Queues replies, answered in order. */
    reply(...next: Reply[]) {
      replies.push(...next);
    },
    /** `METHOD path` of every request so far. */
    requests(): string[] {
      return sent.map((s) => `${s.method} ${s.path}`);
    },
    /** Replies still queued (to check a test consumed exactly what it queued). */
    pending(): number {
      return replies.length;
    },
  };
}

export function newSdk(): Gpt {
  return new Gpt({ apiKeyAuth: API_KEY, serverURL: BASE_URL, retries: false });
}

/**
 * A clock that never really waits: `sleep` records the duration asked for and moves `now` on.
 * Like the real one, it rejects when the signal has aborted.
 */
export function fakeClock(start = 1_700_000_000_000) {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    /** Milliseconds since the clock was made. */
    elapsed: () => time - start,
    now: () => time,
    sleep: async (ms: number, signal: AbortSignal) => {
      if (signal.aborted) throw signal.reason;
      sleeps.push(ms);
      time += ms;
    },
  };
}
