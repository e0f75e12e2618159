/**
 * Quick A/B of the per-call cost while working on the runtime (not part of `npm run bench`):
 * gpt-sdk (dist/) against raw axios on the loopback server, interleaved rounds, median ratios.
 *   npm run build && node --import tsx bench/micro.ts [rounds]
 */
import { callOf, makeClient, OPERATIONS, sharedAgent, type ClientId } from "./lib/clients";
import { startServer } from "./lib/children";
import { median } from "./lib/util";

const rounds = Number(process.argv[2] ?? 12);
const ids: ClientId[] = ["gpt-sdk", "raw-axios", "openai-v4"];

/** Milliseconds for `n` calls, one after another. */
async function seq(call: () => Promise<unknown>, n: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < n; i++) await call();
  return performance.now() - t;
}

/** Milliseconds for `n` calls, 16 in flight. */
async function conc(call: () => Promise<unknown>, n: number): Promise<number> {
  let issued = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (issued++ < n) await call();
    }),
  );
  return performance.now() - t;
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const agent = sharedAgent();
    const clients = ids.map((id) => makeClient(id, server.baseURL, agent));
    for (const c of clients)
      for (const op of OPERATIONS) {
        await seq(callOf(c, op), 500);
        await conc(callOf(c, op), 500);
      }
    const ratios = new Map<string, number[]>();
    for (let r = 0; r < rounds; r++) {
      for (const op of OPERATIONS)
        for (const [mode, run] of [
          ["seq", seq],
          ["conc", conc],
        ] as const) {
          const times = new Map<ClientId, number>();
          for (const c of r % 2 ? [...clients].reverse() : clients)
            times.set(c.id, await run(callOf(c, op), mode === "seq" ? 300 : 600));
          for (const id of ids) {
            const key = `${op} ${mode} ${id}`;
            ratios.set(key, [...(ratios.get(key) ?? []), times.get(id)! / times.get("raw-axios")!]);
          }
        }
    }
    for (const [key, list] of ratios)
      if (!key.endsWith("raw-axios")) console.log(key.padEnd(36), median(list).toFixed(3));
  } finally {
    await server.stop();
  }
}
void main();
