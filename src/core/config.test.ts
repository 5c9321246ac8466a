import { isAbsolute, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configDocumentation, loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

/** The refusal names the variable, in the problems and in the message printed at boot. */
function expectRefused(env: Record<string, string>, variable: string) {
  const problems = problemsOf(env);
  expect(problems.some((problem) => problem.startsWith(`${variable}:`))).toBe(true);
  expect(() => loadConfig(env)).toThrow(variable);
}

describe("configuration", () => {
  it("has the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "localhost",
      publicUrl: "http://localhost:3000",
      databaseUrl: undefined,
      demo: false,
      smtpUrl: undefined,
      logLevel: "info",
      trustProxy: false,
      bodyLimitBytes: 1_048_576,
      sessionDays: 30,
      auditSigningKey: undefined,
      auditCheckpointMinutes: 60,
      jobPollMs: 1000,
      signInLimitPerAccount: 10,
      signInLimitPerIp: 50,
      secureCookies: false,
    });
    expect(config.dataDir).toBe(resolve("data"));
    expect(config.mailFrom).toContain("@");
  });

  it("documents every variable it reads", () => {
    for (const [variable, text] of Object.entries(configDocumentation)) {
      expect(variable).toMatch(/^[A-Z_]+$/);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it("reads the variables it is given, and ignores others", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATA_DIR: "some/folder",
      DATABASE_URL: "postgresql://csp@db.internal:5432/csp",
      SMTP_URL: "smtps://user:secret@mail.example:465",
      DEMO: "yes",
      TRUST_PROXY: "1",
      BODY_LIMIT_BYTES: "2048",
      PATH: "/usr/bin",
      SOMETHING_ELSE: "whatever",
    });
    expect(config.port).toBe(8080);
    expect(config.host).toBe("0.0.0.0");
    expect(isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir).toBe(resolve("some/folder"));
    expect(config.databaseUrl).toBe("postgresql://csp@db.internal:5432/csp");
    expect(config.smtpUrl).toBe("smtps://user:secret@mail.example:465");
    expect(config.demo).toBe(true);
    expect(config.trustProxy).toBe(true);
    expect(config.bodyLimitBytes).toBe(2048);
    expect(config.publicUrl).toBe("http://localhost:8080");
  });

  it.each(["abc", "70000", "-1", "3.5", "80 80"])("refuses PORT=%s", (port) => {
    expectRefused({ PORT: port }, "PORT");
  });

  it.each(["mysql://root@localhost/csp", "localhost:5432", "http://db.example/csp"])(
    "refuses DATABASE_URL=%s",
    (url) => {
      expectRefused({ DATABASE_URL: url }, "DATABASE_URL");
    },
  );

  it.each(["http://mail.example", "mail.example:25", "smtp//mail.example"])(
    "refuses SMTP_URL=%s",
    (url) => {
      expectRefused({ SMTP_URL: url }, "SMTP_URL");
    },
  );

  it("refuses other bad values, naming each", () => {
    expectRefused({ PUBLIC_URL: "csp.example.org" }, "PUBLIC_URL");
    expectRefused({ DEMO: "maybe" }, "DEMO");
    expectRefused({ LOG_LEVEL: "loud" }, "LOG_LEVEL");
    expectRefused({ BODY_LIMIT_BYTES: "10" }, "BODY_LIMIT_BYTES");
    expectRefused({ SESSION_DAYS: "0" }, "SESSION_DAYS");
  });

  it("names every bad variable at once", () => {
    const problems = problemsOf({ PORT: "x", DATABASE_URL: "mysql://x", SMTP_URL: "ftp://y" });
    const named = problems.map((problem) => problem.split(":")[0]).sort();
    expect(named).toEqual(["DATABASE_URL", "PORT", "SMTP_URL"]);
  });

  it("treats an empty variable as unset", () => {
    // `PORT=` in a compose file or shell must not mean "listen on a random port".
    const config = loadConfig({
      PORT: "",
      PUBLIC_URL: "",
      AUDIT_CHECKPOINT_MINUTES: "",
      DATABASE_URL: "",
      SMTP_URL: "",
    });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.auditCheckpointMinutes).toBe(60);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
  });

  it("makes cookies Secure when the public address is HTTPS", () => {
    const https = loadConfig({ PUBLIC_URL: "https://cities.example.org/" });
    expect(https.secureCookies).toBe(true);
    expect(https.publicUrl).toBe("https://cities.example.org");
    const http = loadConfig({ PUBLIC_URL: "http://cities.example.org" });
    expect(http.secureCookies).toBe(false);
  });
});
