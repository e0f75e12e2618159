/**
 * The generated docs are well-formed markdown: balanced code fences, tables whose rows all
 * have the header's number of cells, and relative links (pages and #anchors) that resolve.
 * Checked on this repository's docs, on OpenAI's full documents, and on a hostile model.
 */
import { callShapeOf } from "../../codegen/model/call-shape";
import { existsSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { loadConfig } from "../../codegen/config";
import { emitSdk } from "../../codegen/emit";
import { emitDocs } from "../../codegen/emit/docs";
import { emitPackage } from "../../codegen/emit/sdk/package";
import { generate } from "../../codegen/generate";
import type { ApiModel, Decl, EnumDecl, ObjectDecl, Operation, Tag, TypeRef } from "../../codegen/model/ir";
import { documentFile } from "../support/facts";
import { ROOT } from "../support/root";
import { tempPackage } from "../support/temp";
import { extractCodeBlocks, formatDiagnostics, markdownFiles, typecheck } from "../support/typecheck";

/** GitHub's heading anchors (github-slugger), written independently of the emitter's. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const text of outsideFences(markdown).flatMap((l) => /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(l)?.slice(1) ?? [])) {
    const base = text
      .toLowerCase()
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[^\p{L}\p{M}\p{N}_ -]/gu, "")
      .replace(/ /g, "-");
    let slug = base;
    while (anchors.has(slug)) {
      counts.set(base, (counts.get(base) ?? 0) + 1);
      slug = `${base}-${counts.get(base)}`;
    }
    anchors.add(slug);
  }
  return anchors;
}

/** Lines outside fenced code blocks; throws on a fence left open (when strict). */
function outsideFences(markdown: string, strict = false): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
    } else if (marker) fence = marker;
    else lines.push(line);
  }
  if (fence && strict) throw new Error("unclosed code fence");
  return lines;
}

/** Cells of a table row: split on pipes not escaped by a backslash. */
function cells(row: string): number {
  const inner = row
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)(\\\\)*\|$/, (m) => m.slice(0, -1));
  let count = 1;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "\\") i++;
    else if (inner[i] === "|") count++;
  }
  return count;
}

/**
 * Every problem in a set of pages (path → text), one line each. A link to a page outside the
 * set is looked up with `other` (a hand-written file on disk, say).
 */
