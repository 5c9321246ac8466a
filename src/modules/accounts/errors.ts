import { defineErrors } from "../../core/http/problem.ts";

export const accountErrors = defineErrors({
  weakPassword: { status: 400, title: "Choose a stronger password" },
  invalidCredentials: { status: 401, title: "E-mail or password is wrong" },
  emailNotVerified: { status: 403, title: "Confirm your e-mail address first" },
  accountDisabled: { status: 403, title: "This account is disabled" },
  tokenInvalid: { status: 400, title: "This link is invalid or has expired" },
  secondFactorInvalid: { status: 401, title: "The code is wrong or already used" },
  secondFactorNotPending: { status: 409, title: "No sign-in is waiting for a code" },
  twoFactorNotSetUp: { status: 409, title: "Set up two-factor sign-in first" },
  twoFactorAlreadyOn: { status: 409, title: "Two-factor sign-in is already on" },
  twoFactorRequiredForAdmins: {
    status: 409,
    title: "Platform admins must keep two-factor sign-in",
  },
  tooManyAttempts: { status: 429, title: "Too many attempts; try again later" },
  lastAdmin: { status: 409, title: "The platform must keep at least one admin" },
  notFound: { status: 404, title: "User not found" },
});
