import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePlatformRole, requireUser } from "../../core/auth/actor.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../core/auth/session-cookie.ts";

import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { administerUser } from "./commands/administer-user.ts";
import { createApiToken, revokeApiToken } from "./commands/api-tokens.ts";
import { authenticate } from "./commands/authenticate.ts";
import { changePassword } from "./commands/change-password.ts";
import { requestPasswordReset, resetPassword } from "./commands/reset-password.ts";
import { completeSecondFactor, type SignedIn, signIn, signOut } from "./commands/sign-in.ts";
import { signUp } from "./commands/sign-up.ts";
import { beginTwoFactorSetup, disableTwoFactor, enableTwoFactor } from "./commands/two-factor.ts";
import { resendVerification, verifyEmail } from "./commands/verify-email.ts";
import {
  Accepted,
  AdminUser,
  AdminUserList,
  AdminUserPatch,
  AdminUserQuery,
  ApiTokenSummary,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  CurrentUser,
  EmailBody,
  PasswordResetBody,
  PasswordStrength,
  PasswordStrengthBody,
  ProfilePatch,
  SecondFactorBody,
  SessionState,
  SessionSummary,
  SignInBody,
  SignInResult,
  SignUpBody,
  TokenBody,
  TotpEnabled,
  TotpSetup,
} from "./contract.ts";
import { accountErrors } from "./errors.ts";
import { assessPassword } from "./passwords.ts";
import {
  presentAdminUser,
  presentApiToken,
  presentCurrentUser,
  presentSessionSummary,
} from "./presenters.ts";
import {
  deleteSession,
  findUserById,
  listApiTokensOfUser,
  listSessionsOfUser,
  searchUsers,
  updateUser,
} from "./repository.ts";
import type { AccountsContext } from "./settings.ts";

export interface AccountsRouteOptions {
  ctx: AccountsContext;
  secureCookies: boolean;
}

const tags = ["accounts"];
const adminTags = ["admin"];

