/**
 * A document or config the generator cannot handle: one clear line naming the file, the JSON
 * pointer and the line, a non-zero exit, no stack trace, and the output folder untouched.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runGenerate, snapshotTree } from "../support/cli";
import { tempDir } from "../support/temp";

const GOOD = `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets/{pet_id}:
    get:
      operationId: getPet
      parameters:
        - { name: pet_id, in: path, required: true, schema: { type: string } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Pet" }
components:
  schemas:
    Pet:
      type: object
      properties:
        pet_id: { type: string }
`;

/** An output folder that already holds a previous generation plus a hand-written file. */
function existingOutput(): string {
  const out = tempDir("out");
  mkdirSync(join(out, "src"), { recursive: true });
  writeFileSync(join(out, "src", "mine.ts"), "// hand-written\n");
  writeFileSync(join(out, "files.gen"), "src/old.ts\n");
  writeFileSync(join(out, "src", "old.ts"), "// generated earlier\n");
  return out;
}

function failWith(specText: string, expected: RegExp, configText?: string) {
  const dir = tempDir("spec");
  const spec = join(dir, "openapi.yaml");
  writeFileSync(spec, specText);
  const args = ["--spec", spec, "--out", existingOutput()];
  if (configText !== undefined) {
    writeFileSync(join(dir, "gen.yaml"), configText);
    args.push("--config", join(dir, "gen.yaml"));
  }
  const out = args[3];
  const before = snapshotTree(out);
  const run = runGenerate(args);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(expected);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(snapshotTree(out)).toEqual(before);
  return { run, spec };
}

test("a missing $ref target names the file, pointer and line", () => {
  const { run, spec } = failWith(
    GOOD.replace('"#/components/schemas/Pet"', '"#/components/schemas/Dog"'),
    /\$ref target "#\/components\/schemas\/Dog" does not exist/,
  );
  expect(run.stderr).toContain(
    `${spec}:14: #/paths/~1pets~1{pet_id}/get/responses/200/content/application~1json/schema/$ref:`,
  );
});

test("bad YAML names the line", () => {
  const { run, spec } = failWith(GOOD.replace("operationId: getPet", "operationId: [getPet"), /not valid YAML or JSON/);
  expect(run.stderr).toMatch(new RegExp(`^generate: error: ${spec.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: `));
});

test("a duplicate operationId names both places", () => {
  const doubled = GOOD.replace(
    "paths:\n",
    'paths:\n  /dogs:\n    get:\n      operationId: getPet\n      responses: { "200": { description: ok } }\n',
  );
  failWith(
    doubled,
    /#\/paths\/~1pets~1\{pet_id\}\/get\/operationId: duplicate operationId "getPet" \(first used at #\/paths\/~1dogs\/get\)/,
  );
});

test("Swagger 2.0 is refused with a hint", () => {
  failWith(
    'swagger: "2.0"\ninfo: { title: x, version: "1" }\npaths: {}\n',
    /missing "openapi" version field \(this is Swagger 2\.0; convert it to OpenAPI 3 first\)/,
  );
});

test("an unknown gen.yaml key is named", () => {
  failWith(
    GOOD,
    /gen\.yaml: #\/maxMethodParam: unknown key "maxMethodParam"/,
    "sdkClassName: Pets\nmaxMethodParam: 3\n",
  );
});

test("a wrongly typed gen.yaml value is named", () => {
  failWith(GOOD, /#\/maxMethodParams: maxMethodParams must be a whole number >= 0/, "maxMethodParams: many\n");
});

test("a securityEnv entry for a scheme no operation uses is named, with the schemes in use", () => {
  const secured = GOOD.replace(
    "components:\n",
    "security: [{ Key: [] }]\ncomponents:\n  securitySchemes:\n    Key: { type: http, scheme: bearer }\n",
  );
  const config = "securityEnv:\n  ApiKey: PETS_KEY\n";
  const { run } = failWith(
    secured,
    /securityEnv names security scheme "ApiKey", which no operation uses \(schemes in use: "Key"\)/,
    config,
  );
  expect(run.stderr).toMatch(/gen\.yaml:2: #\/securityEnv\/ApiKey: /);
});

test("a securityEnv value that is no variable name is refused", () => {
  failWith(
    GOOD,
    /#\/securityEnv: securityEnv must map security scheme names to environment variable names/,
    "securityEnv:\n  Key: $PETS\n",
  );
});

test("CLI misuse prints usage and exits 2", () => {
  const run = runGenerate(["--spec", "x.yaml"]);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/--spec needs --out <dir>/);
  expect(runGenerate(["--bogus"]).stderr).toMatch(/unknown argument "--bogus"/);
});

test("regenerating removes stale generated files and keeps hand-written ones", () => {
  const dir = tempDir("spec");
  const spec = join(dir, "openapi.yaml");
  const out = existingOutput();
  writeFileSync(spec, GOOD);
  const run = runGenerate(["--spec", spec, "--out", out]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const tree = snapshotTree(out);
  expect(tree.has("src/old.ts")).toBe(false);
  expect(tree.get("src/mine.ts")).toBe("// hand-written\n");
  expect(tree.get("files.gen")).not.toContain("mine.ts");
  expect(readFileSync(join(out, "src/sdk/default.ts"), "utf8")).toContain(
    "getPet(petId: string, options?: RequestOptions)",
  );
  expect(run.stdout).toMatch(/1 removed/);
});
