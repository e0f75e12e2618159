#!/usr/bin/env node
"use strict";
// The emulator's command. It runs the compiled code beside it (dist/emulator, written by
// `npm run build`), so it works with plain node from any folder.
const path = require("node:path");

const cli = path.join(__dirname, "..", "dist", "emulator", "cli.js");
let main;
try {
  ({ main } = require(cli));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes(cli)) {
    console.error(`gpt-sdk-emulator: ${cli} is missing; run \`npm run build\` in ${path.join(__dirname, "..")} first.`);
    process.exit(1);
  }
  throw error;
}
main(process.argv.slice(2)).then((code) => process.exit(code));
