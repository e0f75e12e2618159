/**
 * Start-up section: each variant in a fresh plain-node process (no tsx), timed inside the
 * process (require + construct, hrtime) and from outside (spawn to exit), with the RSS and
 * heap growth the require causes and the number of modules it loads. Rounds interleave variants.
 */
import { spawnSync } from "node:child_process";
import { benchRequire, log, median, rotate, ROOT } from "./lib/util";

export interface StartupVariant {
  id: string;
  label: string;
  code: string;
  /** Runs first and is not timed (axios already loaded, to time gpt-sdk's own share). */
  before?: string;
}

export interface StartupResult {
  before?: string;
  id: string;
  label: string;
  code: string;
  inProcessMs: number[];
  wallMs: number[];
  rssDelta: number[];
  heapDelta: number[];
  modules: number;
}

function variants(): StartupVariant[] {
  const openai4 = JSON.stringify(benchRequire.resolve("openai-v4"));
  const openai6 = JSON.stringify(benchRequire.resolve("openai-v6"));
  return [
    { id: "node", label: "node (nothing)", code: "" },
    { id: "axios", label: 'require("axios")', code: 'require("axios");' },
    {
      id: "gpt-sdk",
      label: 'require("gpt-sdk") + new Gpt()',
      code: 'const { Gpt } = require("gpt-sdk"); new Gpt({ apiKeyAuth: "sk-bench" });',
    },
    {
      id: "gpt-sdk-own",
      label: 'require("gpt-sdk") + new Gpt(), axios already loaded',
      before: 'require("axios");',
      code: 'const { Gpt } = require("gpt-sdk"); new Gpt({ apiKeyAuth: "sk-bench" });',
    },
    {
      id: "openai-v4",
      label: `require("openai") 4.x + new OpenAI()`,
      code: `const m = require(${openai4}); new (m.default || m)({ apiKey: "sk-bench" });`,
    },
    {
      id: "openai-v6",
      label: `require("openai") 6.x + new OpenAI()`,
      code: `const m = require(${openai6}); new (m.default || m)({ apiKey: "sk-bench" });`,
    },
  ];
}

function probe(code: string, before = ""): string {
  // Runs from the repository root, so require("gpt-sdk") resolves through the package's own `exports`.
  return [
    before,
    "const t0 = process.hrtime.bigint(); const m0 = process.memoryUsage(); const k0 = Object.keys(require.cache).length;",
    code,
    "const t1 = process.hrtime.bigint(); const m1 = process.memoryUsage();",
    "process.stdout.write(JSON.stringify({ ms: Number(t1 - t0) / 1e6, rss: m1.rss - m0.rss, heap: m1.heapUsed - m0.heapUsed, modules: Object.keys(require.cache).length - k0 }));",
  ].join("\n");
}

export function runStartup(options: { runs: number }): StartupResult[] {
  const all = variants();
  const results = new Map<string, StartupResult>(
    all.map((v) => [v.id, { ...v, inProcessMs: [], wallMs: [], rssDelta: [], heapDelta: [], modules: 0 }]),
  );
  log(`start-up: ${all.length} variants × ${options.runs} fresh processes`);
  for (let round = -1; round < options.runs; round++) {
    for (const v of rotate(all, Math.max(0, round))) {
      const started = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ["-e", probe(v.code, v.before)], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      if (child.status !== 0) throw new Error(`start-up probe ${v.id} failed: ${child.stderr}`);
      if (round < 0) continue; // warm-up: disk cache
      const out = JSON.parse(child.stdout) as { ms: number; rss: number; heap: number; modules: number };
      const r = results.get(v.id)!;
      r.inProcessMs.push(out.ms);
      r.wallMs.push(wall);
      r.rssDelta.push(out.rss);
      r.heapDelta.push(out.heap);
      r.modules = out.modules;
    }
  }
  for (const r of results.values())
    log(`  ${r.label}: ${median(r.inProcessMs).toFixed(1)} ms in process, ${median(r.wallMs).toFixed(0)} ms wall`);
  return [...results.values()];
}
