import { z } from "zod";
import { Email, IsoDateTime, Locale, Uuid } from "../../core/http/contract.ts";

/** Schemas of the accounts API, shared by the server and the web app. */

export const PlatformRole = z.enum(["admin", "moderator"]);
export type PlatformRole = z.infer<typeof PlatformRole>;

const Password = z.string().min(1, "is required").max(200, "must be at most 200 characters");
const PersonName = z.string().trim().min(1, "is required").max(120);
const TotpCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/i, "must be a 6-digit code or a recovery code");
const OneTimeToken = z.string().min(20).max(200);

export const SignUpBody = z.strictObject({
  email: Email,
  name: PersonName,
  password: Password,
  locale: Locale.default("en"),
});
export type SignUpBody = z.input<typeof SignUpBody>;

export const EmailBody = z.strictObject({ email: Email });
export const TokenBody = z.strictObject({ token: OneTimeToken });

export const SignInBody = z.strictObject({ email: Email, password: Password });
export type SignInBody = z.input<typeof SignInBody>;

export const SecondFactorBody = z.strictObject({ code: TotpCode });

export const PasswordResetBody = z.strictObject({ token: OneTimeToken, password: Password });

export const ChangePasswordBody = z.strictObject({
  currentPassword: Password,
  newPassword: Password,
});

export const ProfilePatch = z.strictObject({
  name: PersonName.optional(),
  locale: Locale.optional(),
});

export const CurrentUser = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    locale: Locale,
    emailVerified: z.boolean(),
    /** Roles held; powers are in force only when `secondFactorVerified`. */
    platformRoles: z.array(PlatformRole),
    twoFactorEnabled: z.boolean(),
    /** Admins must turn on two-factor sign-in before their admin powers work. */
    twoFactorRequired: z.boolean(),
    secondFactorVerified: z.boolean(),
  })
  .meta({ id: "CurrentUser" });
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionState = z
  .object({
    user: CurrentUser.nullable(),
    /** Echo as X-CSRF-Token on writes made with the session cookie. */
    csrfToken: z.string().nullable(),
    /** The session waits for a two-factor code before it grants anything. */
    pendingSecondFactor: z.boolean(),
    demo: z.boolean(),
  })
  .meta({ id: "SessionState" });
export type SessionState = z.infer<typeof SessionState>;

export const SignInResult = z.object({
  status: z.enum(["signed_in", "second_factor_required"]),
  session: SessionState,
});
export type SignInResult = z.infer<typeof SignInResult>;

export const Accepted = z.object({ status: z.literal("accepted"), message: z.string() });

export const TotpSetup = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetup>;

export const TotpEnabled = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpEnabled = z.infer<typeof TotpEnabled>;

export const SessionSummary = z.object({
  id: Uuid,
  current: z.boolean(),
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  expiresAt: IsoDateTime,
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const ApiTokenSummary = z.object({
  id: Uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export type ApiTokenSummary = z.infer<typeof ApiTokenSummary>;

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80),
  expiresInDays: z.number().int().min(1).max(730).nullable().default(90),
});
export type CreateApiTokenBody = z.input<typeof CreateApiTokenBody>;

export const CreatedApiToken = ApiTokenSummary.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
});
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

export const PasswordStrengthBody = z.strictObject({
  password: Password,
  email: z.string().max(254).optional(),
  name: z.string().max(120).optional(),
});

export const PasswordStrength = z.object({
  score: z.number().int().min(0).max(4),
  acceptable: z.boolean(),
  warning: z.string().nullable(),
  suggestions: z.array(z.string()),
});
export type PasswordStrength = z.infer<typeof PasswordStrength>;

// Admin area
export const AdminUser = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    platformRoles: z.array(PlatformRole),
    twoFactorEnabled: z.boolean(),
    disabled: z.boolean(),
    createdAt: IsoDateTime,
  })
  .meta({ id: "AdminUser" });
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const AdminUserList = z.object({
  users: z.array(AdminUser),
  total: z.number().int(),
});
export type AdminUserList = z.infer<typeof AdminUserList>;

export const AdminUserPatch = z.strictObject({
  platformRoles: z.array(PlatformRole).max(2).optional(),
  disabled: z.boolean().optional(),
});
export type AdminUserPatch = z.infer<typeof AdminUserPatch>;

export const DemoAccount = z.object({
  email: z.string(),
  password: z.string(),
  /** In English, for the console; pages translate roleKey. */
  role: z.string(),
  roleKey: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  totpSecret: z.string().nullable(),
  /** The current code, so a demo admin can sign in without an authenticator app. */
  totpCode: z.string().nullable(),
});
export type DemoAccount = z.infer<typeof DemoAccount>;
