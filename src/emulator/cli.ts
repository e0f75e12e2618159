/**
 * `gpt-sdk-emulator --port N [--host 127.0.0.1] [--latency MS] [--seed S] [--api-key KEY]`: the emulator as a
 * process. Prints one line once it accepts connections, then one line per request; exits
 * within a few seconds of SIGINT/SIGTERM, open keep-alive connections and runs included.
 */
import { startEmulator, type Emulator } from "./index";

export interface CliOptions {
  port: number;
  host: string;
  latencyMs: number;
  seed?: string;
  apiKey?: string;
}

const USAGE = "usage: gpt-sdk-emulator --port N [--host 127.0.0.1] [--latency MS] [--seed S] [--api-key KEY]";
/** After a stop signal, exit by this time even if closing hangs. */
const EXIT_DEADLINE_MS = 3_000;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 0, host: "127.0.0.1", latencyMs: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--help" || flag === "-h") throw new UsageError(USAGE);
    if (!["--port", "--host", "--latency", "--seed", "--api-key"].includes(flag))
      throw new UsageError(`unknown option '${flag}'\n${USAGE}`);
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === "--port") options.port = wholeNumber(flag, value, 65_535);
    else if (flag === "--latency") options.latencyMs = wholeNumber(flag, value, 600_000);
    else if (flag === "--host") options.host = value;
    else if (flag === "--api-key") options.apiKey = value;
    else options.seed = value;
  }
  return options;
}

function wholeNumber(flag: string, value: string, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(number <= max)) throw new UsageError(`${flag} needs a whole number from 0 to ${max} (got '${value}')`);
  return number;
}

/** Runs until a stop signal; returns the process's exit code. */
export async function main(argv: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`gpt-sdk-emulator: ${error.message}`);
    return 2;
  }
  // Listen for the stop signals before saying we listen: a caller may signal as soon as it reads the line.
  const stopped = stopSignal();
  let emulator: Emulator;
  try {
    emulator = await startEmulator({ ...options, log: out });
  } catch (error) {
    console.error(`gpt-sdk-emulator: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
    return 1;
  }
  out(`gpt-sdk emulator listening on ${emulator.url}`);
  await stopped;
  const forced = setTimeout(() => process.exit(1), EXIT_DEADLINE_MS);
  forced.unref();
  await emulator.close();
  clearTimeout(forced);
  return 0;
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
