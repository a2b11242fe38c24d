// The rule of the layers (docs/ARCHITECTURE.md) as one lint rule: every import a file makes is
// resolved against the repository and checked against what its layer may import. Relative
// paths are resolved, not pattern-matched, so "../../taskpane" is caught at any depth.
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: this file lives in <root>/eslint-rules/. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const NODE_BUILTINS = new Set(builtinModules);

const isNodeBuiltin = (source) => source.startsWith("node:") || NODE_BUILTINS.has(source.split("/")[0]);

/** "@fluentui/react-components/x" → "@fluentui/react-components"; "zod/mini" → "zod". */
function packageName(source) {
  const parts = source.split("/");
  return source.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** A glob-light match: "react" matches the package; "@fluentui/*" matches the scope. */
function packageMatches(name, patterns) {
  return patterns.some((p) => (p.endsWith("/*") ? name.startsWith(p.slice(0, -1)) : name === p));
}

const inside = (file, dir) => file === dir || file.startsWith(dir + "/");

/** The repository-relative path an import resolves to, without extension ("src/core/index"). */
function resolveRelative(filename, source, root) {
  const absolute = path.resolve(path.dirname(filename), source);
  return path.relative(root, absolute).split(path.sep).join("/").replace(/\.(tsx?|mjs|js)$/, "");
}

const schema = [
  {
    type: "object",
    properties: {
      layer: { type: "string" },
      /** Only these packages (besides relative imports); absent = any package. */
      onlyPackages: { type: "array", items: { type: "string" } },
      forbiddenPackages: { type: "array", items: { type: "string" } },
      node: { type: "boolean" },
      /** Relative imports must stay inside these folders; absent = anywhere. */
      onlyDirs: { type: "array", items: { type: "string" } },
      forbiddenDirs: { type: "array", items: { type: "string" } },
      /** Imports into src/core must name its public entry (src/core/index). */
      coreEntryOnly: { type: "boolean" },
      /** Core modules a dynamic import() may name directly (code split off into its own chunk). */
      lazyCoreModules: { type: "array", items: { type: "string" } },
    },
    required: ["layer"],
    additionalProperties: false,
  },
];

/** @type {import("eslint").Rule.RuleModule} */
const importsRule = {
  meta: {
    type: "problem",
    docs: { description: "Each layer imports only what docs/ARCHITECTURE.md allows it." },
    schema,
    messages: {
      node: "{{layer}} may not import the Node built-in '{{source}}'.",
      package: "{{layer}} may not import the package '{{source}}'.",
      onlyPackages: "{{layer}} may import only {{allowed}} (and itself), not '{{source}}'.",
      dir: "{{layer}} may not import from {{target}} ('{{source}}').",
      onlyDirs: "{{layer}} may import only from {{allowed}}, not from {{target}} ('{{source}}').",
      coreEntry: "{{layer}} imports the core through its public entry (src/core/index.ts), not '{{source}}'.",
    },
  },
  create(context) {
    const options = context.options[0];
    const root = ROOT;
    const filename = context.filename;
    const layer = options.layer;

    function check(node, source, dynamic) {
      if (typeof source !== "string") return;
      const report = (messageId, data = {}) => context.report({ node, messageId, data: { layer, source, ...data } });
      if (!source.startsWith(".")) {
        if (isNodeBuiltin(source)) {
          if (options.node === false || options.onlyPackages) report("node");
          return;
        }
        const name = packageName(source);
        if (options.onlyPackages && !packageMatches(name, options.onlyPackages)) {
          report("onlyPackages", { allowed: options.onlyPackages.join(", ") });
        } else if (options.forbiddenPackages && packageMatches(name, options.forbiddenPackages)) {
          report("package");
        }
        return;
      }
      const target = resolveRelative(filename, source, root);
      if (options.onlyDirs && !options.onlyDirs.some((dir) => inside(target, dir))) {
        report("onlyDirs", { target, allowed: options.onlyDirs.join(", ") });
        return;
      }
      const forbidden = (options.forbiddenDirs ?? []).find((dir) => inside(target, dir));
      if (forbidden) {
        report("dir", { target: forbidden });
        return;
      }
      if (options.coreEntryOnly && inside(target, "src/core") && target !== "src/core" && target !== "src/core/index") {
        if (!(dynamic && (options.lazyCoreModules ?? []).includes(target))) report("coreEntry");
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, false),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, false),
      ExportAllDeclaration: (node) => check(node, node.source.value, false),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, true),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === "TSExternalModuleReference" && check(node, node.moduleReference.expression.value, false),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal && literal.type === "Literal") check(node, literal.value, false);
      },
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") {
          check(node, node.arguments[0].value, false);
        }
      },
    };
  },
};

export default { rules: { imports: importsRule } };
