import type { ComponentType } from "react";
import type { RouteObject } from "react-router";

/**
 * A section another module adds to the account area (Account → E-mail notifications). The app
 * passes these in, so accounts knows no other module; the layout lists them after its own.
 */
export interface AccountSection {
  /** Under /account/. */
  path: string;
  /** Its name in the account navigation, from the adding module's catalogue. */
  label: { namespace: string; key: string };
  load: () => Promise<ComponentType>;
}

/** What the account route carries for AccountLayout (read with useMatches). */
export interface AccountAreaHandle {
  accountSections: AccountSection[];
}

/**
 * The accounts module's pages, with the account sections other modules add. Each page's code
 * loads when it is first visited, so the first page of the site carries none of them.
 */
export const accountsPages = (sections: AccountSection[] = []): RouteObject[] => [
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
    handle: { accountSections: sections } satisfies AccountAreaHandle,
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
      ...sections.map((section) => ({
        path: section.path,
        lazy: async () => ({ Component: await section.load() }),
      })),
    ],
  },
];
