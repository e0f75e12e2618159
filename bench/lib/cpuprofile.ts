/**
 * Summarises a V8 .cpuprofile (`node --cpu-prof`): self time per function, mapped back to the
 * TypeScript sources through source maps (esbuild's bundle map, tsc's dist/*.js.map) with
 * Node's own `module.SourceMap`, and self time per area (gpt-sdk, axios, node internals, GC...).
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT } from "./util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  location: string;
  area: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  top: HotFunction[];
  /** The 300 functions with the most self time (for comparing two profiles). */
  functions: HotFunction[];
  areas: { area: string; selfMs: number; share: number }[];
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(file: string): SourceMap | null {
  if (maps.has(file)) return maps.get(file)!;
  let map: SourceMap | null = null;
  try {
    const candidates = [`${file}.map`];
    const text = readFileSync(file, "utf8");
    const m = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text);
    if (m && !m[1].startsWith("data:")) candidates.unshift(resolve(dirname(file), m[1]));
    const found = candidates.find((c) => existsSync(c));
    if (found) {
      const payload = JSON.parse(readFileSync(found, "utf8")) as { sources: string[]; sourceRoot?: string };
      payload.sources = payload.sources.map((s) =>
        isAbsolute(s) || s.includes("://") ? s : resolve(dirname(found), payload.sourceRoot ?? "", s),
      );
      map = new SourceMap(payload as unknown as ConstructorParameters<typeof SourceMap>[0]);
    }
  } catch {
    map = null;
  }
  maps.set(file, map);
  return map;
}

function fileOf(url: string): string | undefined {
  if (url.startsWith("file://")) return fileURLToPath(url);
  if (isAbsolute(url)) return url;
  return undefined;
}

function areaOf(frame: CallFrame, original: string | undefined): string {
  const name = frame.functionName;
  if (name === "(garbage collector)") return "GC";
  if (name === "(program)" || name === "(idle)" || name === "(root)") return name;
  const path = original ?? fileOf(frame.url) ?? frame.url;
  if (!path) return "native";
  if (path.startsWith("node:") || !path.includes(sep)) return "node internals";
  const nm = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (nm >= 0) {
    const rest = path.slice(nm + 14).split(sep);
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const rel = relative(ROOT, path);
  if (rel.startsWith("src") || rel.startsWith("dist")) return `gpt-sdk ${rel.split(sep).slice(0, 2).join("/")}`;
  if (rel.startsWith("codegen")) return `codegen/${rel.split(sep)[1] ?? ""}`.replace(/\.ts$/, "");
  if (rel.startsWith("bench")) return "bench harness";
  return rel;
}

function locate(frame: CallFrame): { location: string; original?: string } {
  const file = fileOf(frame.url);
  if (!file) return { location: frame.url || "(native)" };
  const map = sourceMapFor(file);
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string;
      originalLine?: number;
    };
    if (entry && entry.originalSource) {
      const original = entry.originalSource.startsWith("file://")
        ? fileURLToPath(entry.originalSource)
        : entry.originalSource;
      return { location: `${relative(ROOT, original)}:${(entry.originalLine ?? 0) + 1}`, original };
    }
  }
  return { location: `${relative(ROOT, file)}:${frame.lineNumber + 1}` };
}

export function summarizeProfile(
  file: string,
  topN = 10,
  exclude: (area: string) => boolean = () => false,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the next delta to sample i.
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const byFunction = new Map<string, HotFunction>();
  const byArea = new Map<string, number>();
  let totalMs = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { location, original } = locate(node.callFrame);
    const area = areaOf(node.callFrame, original);
    if (area === "(idle)") continue;
    totalMs += ms;
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
    if (exclude(area)) continue;
    const name = node.callFrame.functionName || "(anonymous)";
    const key = `${name}@${location}`;
    const hot = byFunction.get(key) ?? { name, location, area, selfMs: 0, share: 0 };
    hot.selfMs += ms;
    byFunction.set(key, hot);
  }
  const functions = [...byFunction.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, Math.max(300, topN))
    .map((h) => ({ ...h, share: h.selfMs / totalMs }));
  const areas = [...byArea.entries()]
    .map(([area, ms]) => ({ area, selfMs: ms, share: ms / totalMs }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs, top: functions.slice(0, topN), functions, areas };
}

export const functionKey = (h: HotFunction): string => `${h.name}@${h.location}`;
