// The browser tests drive Debian's Chromium. On a fresh machine where we are root, install it;
// otherwise say plainly what is missing instead of failing deep inside a test.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(path)) {
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium for the browser tests…");
    execSync("apt-get update && apt-get install -y chromium", { stdio: "inherit" });
  } else {
    console.error(
      `Chromium not found at ${path}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
}
