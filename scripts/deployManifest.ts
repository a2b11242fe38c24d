/**
 * The manifest for a deployment: the repository's manifest.xml names the dev server
 * (https://localhost:3000); `npm run build` writes dist/manifest.xml with every URL moved to the
 * origin (and optional path) the add-in is served from, ADDIN_ORIGIN. Checked by the same
 * offline validation as the dev manifest (manifestCheck.ts, any https origin).
 */
export const DEV_ORIGIN = "https://localhost:3000";

/** Where ADDIN_ORIGIN comes from; named in messages. */
export const ORIGIN_VARIABLE = "ADDIN_ORIGIN";

/**
 * "https://addin.example.se" or "https://intra.example.se/tillagg/granskning/" → the base URL
 * without a trailing slash. Only https, no credentials, query or fragment: Office loads add-ins
 * over https only, and every URL in the manifest is this base plus a file name.
 */
export function parseAddinOrigin(text: string): string {
  const value = text.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${ORIGIN_VARIABLE}="${text}" is not a URL; give the https address the add-in is served from, e.g. https://addin.example.se`);
  }
  if (url.protocol !== "https:") throw new Error(`${ORIGIN_VARIABLE}="${text}" must use https (Office loads add-ins over https only)`);
  if (url.username || url.password) throw new Error(`${ORIGIN_VARIABLE}="${text}" must not contain a user name or password`);
  if (url.search || url.hash || value.includes("?") || value.includes("#")) throw new Error(`${ORIGIN_VARIABLE}="${text}" must not have a query or fragment`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** The dev manifest with every dev-server URL moved to `base`; AppDomain gets the base's origin. */
export function manifestForOrigin(devXml: string, base: string): string {
  if (base === DEV_ORIGIN) return devXml;
  const origin = new URL(base).origin;
  const moved = devXml
    .replace(/<AppDomain>\s*https:\/\/localhost:3000\/?\s*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(`${DEV_ORIGIN}/`)
    .join(`${base}/`);
  if (moved.includes(DEV_ORIGIN)) throw new Error(`manifest.xml names ${DEV_ORIGIN} somewhere other than a URL's start; cannot move it to ${base}`);
  return moved;
}
