/**
 * Parameter styles on the wire, through a generated SDK: query form (exploded or not),
 * spaceDelimited, pipeDelimited and deepObject; path simple, label and matrix; header simple;
 * cookie parameters and an API key in a cookie, merged with the caller's own Cookie header.
 */
import { join } from "node:path";
import { generatedSdk, type Untyped } from "../support/generated-sdk";
import { useRecordingServer } from "../support/recording-server";
import { ROOT } from "../support/root";

const server = useRecordingServer();
let generated: Record<string, Untyped>;

beforeAll(async () => {
  generated = (await generatedSdk(join(ROOT, "tests/wire/fixtures/parameter-styles.yaml"), "styles")).exports;
}, 60_000);

const client = (options: Record<string, unknown> = {}) =>
  new generated.Styles({ serverURL: server.baseURL, retries: false, sessionKey: "key; with=separators", ...options });

test("query styles, header styles and cookies as the document declares them", async () => {
  server.reply({ json: { ok: true } });
  const res = await client().jobs.listJobs({
    metadata: { project: "otters", "team name": "a&b" },
    ids: ["1", "2"],
    tags: ["x", "y z"],
    words: ["red", "green"],
    levels: [1, 2, 3],
    point: { x: 1, y: 2 },
    limit: 5,
    xTrace: ["a", "b"],
    xPoint: { x: 1, y: 2 },
    locale: "fr CA",
    flags: ["beta", "dark"],
  });
  const sent = server.single();
  // In the parameters' order (by name).
  expect(sent.url).toBe(
    "/v1/jobs?ids=1&ids=2&levels=1|2|3&limit=5&metadata[project]=otters&metadata[team%20name]=a%26b" +
      "&x=1&y=2&tags=x,y%20z&words=red%20green",
  );
  expect(sent.headers["x-trace"]).toBe("a,b");
  expect(sent.headers["x-point"]).toBe("x=1,y=2");
  expect(sent.headers["cookie"]).toBe("flags=beta,dark; locale=fr%20CA; session_key=key%3B%20with%3Dseparators");
  expect(res.listJobsResponseBody).toEqual({ ok: true });
});

test("the caller's own Cookie header is kept after the SDK's cookies", async () => {
  server.reply({ json: { ok: true } });
  await client().jobs.listJobs({ locale: "de" }, { headers: { Cookie: "tracking=off" } });
  expect(server.single().headers["cookie"]).toBe("locale=de; session_key=key%3B%20with%3Dseparators; tracking=off");
});

test("path styles: label, matrix (plain and exploded) and simple", async () => {
  server.reply({ json: { ok: true } });
  await client().jobs.getShape({ r: 1, g: 2 }, ["a", "b"], ["c", "d"], "e/f");
  expect(server.single().url).toBe("/v1/shapes/.a,b/;matrix=c,d/;r=1;g=2/e%2Ff");
});

test("the session key is redacted from debug logs, cookie parameters too", async () => {
  const lines: string[] = [];
  server.reply({ json: { ok: true } });
  await client({ logger: (line: string) => lines.push(line), logLevel: "debug" }).jobs.listJobs({ locale: "de" });
  const log = lines.join("\n");
  expect(log).toContain('"cookie":"***"');
  expect(log).not.toContain("key%3B");
  expect(log).not.toContain("key; with");
});
