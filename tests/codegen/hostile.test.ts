/**
 * A hostile document: comment terminators, backticks, `${`, quotes and newlines in text and
 * names, reserved words, `__proto__`/`constructor`, leading digits, names that collide after
 * camelCasing, recursion and deep nesting. The output must compile, mean what the document
 * says on the wire, and never run anything from the document.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runGenerate, runTs } from "../support/cli";
import { ROOT } from "../support/root";
import { linkNodeModules, tempDir } from "../support/temp";
import { formatDiagnostics, typecheck } from "../support/typecheck";

const DRIVER = `
import { createServer } from "node:http";
import { HostileGlobalThisHACKEDTitleAPI } from "./src";

const seen: { method?: string; url?: string; headers?: Record<string, unknown>; body?: unknown } = {};
const server = createServer((req, res) => {
  let text = "";
  req.on("data", (c) => (text += c));
  req.on("end", () => {
    Object.assign(seen, { method: req.method, url: req.url, headers: req.headers, body: JSON.parse(text) });
    res.setHeader("content-type", "application/json");
    res.end('{"toString":"t","hasOwnProperty":"h","valueOf":null,"kind":"thing","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
  });
});
server.listen(0, "127.0.0.1", async () => {
  const port = (server.address() as { port: number }).port;
  const sdk = new HostileGlobalThisHACKEDTitleAPI({ serverURL: \`http://127.0.0.1:\${port}/v1\`, retries: false });
  const res = await sdk.class.delete(
    { fileId: "snake", fileIdField: "camel", class: "c", default: 1, delete: true, constructorValue: "k", proto: "p", withSpace: "s", quoteKey: "q", value: "v", inject: "i", _1st: 1, newLine: "n" },
    "../a b?c#d",
    "a*/b",
    "req-1",
  );
  server.close();
  const parsed = res.constructorValue as Record<string, unknown>;
  console.log(JSON.stringify({
    hacked: (globalThis as Record<string, unknown>).HACKED ?? null,
    seen,
    parsed: { toString: parsed.toString, hasOwnProperty: parsed.hasOwnProperty, valueOf: parsed.valueOf, kind: parsed.kind },
    protoKept: Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value ?? null,
    polluted: ({} as Record<string, unknown>).polluted ?? null,
  }));
});
`;

test("hostile names and text compile, stay data, and map to the right wire keys", () => {
  const out = tempDir("hostile");
  const run = runGenerate(["--spec", join(ROOT, "tests/codegen/fixtures/hostile.yaml"), "--out", out]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  linkNodeModules(out);
  expect(formatDiagnostics(typecheck({ project: out }))).toBe("");

  writeFileSync(join(out, "driver.ts"), DRIVER);
  const exec = runTs([join(out, "driver.ts")], { cwd: out, timeout: 60_000 });
  expect(exec.stderr).toBe("");
  const result = JSON.parse(exec.stdout);
  expect(result.hacked).toBeNull();
  expect(result.polluted).toBeNull();
  expect(result.seen.method).toBe("POST");
  expect(result.seen.url).toBe("/v1/things/..%2Fa%20b%3Fc%23d?default=a*%2Fb");
  expect(result.seen.headers["x-request-id"]).toBe("req-1");
  expect(result.seen.body).toEqual({
    file_id: "snake",
    fileId: "camel",
    class: "c",
    default: 1,
    delete: true,
    constructor: "k",
    ["__proto__"]: "p", // computed key: an own property, as on the wire
    "with space": "s",
    'quote"key': "q",
    "*/": "v",
    "${inject}": "i",
    "1st": 1,
    "new\nline": "n",
  });
  expect(Object.keys(result.seen.body)).toContain("__proto__");
  expect(result.parsed).toEqual({ toString: "t", hasOwnProperty: "h", valueOf: null, kind: "thing" });
  expect(result.protoKept).toEqual({ polluted: true });
}, 120_000);
