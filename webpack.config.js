/**
 * Builds the task pane: one HTML page that loads Office.js from Microsoft's CDN (as shipped
 * add-ins must) and our bundle. TypeScript is emitted as ES modules so that webpack can
 * tree-shake Fluent UI (with CommonJS the bundle grows from ~150 KB to megabytes gzip).
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

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

module.exports = (_env, argv) => {
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
