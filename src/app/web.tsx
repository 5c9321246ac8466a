// First: zod's setting must be in place before any contract builds a schema.
import "./web/zod-config.ts";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { accountsCatalogue } from "../modules/accounts/web/locales.ts";
import { accountsPages } from "../modules/accounts/web/routes.tsx";
import { catalogueCatalogue } from "../modules/catalogue/web/locales.ts";
import { cataloguePages } from "../modules/catalogue/web/routes.tsx";
import { challengesCatalogue } from "../modules/challenges/web/locales.ts";
import { challengesPages } from "../modules/challenges/web/routes.tsx";
import { consortiaCatalogue } from "../modules/consortia/web/locales.ts";
import { consortiaPages } from "../modules/consortia/web/routes.tsx";
import { eventsCatalogue } from "../modules/events/web/locales.ts";
import { eventsPages } from "../modules/events/web/routes.tsx";
import { exchangeCatalogue } from "../modules/exchange/web/locales.ts";
import { exchangePages } from "../modules/exchange/web/routes.tsx";
import { fundingCatalogue } from "../modules/funding/web/locales.ts";
import { fundingPages } from "../modules/funding/web/routes.tsx";
import { hackathonsCatalogue } from "../modules/hackathons/web/locales.ts";
import { hackathonsPages } from "../modules/hackathons/web/routes.tsx";
import { insightsCatalogue } from "../modules/insights/web/locales.ts";
import { insightsPages } from "../modules/insights/web/routes.tsx";
import { matchmakingCatalogue } from "../modules/matchmaking/web/locales.ts";
import { notificationsCatalogue } from "../modules/notifications/web/locales.ts";
import {
  notificationsAccountSection,
  notificationsPages,
} from "../modules/notifications/web/routes.tsx";
import { organisationsCatalogue } from "../modules/organisations/web/locales.ts";
import { organisationsPages } from "../modules/organisations/web/routes.tsx";
import { procurementCatalogue } from "../modules/procurement/web/locales.ts";
import { procurementPages } from "../modules/procurement/web/routes.tsx";
import { referencesCatalogue } from "../modules/references/web/locales.ts";
import { referencesPages } from "../modules/references/web/routes.tsx";
import { isApiError } from "../ui/api/api-error.ts";
import { registerCatalogue, startI18n } from "../ui/i18n/i18n.ts";
import { AppLayout } from "./web/AppLayout.tsx";
import { HomePage } from "./web/HomePage.tsx";
import { appCatalogue } from "./web/locales.ts";
import { NotFoundPage } from "./web/NotFoundPage.tsx";
import { RouteError } from "./web/RouteError.tsx";
import { StartingUp } from "./web/StartingUp.tsx";
import "../ui/styles/index.css";

/**
 * The single-page app: the composition root that knows every module's pages and texts.
 * The home page ships with the first load; every other page loads its code on first visit.
 */
registerCatalogue("app", appCatalogue);
registerCatalogue("accounts", accountsCatalogue);
registerCatalogue("organisations", organisationsCatalogue);
registerCatalogue("challenges", challengesCatalogue);
registerCatalogue("notifications", notificationsCatalogue);
registerCatalogue("catalogue", catalogueCatalogue);
registerCatalogue("exchange", exchangeCatalogue);
registerCatalogue("matchmaking", matchmakingCatalogue);
registerCatalogue("consortia", consortiaCatalogue);
registerCatalogue("procurement", procurementCatalogue);
registerCatalogue("events", eventsCatalogue);
registerCatalogue("references", referencesCatalogue);
registerCatalogue("insights", insightsCatalogue);
registerCatalogue("hackathons", hackathonsCatalogue);
registerCatalogue("funding", fundingCatalogue);

/**
 * The session ended or changed elsewhere (expired, signed out or in again in another tab): ask
 * who we are again, which also fetches the current anti-forgery token for the next write.
 */
function refreshSessionAfter(error: unknown): void {
  const sessionGone = isApiError(error) && error.status === 401 && error.code === "unauthenticated";
  const tokenStale = isApiError(error) && error.code === "csrf_token_invalid";
  if (sessionGone || tokenStale) void queryClient.invalidateQueries({ queryKey: ["session"] });
}

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change by asking again; a network or server failure may.
      retry: (failures, error) =>
        failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
  queryCache: new QueryCache({ onError: (error) => refreshSessionAfter(error) }),
  mutationCache: new MutationCache({ onError: (error) => refreshSessionAfter(error) }),
});

const router = createBrowserRouter([
  {
    path: "/",
    Component: AppLayout,
    // Shown while the first page's code arrives, before the layout can render.
    HydrateFallback: StartingUp,
    children: [
      {
        // Pathless, so a page that fails still shows inside the header and footer.
        ErrorBoundary: RouteError,
        children: [
          { index: true, Component: HomePage },
          ...accountsPages([notificationsAccountSection]),
          ...organisationsPages,
          ...challengesPages,
          ...notificationsPages,
          ...cataloguePages,
          ...exchangePages,
          ...consortiaPages,
          ...procurementPages,
          ...eventsPages,
          ...referencesPages,
          ...insightsPages,
          ...hackathonsPages,
          ...fundingPages,
          {
            path: "admin",
            lazy: async () => ({ Component: (await import("./web/AdminPage.tsx")).AdminPage }),
          },
          {
            path: "dev/mail",
            lazy: async () => ({
              Component: (await import("./web/DevMailboxPage.tsx")).DevMailboxPage,
            }),
          },
          // Small, and also the error page's 404 view, so it ships with the app.
          { path: "*", Component: NotFoundPage },
        ],
      },
    ],
  },
]);

// Render even if a translation file failed to load: the page still works, with its text keys.
startI18n().finally(() => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
});
