/**
 * OpenAPI Overlays: `update` (objects merged recursively, arrays appended to), `remove`, actions
 * in order, errors located in the overlay file, gen.yaml's `overlays`, and this repository's
 * overlays applied to OpenAI's documents.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readConfig } from "../../codegen/config";
import { generate } from "../../codegen/generate";
import { parseText, readDocument, type SourceDocument } from "../../codegen/load/document";
import { SpecError } from "../../codegen/load/errors";
import { applyOverlay, applyOverlays } from "../../codegen/load/overlay";
import { readOverlay } from "../../codegen/load/overlay-shape";
import { runGenerate } from "../support/cli";
import { documentFile, type OpenAIDocument } from "../support/facts";
import { ROOT } from "../support/root";
import { linkNodeModules, tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

const DIR = tempDir("overlay");
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const DOC_FILE = join(DIR, "pets.yaml");
const DOC = `openapi: 3.0.3
info:
  title: Pets
  version: "1"
tags:
  - name: a
  - name: b
  - name: c
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
      responses:
        "200": { description: ok }
`;

/** The first action's `- target:` is on line 6 of an overlay written with this header. */
const HEADER = 'overlay: 1.0.0\ninfo:\n  title: Test fixes\n  version: "1"\n';

let written = 0;
function overlayFile(text: string, header = HEADER): string {
  const file = join(DIR, `overlay-${++written}.yaml`);
  writeFileSync(file, header + text);
  return file;
}

function docWith(...overlays: string[]): SourceDocument {
  return applyOverlays(
    parseText(DOC_FILE, DOC),
    overlays.map((text) => overlayFile(text)),
  );
}

