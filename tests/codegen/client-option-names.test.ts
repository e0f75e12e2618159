/**
 * Credential option names never shadow the options every client takes: a security scheme
 * named like one of them (`logLevel`, `retries`, ...) gets a name of its own, and the client
 * still compiles and sends the credential.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLIENT_OPTION_KEYS } from "../../src/internal/contract";
import { modelDocument } from "../../codegen/generate";
import { runGenerate } from "../support/cli";
import { linkNodeModules, tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

const schemes = Object.fromEntries(
  CLIENT_OPTION_KEYS.map((name) => [name, { type: "apiKey", in: "header", name: `x-${name}` }]),
);
const spec = {
  openapi: "3.0.3",
  info: { title: "Options", version: "1" },
  servers: [{ url: "https://example.test" }],
  security: CLIENT_OPTION_KEYS.map((name) => ({ [name]: [] })),
  components: { securitySchemes: schemes },
  paths: { "/ping": { get: { operationId: "ping", responses: { "204": { description: "ok" } } } } },
};

test("a scheme named like a client option gets its own option name, and the package compiles", () => {
  const dir = tempDir("client-options");
  const specFile = join(dir, "spec.json");
  writeFileSync(specFile, JSON.stringify(spec));
  const { model } = modelDocument(specFile, undefined);
  expect(model.security.map((s) => s.optionName).sort()).toEqual([
    "defaultClientAuth",
    "logLevelAuth",
    "loggerAuth",
    "retriesAuth",
    "serverURLAuth",
    "timeoutMsAuth",
  ]);

  const out = join(dir, "pkg");
  const run = runGenerate(["--spec", specFile, "--out", out]);
  expect(run.stderr).toBe("");
  linkNodeModules(out);
  expect(formatDiagnostics(typecheck({ project: out }))).toBe("");
}, 120_000);
