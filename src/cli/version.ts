import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The package version, read from package.json (two levels up from both src/cli and build/cli). */
export const version: string = (require("../../package.json") as { version: string }).version;
