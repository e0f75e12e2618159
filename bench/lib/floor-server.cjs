/**
 * The floor for any Node server on this machine: node:http answering GETs with fixed bytes from memory
 * (no routing, no state, no JSON work). Started by bench/emulator.ts with a JSON file of
 * `{ "<path and query>": { "headers": {...}, "body": "..." } }` (what the emulator answered), so the
 * load generator reads the very bytes and headers it reads from the emulator. Prints its URL when it listens.
 */
const { readFileSync } = require("node:fs");
const { createServer } = require("node:http");

const answers = JSON.parse(readFileSync(process.argv[2], "utf8"));
const server = createServer((req, res) => {
  const answer = answers[req.url];
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, answer.headers);
  res.end(answer.body);
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
