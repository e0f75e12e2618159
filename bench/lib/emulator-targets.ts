/**
 * The servers bench/emulator.ts measures, each answering getRun and a 100-message listMessages with the
 * same bytes: the emulator in its own process and in the bench's process (both the esbuild bundle the
 * package ships, on plain node), Prism mocking openapi.yaml with the emulator's answers as the examples it
 * serves, and a bare node:http server replaying those answers (the floor).
 */
import { build } from "esbuild";
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { startPrism } from "../../tests/support/prism";
import { BENCH_DIR, BUILD_DIR, ROOT } from "./util";

export const HEADERS: Record<string, string> = {
  authorization: "Bearer sk-bench",
  "openai-beta": "assistants=v1",
  "content-type": "application/json",
};

export type Operation = "getRun" | "listMessages";

export interface Target {
  name: string;
  /** Full URL of each measured request. */
  urls: Record<Operation, string>;
  /** Process group of a server in its own processes (its CPU time is measured); undefined in process. */
  group?: number;
  /** Serves the emulator's captured answers (Prism, the floor) rather than answers of its own. */
  replaysAnswers?: boolean;
  stop(): Promise<void>;
}

/** What the emulator answered to each measured request: the bytes every other target must serve too. */
export interface Answer {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Builds the emulator as `npm run build` ships it: one CommonJS bundle. */
export async function buildEmulatorBundle(): Promise<string> {
  const bundle = join(BUILD_DIR, "emulator.js");
  await build({
    entryPoints: [join(ROOT, "src", "emulator", "index.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: bundle,
    logLevel: "warning",
  });
  return bundle;
}

/** The emulator in its own process (as `gpt-sdk-emulator` runs), no request log. */
export async function emulatorProcess(bundle: string): Promise<Target> {
  const code = `require(${JSON.stringify(bundle)}).startEmulator().then((e) => console.log(e.url));`;
  const { url, group, stop } = await spawnServer(["-e", code]);
  return { name: "emulator, own process", urls: await seed(url), group, stop };
}

/** The built bundle's exports: `gpt-sdk/emulator` as the package ships it. */
export function loadBundle(bundle: string): typeof import("../../src/emulator") {
  return createRequire(__filename)(bundle) as typeof import("../../src/emulator");
}

/** The emulator in the measuring process, as a test suite runs it: it shares one core with the load generator. */
export async function emulatorInProcess(bundle: string): Promise<Target> {
  const emulator = await loadBundle(bundle).startEmulator();
  return { name: "emulator, in process", urls: await seed(emulator.url), stop: () => emulator.close() };
}

/**
 * Prism mocking openapi.yaml, its examples for the two operations replaced by the emulator's answers; `startMs`
 * is its start, spawn to first answer.
 */
export async function prismServingSameBytes(
  answers: Record<Operation, Answer>,
): Promise<{ target: Target; startMs: number }> {
  const document = parse(readFileSync(join(ROOT, "openapi.yaml"), "utf8")) as {
    paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, PrismResponse> }>>;
  };
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item)) {
      const id = operation.operationId;
      if (id === "getRun" || id === "listMessages")
        operation.responses!["200"].content["application/json"].example = JSON.parse(answers[id].body);
    }
  mkdirSync(BUILD_DIR, { recursive: true });
  const specPath = join(BUILD_DIR, "prism-same-bytes.yaml");
  writeFileSync(specPath, stringify(document));
  const started = performance.now();
  const prism = await startPrism(specPath);
  const startMs = performance.now() - started;
  const target: Target = {
    name: "Prism",
    urls: {
      getRun: `${prism.url}/threads/thread_abc/runs/run_abc`,
      listMessages: `${prism.url}/threads/thread_abc/messages?limit=100`,
    },
    group: prism.pid,
    replaysAnswers: true,
    stop: () => prism.stop(),
  };
  return { target, startMs };
}

interface PrismResponse {
  content: Record<string, { example?: unknown }>;
}

const FLOOR_SCRIPT = join(BENCH_DIR, "lib", "floor-server.cjs");

/** A bare node:http server replaying the emulator's answers (bench/lib/floor-server.cjs), in its own process. */
export async function floorServer(answers: Record<Operation, Answer>): Promise<Target> {
  const file = join(BUILD_DIR, "floor-answers.json");
  writeFileSync(file, JSON.stringify(byPath(answers)));
  const { url, group, stop } = await spawnServer([FLOOR_SCRIPT, file]);
  return { name: "node:http, same bytes", urls: floorUrls(url, answers), group, replaysAnswers: true, stop };
}

/** The same floor in the measuring process: the most any server run in process can show here. */
export async function floorInProcess(answers: Record<Operation, Answer>): Promise<Target> {
  const { serveAnswers } = createRequire(__filename)(FLOOR_SCRIPT) as {
    serveAnswers(answers: Record<string, Answer>): Promise<{ server: Server; url: string }>;
  };
  const { server, url } = await serveAnswers(byPath(answers));
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { name: "node:http, same bytes, in process", urls: floorUrls(url, answers), replaysAnswers: true, stop };
}

const byPath = (answers: Record<Operation, Answer>) =>
  Object.fromEntries(Object.values(answers).map((answer) => [answer.path, answer]));

const floorUrls = (url: string, answers: Record<Operation, Answer>): Record<Operation, string> => ({
  getRun: `${url}${answers.getRun.path}`,
  listMessages: `${url}${answers.listMessages.path}`,
});

/** One GET: the answer's bytes and the headers a server chose (node:http adds date, connection and keep-alive). */
export async function answerOf(url: string): Promise<Answer> {
  const response = await fetch(url, { headers: HEADERS });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers)
    if (!["date", "connection", "keep-alive"].includes(name)) headers[name] = value;
  const { pathname, search } = new URL(url);
  return { path: pathname + search, headers, body: await response.text() };
}

/** A thread with 100 messages and a run on it; the URLs of getRun and of one 100-message page. */
async function seed(base: string): Promise<Record<Operation, string>> {
  const post = async (path: string, body: unknown): Promise<string> => {
    const response = await fetch(`${base}${path}`, { method: "POST", headers: HEADERS, body: JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`POST ${path} answered ${response.status}`);
    return ((await response.json()) as { id: string }).id;
  };
  const assistant = await post("/assistants", { model: "gpt-4" });
  const thread = await post("/threads", {});
  for (let i = 0; i < 100; i++) await post(`/threads/${thread}/messages`, { role: "user", content: `m${i}` });
  const run = await post(`/threads/${thread}/runs`, { assistant_id: assistant });
  const getRun = `${base}/threads/${thread}/runs/${run}`;
  await settled(getRun);
  return { getRun, listMessages: `${base}/threads/${thread}/messages?limit=100` };
}

/** Waits for the run to complete, so its answer (and the page with the run's reply) stops changing. */
async function settled(runUrl: string): Promise<void> {
  for (let polls = 0; polls < 100; polls++) {
    const run = (await (await fetch(runUrl, { headers: HEADERS })).json()) as { status: string };
    if (run.status === "completed") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${runUrl} did not complete within 10 s`);
}

/** Starts `node <args>` in its own process group and waits for the URL it prints. */
async function spawnServer(args: string[]): Promise<{ url: string; group: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], detached: true });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve(String(/http:\S+/.exec(chunk.toString("utf8"))?.[0])));
    child.once("exit", (code) => reject(new Error(`node ${args[0]} exited with ${code} before listening`)));
  });
  return { url, group: child.pid!, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
