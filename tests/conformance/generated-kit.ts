/**
 * The kit the generated-SDK conformance suites share: an SDK generated from one of OpenAI's
 * documents (the CLI with `--spec --out --config`, once per suite), Prism serving that same
 * document (started once per suite), and `accepted`, which sends one call and requires Prism to
 * accept the request (no 4xx, no request warning) and the SDK to parse its answer.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AxiosResponse } from "axios";
import { runGenerate } from "../support/cli";
import { formatViolations, slViolations, startPrism, violationsOf, type PrismServer } from "../support/prism";
import { linkNodeModules, tempDir } from "../support/temp";
import type { Untyped } from "../support/generated-sdk";

export interface GeneratedPackage {
  readonly dir: string;
  /** What the package's `src/index.ts` exports. */
  readonly exports: Record<string, Untyped>;
}

/** Generates a package from `spec` with this gen.yaml text, as a user runs the CLI, and imports it. */
export async function generatePackage(spec: string, genYaml: string, prefix: string): Promise<GeneratedPackage> {
  const root = tempDir(prefix);
  const config = join(root, "gen.yaml");
  writeFileSync(config, genYaml);
  const dir = join(root, "pkg");
  const run = runGenerate(["--spec", spec, "--out", dir, "--config", config]);
  if (run.status !== 0) throw new Error(`generation failed:\n${run.stderr}`);
  linkNodeModules(dir);
  return { dir, exports: (await import(join(dir, "src", "index.ts"))) as Record<string, Untyped> };
}

type Result = { statusCode: number; contentType: string; rawResponse: AxiosResponse } & Record<string, unknown>;
type HttpError = Error & { statusCode: number; body: string; rawResponse?: AxiosResponse };

const BASE_FIELDS = new Set(["statusCode", "contentType", "rawResponse"]);

function isHttpError(error: unknown): error is HttpError {
  return (
    error instanceof Error &&
    typeof (error as HttpError).statusCode === "number" &&
    typeof (error as HttpError).body === "string"
  );
}

/** What the SDK put on the wire, for failure messages (no headers, so no credentials). */
export function sent(response: AxiosResponse | undefined): string {
  const config = response?.config;
  if (!config) return "(unknown request)";
  const data = config.data;
  const body = typeof data === "string" ? data : Buffer.isBuffer(data) ? data.toString("utf8").slice(0, 2000) : "";
  return `${String(config.method).toUpperCase()} ${config.url} ${body}`.trim();
}

/** The JSON body a call sent. */
export function sentJson(result: { rawResponse: AxiosResponse }): unknown {
  return JSON.parse(String(result.rawResponse.config.data));
}

/** A header a call sent (axios keeps them in an AxiosHeaders, looked up case-insensitively). */
export function sentHeader(result: { rawResponse: AxiosResponse }, name: string): unknown {
  return (result.rawResponse.config.headers as unknown as { get(name: string): unknown }).get(name);
}

/** The URL a call sent, from its path on (`/vector_stores?limit=2`). */
export function sentTarget(result: { rawResponse: AxiosResponse }, prism: PrismServer): string {
  return String(result.rawResponse.config.url).slice(prism.url.length);
}

export class PrismSuite {
  /** Operation ids of every call Prism accepted and the SDK parsed. */
  readonly accepted: string[] = [];
  prism: PrismServer | undefined;

  async start(spec: string): Promise<PrismServer> {
    this.prism = await startPrism(spec, { readyTimeoutMs: 90_000 });
    return this.prism;
  }

  async stop(): Promise<void> {
    await this.prism?.stop();
  }

  /**
   * Sends one call: Prism must answer 2xx with no warning about the request, and the answer's body
   * field must be parsed (a model instance for an object, bytes for a download). Violations of
   * Prism's own example answers against the document are about OpenAI's examples, not the SDK's
   * request, and are not checked here.
   */
  // The generated package is loaded at run time, so its results are untyped here.
  async call(operationId: string, call: () => Promise<Untyped>): Promise<Untyped> {
    let result: Result;
    try {
      result = await call();
    } catch (error) {
      if (!isHttpError(error)) throw error;
      const violations = violationsOf(error.body);
      throw new Error(
        `${operationId}: Prism rejected the request with ${error.statusCode}:\n` +
          `${violations.length > 0 ? formatViolations(violations) : error.body}\nsent: ${sent(error.rawResponse)}`,
        { cause: error },
      );
    }
    expect({ operationId, status: Math.floor(result.statusCode / 100) }).toEqual({ operationId, status: 2 });
    const aboutRequest = slViolations(result.rawResponse.headers as Record<string, unknown>).filter(
      (v) => v.location[0] !== "response",
    );
    if (aboutRequest.length > 0) {
      throw new Error(
        `${operationId}: Prism served the request but reported:\n${formatViolations(aboutRequest)}\n` +
          `sent: ${sent(result.rawResponse)}`,
      );
    }
    expectParsed(operationId, result);
    this.accepted.push(operationId);
    return result;
  }
}

/** The answer's body field holds the parsed answer: a model (not the wire JSON) or bytes. */
function expectParsed(operationId: string, result: Result): void {
  const fields = Object.keys(result).filter((k) => !BASE_FIELDS.has(k));
  const body = fields.length === 1 ? result[fields[0]] : undefined;
  const wire = result.rawResponse.data as Buffer;
  if (wire.length === 0) return expect({ operationId, fields }).toEqual({ operationId, fields: [] });
  if (body instanceof Uint8Array) return expect(Buffer.from(body).equals(wire)).toBe(true);
  const parsed = JSON.parse(wire.toString("utf8")) as unknown;
  expect({ operationId, fields: fields.length }).toEqual({ operationId, fields: 1 });
  if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
    expect({ operationId, model: (body as object).constructor.name === "Object" ? "plain JSON" : "model" }).toEqual({
      operationId,
      model: "model",
    });
    // Every snake_case key of the answer reads under its camelCase name.
    for (const key of Object.keys(parsed)) if (/_[a-z]/.test(key)) expect(body).not.toHaveProperty(key);
  } else {
    expect(body).toEqual(parsed);
  }
}
