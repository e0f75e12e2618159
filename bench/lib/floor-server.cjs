/**
 * The floor for any Node server on this machine: node:http answering GETs with fixed bytes from memory
 * (no routing, no state, no JSON work). bench/emulator.ts hands it what the emulator answered,
 * `{ "<path and query>": { "headers": {...}, "body": "..." } }`, so the load generator reads the very
 * bytes and headers it reads from the emulator. Run as a script (`node floor-server.cjs ANSWERS.json`)
 * it prints its URL once it listens; required, `serveAnswers` starts it in the caller's process.
 */
const { readFileSync } = require("node:fs");
const { createServer } = require("node:http");

/** Resolves with the listening server and its URL. Bodies are encoded once, up front, as the least work per answer. */
function serveAnswers(answers) {
  const encoded = new Map(
    Object.entries(answers).map(([path, { headers, body }]) => [path, { headers, body: Buffer.from(body) }]),
  );
  const server = createServer((req, res) => {
    const answer = encoded.get(req.url);
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, answer.headers);
    res.end(answer.body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

if (require.main === module)
  serveAnswers(JSON.parse(readFileSync(process.argv[2], "utf8"))).then(({ url }) => console.log(url));

module.exports = { serveAnswers };
