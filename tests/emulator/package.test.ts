/**
 * The emulator ships as its own entry point, `gpt-sdk/emulator`: the package's main entry must
 * never reach it (so `require("gpt-sdk")` costs nothing more), and the bin and export point at
 * what `npm run build` writes (dist/emulator/index.js and cli.js, bundles of src/emulator).
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { buildSync } from "esbuild";
import { ROOT } from "../support/root";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

test("the main entry's module graph does not include src/emulator", () => {
  const result = buildSync({
    entryPoints: [join(ROOT, "src", "index.ts")],
    bundle: true,
    platform: "node",
    write: false,
    metafile: true,
    external: ["axios"],
    logLevel: "error",
  });
  const inputs = Object.keys(result.metafile!.inputs).map((file) => relative(ROOT, join(ROOT, file)));
  expect(inputs.some((file) => file.startsWith(join("src", "sdk")))).toBe(true);
  expect(inputs.filter((file) => file.startsWith(join("src", "emulator")))).toEqual([]);
});

test("package.json: the ./emulator export and the gpt-sdk-emulator bin", () => {
  expect(pkg.exports["./emulator"]).toEqual({
    types: "./dist/emulator/index.d.ts",
    default: "./dist/emulator/index.js",
  });
  expect(pkg.bin).toEqual({ "gpt-sdk-emulator": "bin/gpt-sdk-emulator.js" });
  expect(pkg.files).toEqual(expect.arrayContaining(["bin", "dist"]));
  expect(readFileSync(join(ROOT, "bin", "gpt-sdk-emulator.js"), "utf8")).toContain(
    'require("../dist/emulator/cli.js")',
  );
});
