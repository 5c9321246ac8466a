import { composeMail } from "../../core/mail/compose.ts";
import type { MailMessage } from "../../core/mail/mailer.ts";

type Locale = "en" | "fr" | "es";

const invitation = {
  en: {
    subject: (org: string) => `You are invited to join ${org}`,
    body: (inviter: string, org: string, role: string) =>
      `${inviter} invites you to join ${org} on the City Solutions Platform as ${role === "admin" ? "an admin" : "a member"}. The invitation is valid for 14 days. Sign in (or create an account) with this e-mail address to accept it.`,
    action: "Open the invitation",
    greeting: "Hello,",
    footer:
      "City Solutions Platform — cities and cleantech providers working on urban climate challenges.",
  },
  fr: {
    subject: (org: string) => `Vous êtes invité·e à rejoindre ${org}`,
    body: (inviter: string, org: string, role: string) =>
      `${inviter} vous invite à rejoindre ${org} sur la plateforme City Solutions en tant que ${role === "admin" ? "administrateur·rice" : "membre"}. L'invitation est valable 14 jours. Connectez-vous (ou créez un compte) avec cette adresse pour l'accepter.`,
    action: "Ouvrir l'invitation",
    greeting: "Bonjour,",
    footer:
      "Plateforme City Solutions — villes et fournisseurs de technologies propres face aux défis climatiques urbains.",
  },
  es: {
    subject: (org: string) => `Le invitan a unirse a ${org}`,
    body: (inviter: string, org: string, role: string) =>
      `${inviter} le invita a unirse a ${org} en la plataforma City Solutions como ${role === "admin" ? "administrador/a" : "miembro"}. La invitación es válida durante 14 días. Inicie sesión (o cree una cuenta) con esta dirección para aceptarla.`,
    action: "Abrir la invitación",
    greeting: "Hola:",
    footer:
      "Plataforma City Solutions — ciudades y proveedores de tecnologías limpias ante los retos climáticos urbanos.",
  },
};

export function invitationMail(options: {
  to: string;
  locale: string;
  inviterName: string;
  organisationName: string;
  role: string;
  url: string;
}): MailMessage {
  const locale: Locale = options.locale === "fr" || options.locale === "es" ? options.locale : "en";
  const text = invitation[locale];
  return composeMail({
    to: options.to,
    subject: text.subject(options.organisationName),
    greeting: text.greeting,
    paragraphs: [text.body(options.inviterName, options.organisationName, options.role)],
    action: { label: text.action, url: options.url },
    footer: text.footer,
  });
}
