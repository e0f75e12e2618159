/**
 * The `gpt-sdk-emulator` command as users run it: plain node, from another folder, on compiled
 * JavaScript. The test lays out a package in a temp folder (bin/ copied, src/emulator compiled to
 * dist/emulator/cli.js with esbuild: the bin only needs that file) so no build of the repo is needed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { ROOT } from "../support/root";
import { tempDir } from "../support/temp";
import type { WireJson } from "./support";

let pkg: string;
beforeAll(() => {
  pkg = tempDir("emulator-bin");
  mkdirSync(join(pkg, "bin"));
  copyFileSync(join(ROOT, "bin", "gpt-sdk-emulator.js"), join(pkg, "bin", "gpt-sdk-emulator.js"));
  const entry = join(ROOT, "src", "emulator", "cli.ts");
  buildSync({
    entryPoints: [entry],
    outfile: join(pkg, "dist", "emulator", "cli.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    logLevel: "error",
  });
});

function start(args: string[]): {
  child: ChildProcess;
  lines: string[];
  firstLine: Promise<string>;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [join(pkg, "bin", "gpt-sdk-emulator.js"), ...args], {
    cwd: tmpdir(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let resolveFirst: (line: string) => void;
  const firstLine = new Promise<string>((resolve) => (resolveFirst = resolve));
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      if (lines.length === 1) resolveFirst(line);
    }
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, lines, firstLine, exit };
}

function call(agent: Agent, url: string, method: string, body?: unknown): Promise<{ status: number; json: WireJson }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: { authorization: "Bearer k", "openai-beta": "assistants=v1", "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

test("prints its URL and a line per request; SIGTERM exits 0 with a keep-alive connection and a run open", async () => {
  const emulator = start(["--port", "0", "--host", "127.0.0.1", "--seed", "bin", "--latency", "1"]);
  const first = await emulator.firstLine;
  const url = /^gpt-sdk emulator listening on (http:\/\/127\.0\.0\.1:\d+\/v1)$/.exec(first)?.[1];
  expect(url).toBeDefined();

  const agent = new Agent({ keepAlive: true });
  const assistant = await call(agent, `${url}/assistants`, "POST", { model: "gpt-4" });
  const thread = await call(agent, `${url}/threads`, "POST");
  const run = await call(agent, `${url}/threads/${thread.json.id}/runs`, "POST", { assistant_id: assistant.json.id });
  expect([assistant.status, thread.status, run.json.status]).toEqual([200, 200, "queued"]);
  expect((await call(agent, `${url}/assistants/asst_nope`, "GET")).status).toBe(404);

  emulator.child.kill("SIGTERM");
  expect(await emulator.exit).toBe(0);
  agent.destroy();
  const requests = emulator.lines.slice(1).map((line) => line.replace(/ \d+\.\dms/, " <ms>"));
  expect(requests).toEqual([
    "POST /v1/assistants createAssistant 200 <ms>",
    "POST /v1/threads createThread 200 <ms>",
    `POST /v1/threads/${thread.json.id}/runs createRun 200 <ms>`,
    "GET /v1/assistants/asst_nope getAssistant 404 <ms> No assistant found with id 'asst_nope'.",
  ]);
}, 30_000);

test("SIGINT stops it too; a bad option is a usage error (exit 2) naming the option", async () => {
  const emulator = start(["--port", "0"]);
  await emulator.firstLine;
  emulator.child.kill("SIGINT");
  expect(await emulator.exit).toBe(0);

  const bad = spawnSync(process.execPath, [join(pkg, "bin", "gpt-sdk-emulator.js"), "--port", "http"], {
    cwd: tmpdir(),
    encoding: "utf8",
  });
  expect([bad.status, bad.stderr.trim()]).toEqual([
    2,
    "gpt-sdk-emulator: --port needs a whole number from 0 to 65535 (got 'http')",
  ]);
}, 30_000);

test("without its compiled code, the bin says to build", () => {
  const bare = tempDir("emulator-bare");
  mkdirSync(join(bare, "bin"));
  copyFileSync(join(ROOT, "bin", "gpt-sdk-emulator.js"), join(bare, "bin", "gpt-sdk-emulator.js"));
  const result = spawnSync(process.execPath, [join(bare, "bin", "gpt-sdk-emulator.js")], {
    cwd: tmpdir(),
    encoding: "utf8",
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("is missing; run `npm run build` in");
});
