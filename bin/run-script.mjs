#!/usr/bin/env node
// Runs a TypeScript script of the project (scripts/, e2e/, bench/) through tsx's loader.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write("usage: run-script.mjs FILE.ts [args…]\n");
  process.exit(64);
}
process.argv = [process.argv[0], resolve(script), ...rest];
register();
await import(pathToFileURL(resolve(script)).href);
