/**
 * gen.yaml's `securityEnv` in a generated package: an API key in a header defaults to the
 * environment variable named for its scheme; a secured call without one fails before sending,
 * an operation the document leaves unsecured (`security: []`) still goes out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedSdk, type Untyped } from "../support/generated-sdk";
import { useRecordingServer } from "../support/recording-server";
import { ROOT } from "../support/root";
import { tempDir } from "../support/temp";

const server = useRecordingServer();
let generated: { dir: string; exports: Record<string, Untyped> };

beforeAll(async () => {
  const config = join(tempDir("kennel-config"), "gen.yaml");
  writeFileSync(config, "securityEnv:\n  KennelKey: KENNEL_KEY\n");
  generated = await generatedSdk(join(ROOT, "tests/wire/fixtures/credentials-env.yaml"), "kennel", config);
}, 60_000);

afterEach(() => {
  delete process.env.KENNEL_KEY;
});

const client = () => new generated.exports.Kennel({ serverURL: server.baseURL, retries: false });

test("the client emits the variable beside its option", () => {
  const sdk = readFileSync(join(generated.dir, "src/sdk/sdk.ts"), "utf8");
  expect(sdk).toContain(
    '{ kind: "apiKeyHeader", name: "X-Kennel-Key", option: "kennelKey", env: "KENNEL_KEY", value: options.kennelKey }',
  );
  expect(sdk).toContain("Default: the `KENNEL_KEY` environment variable.");
});

test("KENNEL_KEY is sent in the scheme's header when the option is not given", async () => {
  process.env.KENNEL_KEY = "kk-from-env";
  server.reply({ json: {} });
  await client().dogs.listDogs();
  expect(server.single().headers["x-kennel-key"]).toBe("kk-from-env");
});

test("without a key: the secured call throws before sending, the unsecured one is sent", async () => {
  const sdk = client();
  const error = await sdk.dogs.listDogs().catch((e: Error) => e);
  expect(error).toBeInstanceOf(generated.exports.MissingCredentialsError);
  expect(error.message).toBe(
    "listDogs needs credentials and the client has none: " +
      "set the KENNEL_KEY environment variable or pass { kennelKey } to the client's constructor.",
  );
  expect(server.requests).toEqual([]);
  server.reply({ json: {} });
  await sdk.dogs.health();
  expect(server.single().headers).not.toHaveProperty("x-kennel-key");
});
