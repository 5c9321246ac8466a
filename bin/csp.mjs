#!/usr/bin/env node
// The `csp` command. TypeScript sources run through tsx's loader, so there is no build step
// for the server; the web app is built by `csp serve --build-web` when it is missing or stale.
import { register } from "tsx/esm/api";

register();
await import("../src/app/cli.ts");
