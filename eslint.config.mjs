// Flat config (ESLint 9): typescript-eslint's recommended rules everywhere, React hook rules for
// the task pane, and the Office add-in rules (load before read, sync before read, no sync in a
// loop, …) for the code that touches Office.js, the rule of the layers (docs/ARCHITECTURE.md,
// eslint-rules/layers.mjs; test/lint/layers.test.ts proves each boundary fails the lint), and
// type-aware promise rules where async Office code runs. Prettier formatting is not enforced.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import layers from "./eslint-rules/layers.mjs";

const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "warn",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

/** The packages no adapter needs: the UI stays in the pane. */
const UI_PACKAGES = ["react", "react-dom", "@fluentui/*"];

/** Per folder, what its files may import (see the table in docs/ARCHITECTURE.md). */
const LAYERS = [
  { files: ["src/core/**"], options: { layer: "src/core", onlyPackages: ["zod"], onlyDirs: ["src/core"] } },
  {
    files: ["src/taskpane/**"],
    options: {
      layer: "src/taskpane",
      node: false,
      forbiddenPackages: ["exceljs", "fflate", "saxes"],
      forbiddenDirs: ["src/adapters/xlsx", "src/cli"],
      coreEntryOnly: true,
      // The review and the recompute are split into their own chunk, loaded when "Granska" is pressed.
      lazyCoreModules: ["src/core/review/reviewWorkbook", "src/core/figures/computeFigures"],
    },
  },
  {
    files: ["src/adapters/excel/**"],
    options: {
      layer: "src/adapters/excel",
      node: false,
      forbiddenPackages: [...UI_PACKAGES, "exceljs", "fflate", "saxes"],
      forbiddenDirs: ["src/taskpane", "src/cli", "src/adapters/xlsx"],
      coreEntryOnly: true,
    },
  },
  {
    files: ["src/adapters/xlsx/**"],
    options: { layer: "src/adapters/xlsx", forbiddenPackages: UI_PACKAGES, forbiddenDirs: ["src/taskpane", "src/cli", "src/adapters/excel"], coreEntryOnly: true },
  },
  {
    files: ["src/cli/**"],
    options: { layer: "src/cli", forbiddenPackages: UI_PACKAGES, forbiddenDirs: ["src/taskpane", "src/adapters/excel"], coreEntryOnly: true },
  },
].map(({ files, options }) => ({ files, plugins: { layers }, rules: { "layers/imports": ["error", options] } }));

/** Only the Excel adapter names Office.js; the message says where such code belongs. */
const OFFICE_NAMES = ["Office", "Excel", "OfficeExtension"];
const officeOnlyInAdapter = {
  files: ["src/**/*.{ts,tsx}"],
  ignores: ["src/adapters/excel/**"],
  rules: {
    "no-restricted-globals": [
      "error",
      ...OFFICE_NAMES.map((name) => ({ name, message: `Only src/adapters/excel names ${name}: reach Excel through the WorkbookHost port or the adapter's exports.` })),
    ],
    "no-restricted-syntax": [
      "error",
      {
        selector: `TSQualifiedName[left.name=/^(${OFFICE_NAMES.join("|")})$/]`,
        message: "Only src/adapters/excel names Office.js types: reach Excel through the WorkbookHost port or the adapter's exports.",
      },
    ],
  },
};

/** Type-aware, so only where un-awaited promises hurt: the pane and the adapters (Excel.run, sync). */
const asyncOfficeCode = {
  files: ["src/taskpane/**/*.{ts,tsx}", "src/adapters/**/*.ts"],
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  rules: {
    "@typescript-eslint/no-floating-promises": "error",
    "@typescript-eslint/no-misused-promises": "error",
  },
};

const nodeGlobals = Object.fromEntries(
  ["process", "console", "Buffer", "URL", "__dirname", "__filename", "require", "module", "exports", "setTimeout", "clearTimeout"].map(
    (name) => [name, "readonly"],
  ),
);

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "out/**", ".ci/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: nodeGlobals },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.flat["recommended-latest"].rules,
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/adapters/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  ...LAYERS,
  officeOnlyInAdapter,
  asyncOfficeCode,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
