// Fallback peak-memory probe when GNU time is missing: every Node process of a measured
// command tree (propagated through NODE_OPTIONS) writes its own maxRSS when it exits.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const dir = process.env.GPT_SDK_BENCH_RSS_DIR;
if (dir) {
  process.on("exit", () => {
    try {
      writeFileSync(join(dir, `rss-${process.pid}`), String(process.resourceUsage().maxRSS * 1024));
    } catch {
      /* the directory may be gone */
    }
  });
}
