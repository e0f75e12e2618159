/**
 * Where the time goes: V8's sampling CPU profiler on (a) the precompiled generator on the 2026
 * document (`node --cpu-prof`, whole process) and (b) 10,000 sequential calls through gpt-sdk and,
 * for contrast, raw axios (profiler started through the inspector after warm-up).
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { runJsonChild, type ServerProcess } from "./lib/children";
import type { ClientId, Operation } from "./lib/clients";
import { summarizeProfile, type HotFunction, type ProfileSummary } from "./lib/cpuprofile";
import { BUILD_DIR, FAST_TMP, log, mustRun, removeDir, ROOT, SPECS_DIR, tempDir } from "./lib/util";

export interface ProfileResult {
  generator: ProfileSummary & { command: string };
  /** The same on the largest synthetic document, when the scaling section ran. */
  generatorScaled?: ProfileSummary & { command: string; scale: number };
  runtime: (ProfileSummary & {
    client: ClientId;
    op: Operation;
    calls: number;
    ms: number;
    command: string;
    ownTop?: HotFunction[];
  })[];
}

const INTERVAL_US = "250";

/** The main thread's profile (tsx's loader thread writes its own, smaller one). */
function mainProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${dir}`);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/** `node --cpu-prof` of the precompiled generator (bench/.build/cli.js) writing `spec` to tmpfs. */
export function profileGenerator(
  spec = join(SPECS_DIR, "openai-2026-08-21.yaml"),
  shownSpec = "../shared/specs/openai-2026-08-21.yaml",
): ProfileResult["generator"] {
  const dir = tempDir("prof-gen", FAST_TMP);
  try {
    const out = join(dir, "out");
    log(`profile: generator on ${shownSpec}`);
    mustRun(
      process.execPath,
      [
        "--cpu-prof",
        "--cpu-prof-dir",
        join(dir, "prof"),
        "--cpu-prof-interval",
        INTERVAL_US,
        join(BUILD_DIR, "cli.js"),
        "--spec",
        spec,
        "--out",
        out,
      ],
      { cwd: ROOT },
    );
    return {
      ...summarizeProfile(mainProfile(join(dir, "prof")), 10),
      command: `node --cpu-prof --cpu-prof-interval ${INTERVAL_US} bench/.build/cli.js --spec ${shownSpec} --out <tmpfs>`,
    };
  } finally {
    removeDir(dir);
  }
}

export async function profileRuntime(
  server: ServerProcess,
  runs: readonly { client: ClientId; op: Operation }[],
  calls: number,
): Promise<ProfileResult["runtime"]> {
  const results: ProfileResult["runtime"] = [];
  for (const { client, op } of runs) results.push(await profileCalls(server, client, op, calls));
  return results;
}

/** `calls` sequential calls of one operation through one client, profiled in a child process. */
async function profileCalls(
  server: ServerProcess,
  client: ClientId,
  op: Operation,
  calls: number,
): Promise<ProfileResult["runtime"][number]> {
  const dir = tempDir(`prof-${client}`);
  try {
    log(`profile: ${calls} sequential ${op} through ${client}`);
    const file = join(dir, "runtime.cpuprofile");
    const args = [
      "--profile",
      client,
      "--op",
      op,
      "--url",
      server.baseURL,
      "--calls",
      String(calls),
      "--prof-out",
      file,
      "--interval",
      INTERVAL_US,
    ];
    const { ms } = await runJsonChild<{ ms: number }>("runtime.ts", args);
    const summary = summarizeProfile(file, 10, (area) => area === "(program)");
    const ownTop = summarizeProfile(file, 8, (area) => !area.startsWith("gpt-sdk")).top;
    return {
      ...summary,
      ownTop,
      client,
      op,
      calls,
      ms,
      command: `tsx bench/runtime.ts ${args.join(" ").replace(server.baseURL, "<server>").replace(file, "<file>")}`,
    };
  } finally {
    removeDir(dir);
  }
}
