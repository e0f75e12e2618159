/**
 * What the emulator suites share: an emulator started on 127.0.0.1 port 0 for the current test
 * file and closed after it, an SDK client pointed at it, and raw requests for what the SDK
 * never sends (no key, no beta header, unknown routes).
 */
import { Gpt } from "../../src";
import { manualClock, startEmulator, type Emulator, type EmulatorOptions, type ManualClock } from "../../src/emulator";

export interface TestEmulator {
  emu: Emulator;
  clock: ManualClock;
  sdk: Gpt;
}

/** Starts an emulator on a manual clock before the file's tests; closes it after them. */
export function useEmulator(options: EmulatorOptions = {}): TestEmulator {
  const handle = {} as TestEmulator;
  beforeAll(async () => {
    handle.clock = manualClock();
    handle.emu = await startEmulator({ host: "127.0.0.1", port: 0, clock: handle.clock, ...options });
    handle.sdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: handle.emu.url, retries: false });
  });
  afterAll(() => handle.emu?.close());
  return handle;
}

/** A JSON answer as parsed: tests read it by the paths they know and assert whole values. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw wire JSON, read by known paths
export type WireJson = any;

export interface RawAnswer {
  status: number;
  headers: Headers;
  json: WireJson;
}

/** One request with fetch: no SDK, so every header is the caller's choice. */
export async function raw(
  emu: Emulator,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; key?: string | null; beta?: boolean } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? "sk-test"}`;
  if (options.beta !== false) headers["openai-beta"] = "assistants=v1";
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const url = emu.url.replace(/\/v1$/, "") + path;
  const res = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

/** The API's error body. */
export function apiError(message: string, param: string | null = null, code: string | null = null) {
  return { error: { message, type: "invalid_request_error", param, code } };
}

/** The manual clock's start (2024-01-02T03:04:05Z) in seconds. */
export const START_SECONDS = 1704164645;