/** The message of the SpecError `run` throws. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecError) return error.message;
    throw error;
  }
  throw new Error("expected a SpecError, nothing was thrown");
}

/** Parsed YAML, read freely in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk parsed documents by known paths
type Json = Record<string, any>;

describe("update", () => {
  test("merges into the selected object recursively: objects merge, arrays grow, the rest is replaced", () => {
    const doc = parseText(DOC_FILE, DOC);
    const file = overlayFile(`actions:
  - target: $.info
    update:
      version: { major: 2 }
      contact: { name: Team }
  - target: $.paths['/pets'].get
    update:
      summary: List pets.
      parameters:
        - { name: offset, in: query, schema: { type: integer } }
      responses:
        "200": { content: { application/json: { schema: { type: array } } } }
`);
    const root = applyOverlay(doc, readOverlay(file)).root as Json;
    expect(root.info).toEqual({ title: "Pets", version: { major: 2 }, contact: { name: "Team" } });
    expect(root.paths["/pets"].get).toEqual({
      operationId: "listPets",
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer" } },
        { name: "offset", in: "query", schema: { type: "integer" } },
      ],
      responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array" } } } } },
      summary: "List pets.",
    });
    // The document that was read is left as it was.
    expect((doc.root as Json).info).toEqual({ title: "Pets", version: "1" });
    expect((doc.root as Json).paths["/pets"].get.parameters).toHaveLength(1);
  });

  test("appends the update value to every selected array, each array getting its own copy", () => {
    const root = docWith(`actions:
  - target: $.tags
    update: { name: d }
  - target: $.tags
    update: [e, f]
  - target: $
    update: { x-one: [], x-two: [] }
  - target: $['x-one', 'x-two']
    update: { n: 1 }
`).root as Json;
    expect(root.tags).toEqual([{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }, ["e", "f"]]);
    expect(root["x-one"]).toEqual([{ n: 1 }]);
    expect(root["x-two"]).toEqual([{ n: 1 }]);
    expect(root["x-one"][0]).not.toBe(root["x-two"][0]);
  });
});

describe("remove", () => {
  test("takes every selected node out of its parent: array items and object keys", () => {
    const root = docWith(`actions:
  - target: $.tags[?@.name != 'b']
    remove: true
  - target: $.paths['/pets'].get.parameters
    remove: true
`).root as Json;
    expect(root.tags).toEqual([{ name: "b" }]);
    expect(root.paths["/pets"].get).toEqual({ operationId: "listPets", responses: { "200": { description: "ok" } } });
  });
});

test("actions and overlay files apply in order, each seeing what came before", () => {
  const first = `actions:
  - target: $.paths['/pets'].get
    update: { x-note: { keep: true, drop: true } }
  - target: $.paths['/pets'].get['x-note'].drop
    remove: true
`;
  const second = `actions:
  - target: $.paths['/pets'].get['x-note']
    update: { later: 1 }
`;
  expect((docWith(first, second).root as Json).paths["/pets"].get["x-note"]).toEqual({ keep: true, later: 1 });
});

test("an overlay may be JSON", () => {
  const file = join(DIR, "fix.json");
  const overlay = {
    overlay: "1.0.0",
    info: { title: "t", version: "1" },
    actions: [{ target: "$.tags[1]", remove: true }],
  };
  writeFileSync(file, JSON.stringify(overlay, null, 2));
  const root = applyOverlays(parseText(DOC_FILE, DOC), [file]).root as Json;
  expect(root.tags).toEqual([{ name: "a" }, { name: "c" }]);
});

test("after overlays, unchanged nodes keep their lines in the original document; new ones have none", () => {
  const doc = docWith(`actions:
  - target: $.tags[0]
    remove: true
  - target: $.tags
    update: { name: z }
  - target: $.info
    update: { contact: { name: Team } }
`);
  expect(doc.file).toBe(DOC_FILE);
  expect(doc.lineOf("#/info")).toBe(3); // a block mapping starts at its first key
  expect(doc.lineOf("#/info/title")).toBe(3);
  expect(doc.lineOf("#/tags/0")).toBe(7); // was tags/1 ("b")
  expect(doc.lineOf("#/tags/1/name")).toBe(8); // was tags/2 ("c")
  expect(doc.lineOf("#/tags/2")).toBeUndefined(); // appended by the overlay
  expect(doc.lineOf("#/info/contact/name")).toBeUndefined();
  expect(doc.lineOf("#/paths/~1pets/get/operationId")).toBe(12);
});

describe("errors name the overlay file, line, the action's pointer and the problem", () => {
  const fails = (text: string, header = HEADER) => {
    const file = overlayFile(text, header);
    return { file, message: errorOf(() => applyOverlays(parseText(DOC_FILE, DOC), [file])) };
  };

  test.each([
    {
      name: "not an object",
      header: "",
      text: "- a\n",
      error: ": #: the document must be an object (an Overlay document)",
    },
    {
      name: "no version",
      header: "info: { title: t, version: '1' }\n",
      text: "actions: []\n",
      error: ':1: #: missing "overlay" version field (Overlay 1.0.x documents are supported)',
    },
    {
      name: "another version",
      header: "overlay: 1.1.0\n",
      text: "",
      error: ':1: #/overlay: Overlay version "1.1.0" is not supported (1.0.x is, written as a string)',
    },
    {
      name: "info without version",
      header: "overlay: 1.0.0\ninfo:\n  title: t\n",
      text: "actions: []\n",
      error: ":3: #/info: info.version must be a non-empty string",
    },
    {
      name: "empty actions",
      header: HEADER,
      text: "actions: []\n",
      error: ":5: #/actions: actions must be a non-empty list of actions",
    },
    {
      name: "an unknown key",
      header: HEADER,
      text: "action: []\n",
      error: ':5: #/action: unknown key "action" (known: overlay, info, extends, actions, x-...)',
    },
  ])("malformed overlay: $name", ({ header, text, error }) => {
    const { file, message } = fails(text, header);
    expect(message).toBe(`${file}${error}`);
  });

  test.each([
    {
      name: "both update and remove",
      action: "  - target: $.info\n    update: {}\n    remove: true\n",
      error: ":6: #/actions/0: the action has both update and remove: true; use one action for each",
    },
    {
      name: "neither update nor remove",
      action: "  - target: $.info\n    remove: false\n",
      error: ":6: #/actions/0: the action needs either update or remove: true",
    },
    {
      name: "a misspelt key",
      action: "  - target: $.info\n    updat: {}\n",
      error: ':7: #/actions/0/updat: unknown key "updat" (known: target, description, update, remove, x-...)',
    },
    {
      name: "remove not a boolean",
      action: "  - target: $.info\n    remove: 'yes'\n",
      error: ":7: #/actions/0/remove: remove must be true or false",
    },
    {
      name: "no target",
      action: "  - remove: true\n",
      error: ":6: #/actions/0: the action has no target (a JSONPath query)",
    },
    {
      name: "target not a string",
      action: "  - target: 3\n    remove: true\n",
      error: ":6: #/actions/0/target: target must be a JSONPath query string",
    },
    {
      name: "bad JSONPath syntax",
      action: "  - target: $.paths[\n    remove: true\n",
      error:
        ":6: #/actions/0/target: target is not a valid JSONPath query: unclosed bracketed selection ('$.paths[':8)",
    },
    {
      name: "an ill-typed JSONPath filter",
      action: "  - target: $[?length(@)]\n    remove: true\n",
      // json-p3's own words, double space included.
      error:
        ":6: #/actions/0/target: target is not a valid JSONPath query: result of length()  must be compared ('$[?length':3)",
    },
  ])("malformed action: $name", ({ action, error }) => {
    const { file, message } = fails(`actions:\n${action}`);
    expect(message).toBe(`${file}${error}`);
  });

  test("an update that is not an object, for an object", () => {
    const { file, message } = fails("actions:\n  - target: $.info\n    update: text\n");
    const problem = "update must be an object to merge into the object at #/info, not a string";
    expect(message).toBe(`${file}:7: #/actions/0/update: ${problem}`);
  });

  test("an update for a node that is neither object nor array", () => {
    const { file, message } = fails("actions:\n  - target: $.info.title\n    update: { a: 1 }\n");
    const problem = "the target selects a string at #/info/title; only objects and arrays take updates";
    expect(message).toBe(`${file}:7: #/actions/0/update: ${problem}`);
  });

  test("a descendant query (`..`) reaches the deepest readable node, and stops with an error past its limit", () => {
    const nested = (levels: number, leaf: string) => `${"{ a: ".repeat(levels)}${leaf}${" }".repeat(levels)}`;
    const file = overlayFile("actions:\n  - target: $..leaf\n    update: { found: true }\n");
    const readable = applyOverlays(parseText(DOC_FILE, `${DOC}x-deep: ${nested(95, "{ leaf: {} }")}\n`), [file]);
    expect(JSON.stringify(readable.root["x-deep"])).toContain('{"leaf":{"found":true}}');
    // Deeper than any document read from a file: only a document built in code gets there.
    let root: Record<string, unknown> = { leaf: {} };
    for (let i = 0; i < 200; i++) root = { a: root };
    const built: SourceDocument = { file: DOC_FILE, root, lineOf: () => undefined };
    const problem = "target cannot be evaluated: `..` meets nodes nested over 128 levels deep";
    expect(errorOf(() => applyOverlays(built, [file]))).toBe(`${file}:6: #/actions/0/target: ${problem}`);
  });

  test("removing the whole document", () => {
    const { file, message } = fails("actions:\n  - target: $\n    remove: true\n");
    expect(message).toBe(`${file}:6: #/actions/0/target: remove cannot take away the whole document ($)`);
  });

  test("a target that matches nothing names the action by its description, or by its index", () => {
    const described = fails(`actions:
  - target: $.paths['/dogs']
    description: |
      Fix the
      dogs.
    remove: true
`);
    const problem = `action 0 ("Fix the dogs.") matches nothing in ${DOC_FILE}: $.paths['/dogs']`;
    expect(described.message).toBe(`${described.file}:6: #/actions/0/target: ${problem}`);
    const plain = fails("actions:\n  - target: $.info\n    update: {}\n  - target: $.paths.*.post\n    remove: true\n");
    const unnamed = `action 1 matches nothing in ${DOC_FILE}: $.paths.*.post`;
    expect(plain.message).toBe(`${plain.file}:8: #/actions/1/target: ${unnamed}`);
  });
});

describe("gen.yaml `overlays`", () => {
  /** A folder with the document, gen.yaml in conf/ and overlays in fixes/ (paths relative to conf/). */
  function project(overlayText: string, doc = DOC): { dir: string; spec: string; genYaml: string } {
    const dir = join(DIR, `project-${++written}`);
    mkdirSync(join(dir, "conf"), { recursive: true });
    mkdirSync(join(dir, "fixes"), { recursive: true });
    writeFileSync(join(dir, "pets.yaml"), doc);
    writeFileSync(join(dir, "fixes", "fix.yaml"), HEADER + overlayText);
    writeFileSync(join(dir, "conf", "gen.yaml"), "sdkClassName: Pets\noverlays:\n  - ../fixes/fix.yaml\n");
    return { dir, spec: join(dir, "pets.yaml"), genYaml: join(dir, "conf", "gen.yaml") };
  }

  test("overlays apply before validating and modelling, found relative to gen.yaml's folder", () => {
    // The document alone is invalid (a dangling $ref); the overlay repairs it and adds a parameter.
    const broken = DOC.replace('"200": { description: ok }', '"200": { $ref: "#/components/responses/Missing" }');
    const { dir, spec, genYaml } = project(
      `actions:
  - target: $.paths['/pets'].get.responses['200']
    remove: true
  - target: $.paths['/pets'].get.responses
    update: { "200": { description: ok } }
  - target: $.paths['/pets'].get.parameters
    update: { name: offset, in: query, schema: { type: integer } }
`,
      broken,
    );
    const alone = errorOf(() => generate({ specFile: spec, mode: "package" }));
    expect(alone).toContain('$ref target "#/components/responses/Missing" does not exist');
    expect(readConfig(genYaml).overlays).toEqual([join(dir, "fixes", "fix.yaml")]);
    const { files } = generate({ specFile: spec, configFile: genYaml, mode: "package" });
    const code = files.find((f) => f.path === "src/sdk/default.ts");
    expect(code?.content).toContain("listPets(limit?: number, offset?: number, options?: RequestOptions)");
  });

  test("a missing overlay file names gen.yaml, the line and the path", () => {
    const { dir, spec, genYaml } = project("actions: []\n");
    writeFileSync(genYaml, "sdkClassName: Pets\noverlays:\n  - ../fixes/fix.yaml\n  - ../fixes/nope.yaml\n");
    const run = runGenerate(["--spec", spec, "--out", join(dir, "out"), "--config", genYaml]);
    expect(run.status).toBe(1);
    const looked = join(dir, "fixes", "nope.yaml");
    const problem = `overlay file "../fixes/nope.yaml" not found (looked for ${looked})`;
    expect(run.stderr).toBe(`generate: error: ${genYaml}:4: #/overlays/1: ${problem}\n`);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test("overlays must be a list of paths", () => {
    const genYaml = join(DIR, `gen-${++written}.yaml`);
    writeFileSync(genYaml, "overlays: fix.yaml\n");
    expect(errorOf(() => readConfig(genYaml))).toBe(`${genYaml}: #/overlays: overlays must be a list of file paths`);
  });

  test("an overlay that no longer applies stops generation with one located line", () => {
    const { dir, spec, genYaml } = project(`actions:
  - target: $.paths['/dogs']
    description: Dogs fix
    remove: true
`);
    const run = runGenerate(["--spec", spec, "--out", join(dir, "out"), "--config", genYaml]);
    expect(run.status).toBe(1);
    const overlay = join(dir, "fixes", "fix.yaml");
    const problem = `action 0 ("Dogs fix") matches nothing in ${spec}: $.paths['/dogs']`;
    expect(run.stderr).toBe(`generate: error: ${overlay}:6: #/actions/0/target: ${problem}\n`);
  });

  test("--diff applies the same overlays to both documents", () => {
    // The newer document changes `limit` to a string; the overlay sets it back to an integer and adds `offset`
    // in both. Applied to neither, the type change shows; applied to one only, `offset` comes or goes.
    const { dir, spec, genYaml } = project(`actions:
  - target: $.paths['/pets'].get.parameters[?@.name == 'limit'].schema
    update: { type: integer }
  - target: $.paths['/pets'].get.parameters
    update: { name: offset, in: query, schema: { type: integer } }
`);
    const newer = join(dir, "pets-newer.yaml");
    writeFileSync(newer, DOC.replace("schema: { type: integer }", "schema: { type: string }"));
    const plain = runGenerate(["--spec", newer, "--diff", spec]);
    expect(plain.stdout).toContain("changed type (different): `number` → `string`");
    const run = runGenerate(["--spec", newer, "--diff", spec, "--config", genYaml]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("0 breaking, 0 non-breaking.");
  });
});

describe("this repository's overlays on OpenAI's documents", () => {
  const DOWNLOAD = join(ROOT, "overlays", "download-file-bytes.yaml");
  const STREAM = join(ROOT, "overlays", "assistants-v2-stream.yaml");

  function openAIDocument(name: OpenAIDocument): SourceDocument {
    return readDocument(documentFile(name));
  }

  function operation(root: Json, operationId: string): Json {
    for (const item of Object.values(root.paths as Json)) {
      for (const op of Object.values(item as Json)) if ((op as Json)?.operationId === operationId) return op as Json;
    }
    throw new Error(`no operation ${operationId}`);
  }

  test.each(["openai-2023-11-28.yaml", "openai-2024-05-13.yaml", "openai-2026-08-21.yaml"] as const)(
    "download-file-bytes.yaml turns %s's JSON string download into bytes",
    (name) => {
      const doc = openAIDocument(name);
      const declared = operation(doc.root, "downloadFile").responses["200"].content;
      expect(declared).toEqual({ "application/json": { schema: { type: "string" } } });
      const fixed = applyOverlays(doc, [DOWNLOAD]).root;
      expect(operation(fixed, "downloadFile").responses["200"].content).toEqual({
        "application/octet-stream": { schema: { type: "string", format: "binary" } },
      });
    },
  );

  describe.each(["openai-2024-05-13.yaml", "openai-2026-08-21.yaml"] as const)(
    "assistants-v2-stream.yaml on %s",
    (name) => {
      const RUN_STARTERS = ["createRun", "createThreadAndRun", "submitToolOuputsToRun"];

      test("the run-starting operations also answer with AssistantStreamEvent streams", () => {
        const fixed = applyOverlays(openAIDocument(name), [DOWNLOAD, STREAM]).root as Json;
        expect(fixed.components.schemas.AssistantStreamEvent.oneOf).toHaveLength(6);
        for (const id of RUN_STARTERS) {
          expect(operation(fixed, id).responses["200"].content).toEqual({
            "application/json": { schema: { $ref: "#/components/schemas/RunObject" } },
            "text/event-stream": { schema: { $ref: "#/components/schemas/AssistantStreamEvent" } },
          });
        }
      });

      test("generates a package that typechecks, with a typed event stream on each run-starting result", () => {
        const genYaml = join(DIR, `gen-${++written}.yaml`);
        writeFileSync(genYaml, `overlays:\n  - ${DOWNLOAD}\n  - ${STREAM}\n`);
        const out = join(DIR, `sdk-${++written}`);
        const run = runGenerate(["--spec", documentFile(name), "--out", out, "--config", genYaml]);
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        for (const id of RUN_STARTERS) {
          const result = readFileSync(join(out, "src/sdk/models/operations", `${id.toLowerCase()}response.ts`), "utf8");
          expect(result).toContain("  assistantStreamEvent?: EventStream<shared.AssistantStreamEvent>;\n");
          expect(result).toContain("  runObject?: shared.RunObject;\n");
        }
        linkNodeModules(out);
        expect(formatDiagnostics(typecheck({ project: out }))).toBe("");
      }, 300_000);
    },
  );
});
