#!/usr/bin/env node
"use strict";
// The emulator's command. It runs the compiled code beside it (dist/emulator, written by
// `npm run build`), so it works with plain node from any folder.
const path = require("node:path");

let main;
try {
  // A literal path, so tools that follow requires (bundlers, the package's own tests) see it.
  ({ main } = require("../dist/emulator/cli.js"));
} catch (error) {
  const cli = path.join(__dirname, "..", "dist", "emulator", "cli.js");
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("'../dist/emulator/cli.js'")) {
    console.error(`gpt-sdk-emulator: ${cli} is missing; run \`npm run build\` in ${path.join(__dirname, "..")} first.`);
    process.exit(1);
  }
  throw error;
}
main(process.argv.slice(2)).then((code) => process.exit(code));
