// npm run stop: stops the dev server npm start started (by the PID it recorded).
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = path.join(root, "out", "dev-server.pid");

if (!existsSync(pidFile)) {
  console.log("No dev server recorded (out/dev-server.pid is absent).");
  process.exit(0);
}
const pid = Number(readFileSync(pidFile, "utf8"));
try {
  // Started detached: it leads its own process group, so signal the group (webpack's workers too).
  process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
  console.log(`Stopped the dev server (PID ${pid}).`);
} catch (e) {
  console.log(e.code === "ESRCH" ? `The dev server (PID ${pid}) was not running.` : `Could not stop PID ${pid}: ${e.message}`);
}
rmSync(pidFile, { force: true });
