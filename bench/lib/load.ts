/**
 * Load on one URL from autocannon (a bench peer: the load generator Node servers are usually measured with,
 * lighter per request than node:http's client, so more of each figure is the server's), and the CPU time the
 * server's processes spend meanwhile, read from /proc (Linux).
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadPeer } from "./util";

export interface LoadResult {
  /** Answers with a 2xx per second of wall time. */
  rps: number;
  /** CPU time (user + system, every thread) the server's process group spent per answer; undefined off Linux or in process. */
  cpuMicrosPerRequest?: number;
}

/** The part of autocannon's result this bench reads. */
interface AutocannonResult {
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Seconds. */
  duration: number;
}

type Autocannon = (options: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

/**
 * `connections` keep-alive connections, each with one request at a time, for `seconds`. `serverGroup` is the
 * process group of a server in its own processes, whose CPU time is then reported per answer.
 */
export async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  serverGroup?: number,
): Promise<LoadResult> {
  const autocannon = loadPeer("autocannon") as Autocannon;
  const cpuBefore = serverGroup === undefined ? undefined : groupCpuMs(serverGroup);
  const result = await autocannon({ url, headers, connections, duration: seconds });
  const cpuAfter = serverGroup === undefined ? undefined : groupCpuMs(serverGroup);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  const answered = result["2xx"];
  return {
    rps: answered / result.duration,
    cpuMicrosPerRequest:
      cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / answered,
  };
}

/** Linux counts process CPU time in ticks of 1/100 s (USER_HZ, fixed at 100 for user space). */
const MS_PER_TICK = 10;

/** User + system CPU milliseconds of every live process in a process group (/proc/<pid>/stat), or undefined off Linux. */
export function groupCpuMs(group: number): number | undefined {
  if (process.platform !== "linux") return undefined;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // the process ended while we listed /proc
    }
    // After "pid (comm) ": state, ppid, pgrp, ... utime is field 14 and stime field 15 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * MS_PER_TICK;
}
