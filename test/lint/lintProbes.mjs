// Lints source text as if it were the given files, with the project's eslint.config.mjs, and
// prints the messages as JSON. Run as a child process: jest's module sandbox cannot load the
// ESM config. Input on stdin: [{ "filePath": "src/core/model.ts", "code": "..." }, ...].
import { ESLint } from "eslint";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let input = "";
for await (const chunk of process.stdin) input += chunk;
const probes = JSON.parse(input);

const eslint = new ESLint({ cwd: root });
const results = [];
for (const probe of probes) {
  const [result] = await eslint.lintText(probe.code, { filePath: path.join(root, probe.filePath) });
  results.push(result.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, line: m.line, message: m.message })));
}
process.stdout.write(JSON.stringify(results));
