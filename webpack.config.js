/**
 * Builds the task pane: one HTML page that loads Office.js from Microsoft's CDN (as shipped
 * add-ins must) and our bundle. TypeScript is emitted as ES modules so that webpack can
 * tree-shake Fluent UI (with CommonJS the bundle grows from ~150 KB to megabytes gzip).
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { readFileSync } = require("node:fs");

/** The only external script origin the pane may load. */
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_SERVER_PORT = 3000;

/**
 * Scripts only from ourselves and the Office CDN; nothing is sent anywhere (connect-src 'self').
 * Griffel (Fluent UI's CSS-in-JS) inserts <style> elements, hence style-src 'unsafe-inline'.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/**
 * Writes dist/manifest.xml for the origin the add-in will be served from (ADDIN_ORIGIN, or
 * `--env origin=…`; the dev server's https://localhost:3000 when neither is given) and fails
 * the build when the offline manifest check finds a problem in it.
 */
class DeploymentManifestPlugin {
  constructor(origin) {
    this.origin = origin;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DeploymentManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "DeploymentManifestPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        // The manifest logic is TypeScript (shared with `npm run validate` and its tests).
        const tsx = require("tsx/cjs/api");
        const { manifestForOrigin, parseAddinOrigin, DEV_ORIGIN } = tsx.require("./scripts/deployManifest.ts", __filename);
        const { checkManifest, deploymentOptions, REPO_ROOT } = tsx.require("./scripts/manifestCheck.ts", __filename);
        const manifestPath = path.join(__dirname, "manifest.xml");
        compilation.fileDependencies.add(manifestPath);
        try {
          const base = parseAddinOrigin(this.origin ?? DEV_ORIGIN);
          const xml = manifestForOrigin(readFileSync(manifestPath, "utf8"), base);
          const problems = checkManifest(xml, deploymentOptions(path.join(REPO_ROOT, "assets")));
          if (problems.length) throw new Error(`dist/manifest.xml for ${base}:\n  - ${problems.join("\n  - ")}`);
          compilation.emitAsset("manifest.xml", new compiler.webpack.sources.RawSource(xml));
        } catch (e) {
          compilation.errors.push(new compiler.webpack.WebpackError(e instanceof Error ? e.message : String(e)));
        }
      });
    });
  }
}

module.exports = (env = {}, argv) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the page's CSP (no 'unsafe-eval') would block them.
    devtool: production ? false : "source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        // The core is pure (no module runs code on import), so what the pane imports through
        // the core's public entry but never uses is dropped, and the review stays in its own chunk.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type-checking is `tsc --noEmit`'s job; here only the bundled files are compiled.
              onlyCompileBundledFiles: true,
              transpileOnly: true,
              compilerOptions: { module: "ESNext", moduleResolution: "bundler", noEmit: false, sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: { officeJsUrl: OFFICE_JS_URL, contentSecurityPolicy: CONTENT_SECURITY_POLICY },
        minify: production ? { collapseWhitespace: true, removeComments: true } : false,
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
      new DeploymentManifestPlugin(env.origin ?? process.env.ADDIN_ORIGIN),
    ],
    performance: { hints: false },
    devServer: {
      server: "https",
      host: "localhost",
      port: DEV_SERVER_PORT,
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.OFFICE_JS_URL = OFFICE_JS_URL;
module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
