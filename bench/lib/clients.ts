/**
 * The clients compared at run time, each wrapping the same two calls against the loopback server:
 * `listMessages` (GET a 20-message page) and `createRun` (POST a small body, get a run back).
 * gpt-sdk, raw axios and raw node:http share one keep-alive agent; openai 4.x is given the same
 * agent (`httpAgent`); openai 6.x uses Node's fetch (undici), which keeps connections alive itself.
 */
import { Agent, request as httpRequest } from "node:http";
import { join } from "node:path";
import type * as GptSdk from "../../src/index";
import { ASSISTANT_ID, PAGE_SIZE, RUN_ID, THREAD_ID } from "./fixtures";
import { loadPeer, peerVersion, ROOT, rootRequire } from "./util";

export type ClientId = "gpt-sdk" | "raw-http" | "raw-axios" | "openai-v4" | "openai-v6";
export const CLIENT_IDS: readonly ClientId[] = ["gpt-sdk", "raw-axios", "raw-http", "openai-v4", "openai-v6"];
export const OPENAI_IDS: readonly ClientId[] = ["openai-v4", "openai-v6"];

export interface BenchClient {
  readonly id: ClientId;
  readonly label: string;
  /** Resolves to the number of messages on the page. */
  listMessages(): Promise<number>;
  /** Resolves to the run's id. */
  createRun(): Promise<string>;
}

export type Operation = "listMessages" | "createRun";
export const OPERATIONS: readonly Operation[] = ["listMessages", "createRun"];

const API_KEY = "sk-bench-0000000000000000000000000000";

export function sharedAgent(): Agent {
  return new Agent({ keepAlive: true, keepAliveMsecs: 60_000, maxSockets: 64, maxFreeSockets: 64 });
}

/** gpt-sdk's built package (dist/), the way users import it. */
function loadGptSdk(): typeof GptSdk {
  return rootRequire(join(ROOT, "dist", "index.js")) as typeof GptSdk;
}

/** The axios gpt-sdk itself depends on (the repository's), so both run identical axios code. */
function loadAxios(): typeof import("axios").default {
  const mod = rootRequire("axios") as typeof import("axios") & { default?: typeof import("axios").default };
  return (mod.default ?? mod) as typeof import("axios").default;
}

export function clientLabel(id: ClientId): string {
  switch (id) {
    case "gpt-sdk":
      return `gpt-sdk ${(rootRequire(join(ROOT, "package.json")) as { version: string }).version} (dist)`;
    case "raw-axios":
      return `raw axios ${(rootRequire("axios/package.json") as { version: string }).version}`;
    case "raw-http":
      return "raw node:http";
    case "openai-v4":
      return `openai ${peerVersion("openai-v4")}`;
    case "openai-v6":
      return `openai ${peerVersion("openai-v6")}`;
  }
}

export function makeClient(id: ClientId, baseURL: string, agent: Agent): BenchClient {
  const label = clientLabel(id);
  switch (id) {
    case "gpt-sdk":
      return gptSdkClient(label, baseURL, agent);
    case "raw-axios":
      return rawAxiosClient(label, baseURL, agent);
    case "raw-http":
      return rawHttpClient(label, baseURL, agent);
    case "openai-v4":
    case "openai-v6":
      return openaiClient(id, label, baseURL, agent);
  }
}

/** The createRun body the raw clients send. */
function runBodyOf(): { assistant_id: string } {
  return { assistant_id: ASSISTANT_ID };
}

function gptSdkClient(label: string, baseURL: string, agent: Agent): BenchClient {
  const id = "gpt-sdk";
  const { Gpt } = loadGptSdk();
  const axios = loadAxios();
  const sdk = new Gpt({
    apiKeyAuth: API_KEY,
    serverURL: baseURL,
    defaultClient: axios.create({ httpAgent: agent }),
    retries: false,
  });
  return {
    id,
    label,
    listMessages: async () =>
      (await sdk.assistants.listMessages({ threadId: THREAD_ID })).listMessagesResponse?.data.length ?? -1,
    createRun: async () =>
      (await sdk.assistants.createRun({ assistantId: ASSISTANT_ID }, THREAD_ID)).runObject?.id ?? "",
  };
}

function rawAxiosClient(label: string, baseURL: string, agent: Agent): BenchClient {
  const id = "raw-axios";
  const runBody = runBodyOf();
  const axios = loadAxios();
  const client = axios.create({ httpAgent: agent, baseURL, headers: { Authorization: `Bearer ${API_KEY}` } });
  return {
    id,
    label,
    listMessages: async () =>
      ((await client.get(`/threads/${THREAD_ID}/messages`)).data as { data: unknown[] }).data.length,
    createRun: async () => ((await client.post(`/threads/${THREAD_ID}/runs`, runBody)).data as { id: string }).id,
  };
}

function rawHttpClient(label: string, baseURL: string, agent: Agent): BenchClient {
  const id = "raw-http";
  const runBody = runBodyOf();
  const url = new URL(baseURL);
  const call = (method: string, path: string, body?: unknown) => rawHttpCall(url, agent, method, path, body);
  return {
    id,
    label,
    listMessages: async () =>
      ((await call("GET", `/threads/${THREAD_ID}/messages`)) as { data: unknown[] }).data.length,
    createRun: async () => ((await call("POST", `/threads/${THREAD_ID}/runs`, runBody)) as { id: string }).id,
  };
}

/** One JSON request with plain node:http; rejects on a status of 300 or more. */
function rawHttpCall(url: URL, agent: Agent, method: string, path: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {
      Authorization: `Bearer ${API_KEY}`,
      Accept: "application/json",
    };
    if (payload) {
      headers["Content-Type"] = "application/json";
      headers["Content-Length"] = payload.length;
    }
    const req = httpRequest(
      { agent, host: url.hostname, port: url.port, method, path: `${url.pathname}${path}`, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if ((res.statusCode ?? 0) >= 300) return reject(new Error(`HTTP ${res.statusCode}`));
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
          } catch (error) {
            reject(error);
          }
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

function openaiClient(id: "openai-v4" | "openai-v6", label: string, baseURL: string, agent: Agent): BenchClient {
  const runBody = runBodyOf();
  const mod = loadPeer(id);
  const OpenAI = mod.default ?? mod;
  const options: Record<string, unknown> = { apiKey: API_KEY, baseURL, maxRetries: 0 };
  if (id === "openai-v4") options.httpAgent = agent;
  const client = new OpenAI(options);
  return {
    id,
    label,
    listMessages: async () => ((await client.beta.threads.messages.list(THREAD_ID)) as { data: unknown[] }).data.length,
    createRun: async () => ((await client.beta.threads.runs.create(THREAD_ID, runBody)) as { id: string }).id,
  };
}

/** Throws unless the client really talks to the server and parses what it sends. */
export async function checkClient(client: BenchClient): Promise<void> {
  const count = await client.listMessages();
  if (count !== PAGE_SIZE)
    throw new Error(`${client.label}: listMessages returned ${count} messages, expected ${PAGE_SIZE}`);
  const runId = await client.createRun();
  if (runId !== RUN_ID) throw new Error(`${client.label}: createRun returned run "${runId}", expected "${RUN_ID}"`);
}

export function callOf(client: BenchClient, op: Operation): () => Promise<unknown> {
  return op === "listMessages" ? () => client.listMessages() : () => client.createRun();
}
