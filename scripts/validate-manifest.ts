/**
 * Offline structural check of a manifest (npm run validate [-- dist/manifest.xml]): the
 * repository's manifest.xml must point at the dev server, any other (a deployment's, written by
 * `npm run build`) at one https base. Microsoft's validation service
 * (`npx office-addin-manifest validate <file>`, needs the network) is the final word.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkManifest, optionsForFile, REPO_ROOT } from "./manifestCheck";

const file = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, "manifest.xml"));
const problems = checkManifest(readFileSync(file, "utf8"), optionsForFile(file));
if (problems.length > 0) {
  console.error(`${path.relative(process.cwd(), file)}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exitCode = 1;
} else {
  console.log(`${path.relative(process.cwd(), file)}: structure OK (offline check: element order, ids, URLs, icons, resources).`);
}
console.log(
  "The final word is Microsoft's validation service (needs the network): npx office-addin-manifest validate " + path.relative(process.cwd(), file),
);