function problems(
  pages: ReadonlyMap<string, string>,
  other: (path: string) => string | undefined = () => undefined,
): string[] {
  const found: string[] = [];
  for (const [path, text] of pages) {
    let lines: string[];
    try {
      lines = outsideFences(text, true);
    } catch (e) {
      found.push(`${path}: ${(e as Error).message}`);
      continue;
    }
    // Tables: a header row, a separator row, then rows with as many cells as the header.
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("|") || (i > 0 && lines[i - 1].startsWith("|"))) continue;
      const width = cells(lines[i]);
      if (!/^\|( *:?-{3,}:? *\|)+$/.test(lines[i + 1] ?? "") || cells(lines[i + 1]) !== width)
        found.push(`${path}: table without a separator row: ${lines[i]}`);
      for (let j = i + 1; j < lines.length && lines[j].startsWith("|"); j++) {
        if (cells(lines[j]) !== width)
          found.push(`${path}: row has ${cells(lines[j])} cells, header ${width}: ${lines[j]}`);
      }
    }
    // Links to other pages (.md) and anchors.
    for (const line of lines) {
      for (const [, target] of line.replace(/`[^`]*`/g, "").matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith("/")) continue;
        const [file, anchor] = target.split("#");
        if (file && !file.endsWith(".md")) continue;
        const to = file ? posix.join(posix.dirname(path), file) : path;
        const page = pages.get(to) ?? other(to);
        if (page === undefined) found.push(`${path}: link to missing page ${target}`);
        else if (anchor !== undefined && !anchorsOf(page).has(anchor))
          found.push(`${path}: link to missing anchor ${target}`);
      }
    }
  }
  return found;
}

function docsOf(files: readonly { path: string; content: string }[]): Map<string, string> {
  return new Map(files.filter((f) => f.path.endsWith(".md")).map((f) => [f.path, f.content]));
}

describe("this repository's docs", () => {
  const { model, files } = generate({
    specFile: join(ROOT, "openapi.yaml"),
    configFile: join(ROOT, "gen.yaml"),
    mode: "repo",
  });

  it("are on disk as generated, one page per tag and per model", () => {
    const generated = docsOf(files);
    const onDisk = markdownFiles(join(ROOT, "docs")).map((f) => relative(ROOT, f).split("\\").join("/"));
    expect(onDisk.filter((p) => generated.has(p)).sort()).toEqual([...generated.keys()].sort());
    for (const [path, content] of generated) expect(readFileSync(join(ROOT, path), "utf8")).toBe(content);

    const expected = [
      ...model.tags.map((t) => `docs/sdks/${t.className.toLowerCase()}/README.md`),
      ...model.decls.map((d) => `docs/models/${d.namespace}/${d.name.toLowerCase()}.md`),
      ...model.tags
        .flatMap((t) => t.operations)
        .flatMap((op) =>
          [op.requestClass, op.responseClass]
            .filter((c): c is string => !!c)
            .map((c) => `docs/models/operations/${c.toLowerCase()}.md`),
        ),
    ];
    expect([...generated.keys()].sort()).toEqual([...new Set(expected)].sort());
    expect(generated.has("docs/sdks/assistants/README.md")).toBe(true);
    expect(generated.has("docs/sdks/files/README.md")).toBe(true);
  });

  it("are well-formed and every link resolves (README.md included when present)", () => {
    const pages = docsOf(files);
    const readme = join(ROOT, "README.md");
    const all = new Map(pages);
    if (existsSync(readme)) all.set("README.md", readFileSync(readme, "utf8"));
    // Pages written by hand under docs/ (RUNTIME.md, BENCHMARKS.md, ...) are checked too.
    for (const file of markdownFiles(join(ROOT, "docs"))) {
      const path = relative(ROOT, file).split("\\").join("/");
      if (!all.has(path)) all.set(path, readFileSync(file, "utf8"));
    }
    const onDisk = (path: string) =>
      existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), "utf8") : undefined;
    expect(problems(all, onDisk)).toEqual([]);
  });

  it("show each operation as the seed does: list, example, parameters, response", () => {
    const page = docsOf(files).get("docs/sdks/assistants/README.md")!;
    expect(page).toMatch(/^# Assistants\n\n\(\*sdk\.assistants\*\)\n\n## Overview\n/);
    expect(page).toContain("* [cancelRun](#cancelrun) - ");
    expect(page).toContain("* [submitToolOuputsToRun](#submittoolouputstorun) - ");
    expect(page).toContain("const res = await sdk.assistants.cancelRun(runId, threadId);");
    expect(page).toContain("const order: QueryParamOrder = QueryParamOrder.Asc;");
    expect(page).toContain("const res = await sdk.assistants.listAssistants(after, before, limit, order);");
    expect(page).toContain(
      "const res = await sdk.assistants.modifyMessage(modifyMessageRequest, messageId, threadId);",
    );
    expect(page).toContain(`tools: [{ type: "code_interpreter" }],`);
    expect(page).toMatch(/\| `runId` +\| \*string\* +\| :heavy_check_mark: +\|/);
    expect(page).toMatch(/\| `options` +\| \*RequestOptions\* +\| :heavy_minus_sign: +\|/);
    expect(page).toContain("**Promise<[operations.CancelRunResponse](../../models/operations/cancelrunresponse.md)>**");
    expect(page).toContain("**Argument order:** `cancelRun(runId, threadId, options?)`");
    // Alphabetical, as the tag's operations are.
    const order = [...page.matchAll(/^## (\w+)$/gm)].map((m) => m[1]).filter((h) => h !== "Overview");
    expect(order).toEqual([...order].sort());
    expect(order).toHaveLength(model.tags[0].operations.length);

    const files_ = docsOf(files).get("docs/sdks/files/README.md")!;
    expect(files_).toContain(`content: Buffer.from("file contents"),`);
    expect(files_).toContain(`fileName: "example.txt",`);
  });

  it("give models fields with links, enums values, aliases their type", () => {
    const pages = docsOf(files);
    const request = pages.get("docs/models/shared/createmessagerequest.md")!;
    expect(request).toMatch(/^# CreateMessageRequest\n/);
    expect(request).toMatch(/\| Field +\| Type +\| Required +\| Description +\|/);
    expect(request).toMatch(
      /\| `role` +\| \[shared\.CreateMessageRequestRole\]\(createmessagerequestrole\.md\) +\| :heavy_check_mark: +\|/,
    );
    const role = pages.get("docs/models/shared/createmessagerequestrole.md")!;
    expect(role).toMatch(/\| `User` +\| `user` +\|/);
    expect(pages.get("docs/models/shared/createmessagerequestmetadata.md")).toContain("Record<string, *unknown*>");
    const list = pages.get("docs/models/operations/listmessagesrequest.md")!;
    expect(list).toContain("[operations.ListMessagesQueryParamOrder](listmessagesqueryparamorder.md)");
    const result = pages.get("docs/models/operations/createassistantresponse.md")!;
    expect(result).toMatch(
      /\| `assistantObject` +\| \[shared\.AssistantObject\]\(\.\.\/shared\/assistantobject\.md\) +\|/,
    );
  });
});

describe.each(["openai-2023-11-28.yaml", "openai-2024-05-13.yaml", "openai-2026-08-21.yaml"] as const)(
  "docs for %s",
  (name) => {
    const spec = documentFile(name);
    it("are well-formed, every link resolves, and generation is deterministic", () => {
      const first = generate({ specFile: spec, mode: "repo" });
      const pages = docsOf(first.files);
      expect(pages.size).toBeGreaterThan(first.model.decls.length);
      expect(problems(pages)).toEqual([]);
      const again = emitDocs(first.model, first.config);
      expect(again.map((f) => f.path)).toEqual([...pages.keys()]);
      for (const f of again) expect(f.content).toBe(pages.get(f.path));
    }, 120_000);
  },
);

describe("a hostile model", () => {
  const nasty = "Pipes | and\nnew lines, a `code | span`, a backslash \\ and\n```\nan unclosed fence";
  const enumDecl: EnumDecl = {
    kind: "enum",
    name: "Weird",
    namespace: "shared",
    description: nasty,
    members: [
      { name: "Pipe", value: "a|b" },
      { name: "Tick", value: "x`y" },
      { name: "Zero", value: 0 },
    ],
  };
  const str: TypeRef = { kind: "string" };
  const node: ObjectDecl = { kind: "object", name: "Node", namespace: "shared", description: nasty, fields: [] };
  const self: TypeRef = { kind: "named", decl: node };
  node.fields.push(
    { name: "label", wireName: "label", type: str, required: true, description: nasty },
    { name: "children", wireName: "children", type: { kind: "array", items: self }, required: true },
    { name: "parent", wireName: "parent", type: { kind: "nullable", inner: self }, required: true, deprecated: true },
    { name: "next", wireName: "next", type: self, required: false },
    { name: "kind", wireName: "kind", type: { kind: "named", decl: enumDecl }, required: true },
    { name: "data-set", wireName: "data-set", type: { kind: "map", values: { kind: "number" } }, required: false },
  );
  const cat: ObjectDecl = {
    kind: "object",
    name: "Cat",
    namespace: "shared",
    fields: [
      { name: "type", wireName: "type", type: str, required: true },
      { name: "lives", wireName: "lives", type: { kind: "number" }, required: true },
    ],
  };
  const dog: ObjectDecl = {
    kind: "object",
    name: "Dog",
    namespace: "shared",
    fields: [{ name: "type", wireName: "type", type: str, required: true }],
  };
  const pet: Decl = {
    kind: "alias",
    name: "Pet",
    namespace: "shared",
    type: {
      kind: "union",
      members: [
        { kind: "named", decl: cat },
        { kind: "named", decl: dog },
      ],
      discriminator: {
        property: "type",
        tags: [
          { value: "cat", member: 0 },
          { value: "dog", member: 1 },
        ],
      },
    },
  };
  // Same name in both namespaces: an example needing both imports one under an alias.
  const clash: EnumDecl = { kind: "enum", name: "Node", namespace: "operations", members: [{ name: "A", value: "a" }] };
  const specOps: Omit<Operation, "call">[] = [
    {
      operationId: "putNode",
      methodName: "putNode",
      tag: "Things",
      httpMethod: "put",
      path: "/nodes/{id}",
      summary: "Put | a node",
      description: nasty,
      params: [
        { name: "id", wireName: "id", in: "path", type: str, required: true, explode: false, description: nasty },
        {
          name: "mode",
          wireName: "mode",
          in: "query",
          type: { kind: "named", decl: clash },
          required: false,
          explode: true,
        },
      ],
      body: { mediaType: "application/json", kind: "json", type: self, required: true, fieldName: "node" },
      responses: [
        {
          status: "201",
          kind: "json",
          mediaType: "application/json",
          type: { kind: "named", decl: pet },
          fieldName: "pet",
        },
      ],
      secured: true,
      headers: {},
      requestClass: "PutNodeRequest",
      responseClass: "PutNodeResponse",
      deprecated: true,
    },
    {
      operationId: "overview",
      methodName: "overview",
      tag: "Things",
      httpMethod: "get",
      path: "/o",
      params: [],
      responses: [{ status: "204", kind: "empty" }],
      secured: false,
      headers: {},
      responseClass: "OverviewResponse",
    },
    {
      operationId: "upload",
      methodName: "upload",
      tag: "Things",
      httpMethod: "put",
      path: "/files/{id}",
      params: [{ name: "id", wireName: "id", in: "path", type: str, required: true, explode: false }],
      body: {
        mediaType: "application/octet-stream",
        kind: "bytes",
        type: { kind: "binary" },
        required: true,
        fieldName: "content",
      },
      responses: [{ status: "200", kind: "empty" }],
      secured: true,
      headers: {},
      requestClass: "UploadRequest",
      responseClass: "UploadResponse",
    },
  ];
  const ops: Operation[] = specOps.map((op) => ({ ...op, call: callShapeOf({ ...op, maxMethodParams: 4 }) }));
  const tag: Tag = {
    specName: "Things",
    className: "Things",
    propertyName: "things",
    description: "## Overview\n\nA heading of its own.",
    operations: ops,
  };
  const model: ApiModel = {
    title: "Hostile",
    version: "1",
    serverURL: "https://example.test",
    tags: [tag],
    decls: [enumDecl, node, cat, dog, pet, clash],
    security: [{ kind: "basic", optionName: "credentials" }],
    typeNames: new Map(),
    unselected: [],
  };
  const config = loadConfig(undefined, "Hostile API");

  it("still gives well-formed pages, deterministically", () => {
    const files = emitDocs(model, config);
    expect(emitDocs(model, config)).toEqual(files);
    expect(problems(docsOf(files))).toEqual([]);
    const page = files.find((f) => f.path === "docs/sdks/things/README.md")!.content;
    // The operation named like a heading gets GitHub's de-duplicated anchor.
    expect(page).toContain("* [overview](#overview-2)");
    expect(page).toContain(":warning: **DEPRECATED**");
  });

  it("builds finite example values for recursive types and aliases clashing imports", () => {
    const page = emitDocs(model, config).find((f) => f.path === "docs/sdks/things/README.md")!.content;
    const example = /```typescript\n([\s\S]*?)```/.exec(page)![1];
    expect(example).toContain(`import { HostileAPI } from "hostile-api";`);
    expect(example).toContain(`import { Node as OperationsNode } from "hostile-api/dist/sdk/models/operations";`);
    expect(example).toContain(`import { Node, Weird } from "hostile-api/dist/sdk/models/shared";`);
    expect(example).toContain("const node: Node = {");
    expect(example).toContain("children: [],");
    expect(example).toContain("parent: null,");
    expect(example).toContain("kind: Weird.Pipe,");
    expect(example).toContain(`"data-set": { "key": 1 },`);
    expect(example).toContain("const mode: OperationsNode = OperationsNode.A;");
    expect(example).toContain("const res = await sdk.things.putNode(node, id, mode);");
    expect(example).toContain(`credentials: "<USERNAME>:<PASSWORD>",`);
    expect(example).toContain("if (res.statusCode == 201) {");
    // A file argument is left to inference: not every package's entry point exports `Upload`.
    expect(page).toContain(
      `  const content = {\n    content: Buffer.from("file contents"),\n    fileName: "example.txt",\n  };`,
    );
    expect(page).toContain("const res = await sdk.things.upload(content, id);");
  });

  it("gives examples that compile against the SDK generated from it", () => {
    const files = [...emitSdk(model, config), ...emitPackage(model, config)];
    const dir = tempPackage(files, "hostile");
    const snippets = files.filter((f) => f.path.endsWith(".md")).flatMap((f) => extractCodeBlocks(f.content, f.path));
    // Three operations, two enums, and the package README's own example.
    expect(snippets).toHaveLength(6);
    const diagnostics = typecheck({ snippets, packageRoot: dir, packageName: config.packageName });
    expect(formatDiagnostics(diagnostics)).toBe("");
  }, 60_000);
});

describe("the checker itself", () => {
  it("finds a broken table, an open fence, a missing page and a missing anchor", () => {
    const pages = new Map([
      [
        "docs/a.md",
        "# A\n\n| x | y |\n| - | --- |\n| 1 \\| 2 |\n\n[b](b.md) [c](c.md) [b-x](b.md#x) [self](#a) [ext](https://e.x/y.md)",
      ],
      ["docs/b.md", "# B\n\n```typescript\nopen"],
    ]);
    expect(problems(pages)).toEqual([
      "docs/a.md: table without a separator row: | x | y |",
      "docs/a.md: row has 1 cells, header 2: | 1 \\| 2 |",
      "docs/a.md: link to missing page c.md",
      "docs/a.md: link to missing anchor b.md#x",
      "docs/b.md: unclosed code fence",
    ]);
  });
});
