import type { RouteObject } from "react-router";

/**
 * The accounts module's pages. Each page's code loads when it is first visited, so the first
 * page of the site carries none of them.
 */
export const accountsPages: RouteObject[] = [
  {
    path: "sign-in",
    lazy: async () => ({ Component: (await import("./sign-in/SignInPage.tsx")).SignInPage }),
  },
  {
    path: "sign-up",
    lazy: async () => ({ Component: (await import("./sign-up/SignUpPage.tsx")).SignUpPage }),
  },
  {
    path: "verify-email",
    lazy: async () => ({
      Component: (await import("./recovery/VerifyEmailPage.tsx")).VerifyEmailPage,
    }),
  },
  {
    path: "forgot-password",
    lazy: async () => ({
      Component: (await import("./recovery/ForgotPasswordPage.tsx")).ForgotPasswordPage,
    }),
  },
  {
    path: "reset-password",
    lazy: async () => ({
      Component: (await import("./recovery/ResetPasswordPage.tsx")).ResetPasswordPage,
    }),
  },
  {
    path: "account",
    lazy: async () => ({
      Component: (await import("./account/AccountLayout.tsx")).AccountLayout,
    }),
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import("./account/ProfileSection.tsx")).ProfileSection,
        }),
      },
      {
        path: "password",
        lazy: async () => ({
          Component: (await import("./account/PasswordSection.tsx")).PasswordSection,
        }),
      },
      {
        path: "two-factor",
        lazy: async () => ({
          Component: (await import("./account/TwoFactorSection.tsx")).TwoFactorSection,
        }),
      },
      {
        path: "sessions",
        lazy: async () => ({
          Component: (await import("./account/SessionsSection.tsx")).SessionsSection,
        }),
      },
      {
        path: "tokens",
        lazy: async () => ({
          Component: (await import("./account/ApiTokensSection.tsx")).ApiTokensSection,
        }),
      },
    ],
  },
];