export const accountsRoutes: FastifyPluginAsyncZod<AccountsRouteOptions> = async (
  app,
  { ctx, secureCookies },
) => {
  const credentialsOf = (request: FastifyRequest) => ({
    sessionToken: request.cookies[SESSION_COOKIE],
    bearerToken: undefined,
  });

  const setSessionCookie = (reply: FastifyReply, signedIn: SignedIn) => {
    const maxAge = Math.max(
      1,
      Math.floor((signedIn.session.expiresAt.getTime() - ctx.clock.now().getTime()) / 1000),
    );
    reply.setCookie(
      SESSION_COOKIE,
      signedIn.sessionToken,
      sessionCookieOptions(secureCookies, maxAge),
    );
  };

  const sessionStateOf = (signedIn: SignedIn): SessionState => ({
    user:
      signedIn.status === "signed_in" ? presentCurrentUser(signedIn.user, signedIn.session) : null,
    csrfToken: signedIn.status === "signed_in" ? signedIn.session.csrfToken : null,
    pendingSecondFactor: signedIn.status === "second_factor_required",
    demo: ctx.demo,
  });

  app.get(
    "/api/v1/session",
    {
      // It carries the anti-forgery token: never compressed, so its length tells nothing (BREACH).
      compress: false,
      schema: {
        tags,
        summary: "Who is signed in, with the anti-forgery token for writes",
        response: { 200: SessionState },
      },
    },
    async (request) => {
      const auth = await authenticate(ctx, credentialsOf(request));
      return {
        user:
          auth.actor.kind === "user" && auth.user
            ? presentCurrentUser(auth.user, auth.session)
            : null,
        csrfToken: auth.actor.kind === "user" ? auth.csrfToken : null,
        pendingSecondFactor: auth.session?.pendingSecondFactor ?? false,
        demo: ctx.demo,
      };
    },
  );

  app.post(
    "/api/v1/session",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "Sign in with e-mail and password",
        body: SignInBody,
        response: { 200: SignInResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const signedIn = await signIn(ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        previousSessionToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, signedIn);
      return { status: signedIn.status, session: sessionStateOf(signedIn) };
    },
  );

  app.post(
    "/api/v1/session/second-factor",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "Finish a two-factor sign-in with an authenticator or recovery code",
        body: SecondFactorBody,
        response: { 200: SignInResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const signedIn = await completeSecondFactor(
        ctx,
        request.cookies[SESSION_COOKIE],
        request.body.code,
      );
      setSessionCookie(reply, signedIn);
      return { status: signedIn.status, session: sessionStateOf(signedIn) };
    },
  );

  app.delete(
    "/api/v1/session",
    { schema: { tags, summary: "Sign out", response: { 204: z.undefined() } } },
    async (request, reply) => {
      await signOut(ctx, request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/accounts",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "Create an account; a confirmation link is e-mailed",
        body: SignUpBody,
        response: { 202: Accepted, ...problemResponses },
      },
    },
    async (request, reply) => {
      await signUp(ctx, request.body, request.ip);
      return reply.status(202).send({
        status: "accepted",
        message: "If the address can be used, a confirmation link is on its way.",
      });
    },
  );

  app.post(
    "/api/v1/accounts/email-verification",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "Confirm an e-mail address with the token from the link",
        body: TokenBody,
        response: { 200: z.object({ email: z.string() }), ...problemResponses },
      },
    },
    async (request) => verifyEmail(ctx, request.body.token),
  );

  app.post(
    "/api/v1/accounts/email-verification/resend",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "Send a new confirmation link",
        body: EmailBody,
        response: { 202: Accepted, ...problemResponses },
      },
    },
    async (request, reply) => {
      await resendVerification(ctx, request.body.email, request.ip);
      return reply.status(202).send({
        status: "accepted",
        message: "If the address waits for confirmation, a new link is on its way.",
      });
    },
  );

  app.post(
    "/api/v1/password-reset",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "E-mail a password reset link",
        body: EmailBody,
        response: { 202: Accepted, ...problemResponses },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, request.ip);
      return reply.status(202).send({
        status: "accepted",
        message: "If the address has an account, a reset link is on its way.",
      });
    },
  );

  app.post(
    "/api/v1/password-reset/confirm",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "Choose a new password with the token from the reset link",
        body: PasswordResetBody,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/password-strength",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "How guessable a password is (the same check sign-up applies)",
        body: PasswordStrengthBody,
        response: { 200: PasswordStrength, ...problemResponses },
      },
    },
    async (request) =>
      assessPassword(request.body.password, [request.body.email ?? "", request.body.name ?? ""]),
  );

  app.get(
    "/api/v1/me",
    {
      schema: { tags, summary: "My profile", response: { 200: CurrentUser, ...problemResponses } },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const auth = await authenticate(ctx, credentialsOf(request));
      const user = await findUserById(ctx.db, actor.userId);
      if (!user) throw commonErrors.notFound();
      return presentCurrentUser(user, auth.session);
    },
  );

  app.patch(
    "/api/v1/me",
    {
      schema: {
        tags,
        summary: "Change my name or language",
        body: ProfilePatch,
        response: { 200: CurrentUser, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const user = await updateUser(ctx.db, actor.userId, {
        ...request.body,
        updatedAt: ctx.clock.now(),
      });
      if (!user) throw commonErrors.notFound();
      const auth = await authenticate(ctx, credentialsOf(request));
      return presentCurrentUser(user, auth.session);
    },
  );

  app.post(
    "/api/v1/me/password",
    {
      schema: {
        tags,
        summary: "Change my password (signs out my other sessions)",
        body: ChangePasswordBody,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await changePassword(ctx, actor.userId, actor.sessionId, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/me/two-factor/setup",
    {
      schema: {
        tags,
        summary: "Start setting up an authenticator app",
        response: { 200: TotpSetup, ...problemResponses },
      },
    },
    async (request) => beginTwoFactorSetup(ctx, requireUser(request.actor).userId),
  );

  app.post(
    "/api/v1/me/two-factor",
    {
      schema: {
        tags,
        summary: "Turn on two-factor sign-in with a code from the app; returns recovery codes",
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, "must be a 6-digit code"),
        }),
        response: { 200: TotpEnabled, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return enableTwoFactor(ctx, actor.userId, actor.sessionId, request.body.code);
    },
  );

  app.delete(
    "/api/v1/me/two-factor",
    {
      schema: {
        tags,
        summary: "Turn off two-factor sign-in (needs the password)",
        body: z.strictObject({ password: z.string().min(1).max(200) }),
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await disableTwoFactor(ctx, requireUser(request.actor).userId, request.body.password);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/me/sessions",
    {
      schema: {
        tags,
        summary: "My signed-in sessions",
        response: { 200: z.object({ sessions: z.array(SessionSummary) }), ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const rows = await listSessionsOfUser(ctx.db, actor.userId, ctx.clock.now());
      return { sessions: rows.map((row) => presentSessionSummary(row, actor.sessionId)) };
    },
  );

  app.delete(
    "/api/v1/me/sessions/:id",
    {
      schema: {
        tags,
        summary: "Sign out one of my sessions",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      if (!(await deleteSession(ctx.db, actor.userId, request.params.id)))
        throw commonErrors.notFound();
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/me/tokens",
    {
      schema: {
        tags,
        summary: "My personal API tokens",
        response: { 200: z.object({ tokens: z.array(ApiTokenSummary) }), ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return { tokens: (await listApiTokensOfUser(ctx.db, actor.userId)).map(presentApiToken) };
    },
  );

  app.post(
    "/api/v1/me/tokens",
    {
      schema: {
        tags,
        summary: "Create a personal API token (shown once)",
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      // Tokens cannot mint tokens: a leaked token must not be able to outlive its revocation.
      if (actor.via !== "session")
        throw commonErrors.forbidden("Create tokens from a signed-in session.");
      const { row, token } = await createApiToken(ctx, actor.userId, request.body);
      return reply.status(201).send({ ...presentApiToken(row), token });
    },
  );

  app.delete(
    "/api/v1/me/tokens/:id",
    {
      schema: {
        tags,
        summary: "Revoke a personal API token",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(ctx, requireUser(request.actor).userId, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/admin/users",
    {
      schema: {
        tags: adminTags,
        summary: "Find users (platform admins)",
        querystring: AdminUserQuery,
        response: { 200: AdminUserList, ...problemResponses },
      },
    },
    async (request) => {
      requirePlatformRole(request.actor, "admin");
      const { rows, total } = await searchUsers(ctx.db, request.query);
      return { users: rows.map(presentAdminUser), total };
    },
  );

  app.patch(
    "/api/v1/admin/users/:id",
    {
      schema: {
        tags: adminTags,
        summary: "Change a user's platform roles or disable the account (platform admins)",
        params: IdParams,
        body: AdminUserPatch,
        response: { 200: AdminUser, ...problemResponses },
      },
    },
    async (request) => {
      const admin = requirePlatformRole(request.actor, "admin");
      if (request.params.id === admin.userId && request.body.disabled) {
        throw accountErrors.lastAdmin("You cannot disable your own account.");
      }
      return presentAdminUser(
        await administerUser(ctx, admin.userId, request.params.id, request.body),
      );
    },
  );
};
