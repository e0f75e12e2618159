/**
 * gpt-sdk/emulator: a stateful, in-memory OpenAI Assistants v1 + Files API on node:http, for
 * tests and demos without a key. Not part of the main entry: `require("gpt-sdk")` never loads it.
 *
 *   const emu = await startEmulator({ clock: manualClock() });
 *   const sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: emu.url });
 */
import type { V1Lifecycle } from "./access";
import { type EmulatorClock, realClock } from "./clock";
import { Faults, type FaultRule } from "./faults";
import { idSource } from "./ids";
import { defaultModel, type EmulatorModel } from "./model";
import { requestHandler } from "./pipeline";
import type { EmulatorState } from "./router";
import { RunEngine } from "./runs";
import { listen } from "./server";
import { Sleeper } from "./sleeper";
import { Store } from "./store";

export { manualClock, realClock, type EmulatorClock, type ManualClock } from "./clock";
export { defaultModel, type EmulatorModel, type ModelContext, type ModelTurn } from "./model";
export type { FaultKind, FaultRule } from "./faults";
export type { V1Lifecycle } from "./access";
export type * from "./types";

export interface EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** What runs do; default: `defaultModel`. */
  model?: EmulatorModel;
  /** Default: the real clock. Pass `manualClock()` to step runs and file processing by hand. */
  clock?: EmulatorClock;
  /** Time each run transition and each upload's processing takes on the clock (default 500 ms). */
  stepMs?: number;
  faults?: readonly FaultRule[];
  /** Real-time delay added to every answer (ms). */
  latencyMs?: number;
  /** Makes ids repeat from one start to the next. */
  seed?: string | number;
  /** One line per request: `POST /v1/threads 200 0.4ms`. */
  log?: (line: string) => void;
  /** The only API key accepted (any other gets OpenAI's 401 "Incorrect API key provided"); default: any key. */
  apiKey?: string;
  /** "deprecated": Assistants calls answer as after v1's deprecation (400); "shutdown": as after its removal (404). */
  v1?: V1Lifecycle;
}

export interface Emulator {
  /** `http://host:port/v1`: pass it as the SDK's `serverURL` (or the openai client's `baseURL`). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly clock: EmulatorClock;
  /** Add or clear fault rules while running. */
  readonly faults: Pick<Faults, "add" | "clear">;
  /** Closes every connection and stops listening; safe to call twice. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? realClock;
  const ids = idSource(options.seed);
  const store = new Store();
  const stepMs = options.stepMs ?? 500;
  const engine = new RunEngine({ store, clock, ids, model: options.model ?? defaultModel, stepMs });
  const state: EmulatorState = { store, engine, clock, ids, stepMs };
  const faults = new Faults(options.faults, options.latencyMs ?? 0);
  const sleeper = new Sleeper();
  const lifecycle = options.v1 ?? "live";
  const handler = requestHandler({ state, faults, sleeper, lifecycle, apiKey: options.apiKey, log: options.log });
  const host = options.host ?? "127.0.0.1";
  const server = await listen(handler, options.port ?? 0, host, () => sleeper.close());
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${server.port}/v1`,
    port: server.port,
    host,
    clock,
    faults,
    close: server.close,
  };
}
