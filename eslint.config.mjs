// Flat config (ESLint 9): typescript-eslint's recommended rules everywhere, React hook rules for
// the task pane, and the Office add-in rules (load before read, sync before read, no sync in a
// loop, …) for the code that touches Office.js. Prettier formatting is not enforced.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";

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
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
