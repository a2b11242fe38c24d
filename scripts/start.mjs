// npm start: runs the dev server (https://localhost:3000) in the background and tells how to
// load the add-in into Excel. On Windows and macOS it sideloads with office-addin-debugging when
// that tool is installed. Stop with npm run stop.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = path.join(root, "out", "dev-server.pid");
const logFile = path.join(root, "out", "dev-server.log");
const url = "https://localhost:3000/taskpane.html";
const manifest = path.join(root, "manifest.xml");

function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function reachable() {
  return new Promise((resolve) => {
    // The dev server makes its own self-signed certificate: accept it for this local probe only.
    const req = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
  });
}

mkdirSync(path.dirname(pidFile), { recursive: true });
if (existsSync(pidFile) && running(Number(readFileSync(pidFile, "utf8")))) {
  console.log(`The dev server is already running (PID ${readFileSync(pidFile, "utf8").trim()}): ${url}`);
} else {
  // Start webpack's own node process (not npx) so that the PID we keep is the server's.
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
  });
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  process.stdout.write(`Starting the dev server (PID ${child.pid}, log ${path.relative(root, logFile)}) `);
  const deadline = Date.now() + 180_000;
  let up = false;
  while (!up && Date.now() < deadline && running(child.pid)) {
    await new Promise((r) => setTimeout(r, 1500));
    process.stdout.write(".");
    up = await reachable();
  }
  console.log(up ? ` up: ${url}` : ` not reachable: see ${path.relative(root, logFile)}`);
  if (!up) process.exit(1);
}

const desktop = process.platform === "win32" || process.platform === "darwin";
const debuggingTool = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
if (desktop && existsSync(debuggingTool)) {
  console.log("Sideloading into Excel with office-addin-debugging…");
  const r = spawnSync(debuggingTool, ["start", manifest, "desktop", "--app", "excel", "--no-debug", "--dev-server-port", "3000"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (r.status === 0) process.exit(0);
  console.log("office-addin-debugging did not finish: sideload by hand as below.");
} else if (desktop) {
  console.log("To sideload automatically, install the tool once: npm install --no-save office-addin-debugging");
}

console.log(`
Load the add-in into Excel (the dev server must keep running):
  Excel on the web: open a workbook → Home → Add-ins (or Insert → Add-ins) → More Add-ins →
    Upload My Add-in → choose ${manifest}
  Excel for Windows: share the folder holding manifest.xml, add it as a Trusted Add-in Catalog
    (File → Options → Trust Center → Trusted Add-in Catalogs), restart Excel, then
    Home → Add-ins → Shared Folder.
  Excel for Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
    and restart Excel.
The browser must trust the dev server's certificate: open ${url} once and accept it.
Then choose "Granska underlag" on the Home tab. Stop the server with: npm run stop`);
