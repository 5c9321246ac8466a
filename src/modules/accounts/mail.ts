import { composeMail } from "../../core/mail/compose.ts";
import type { MailMessage } from "../../core/mail/mailer.ts";

type Locale = "en" | "fr" | "es";

interface Recipient {
  email: string;
  name: string;
  locale: string;
}

const footer = {
  en: "City Solutions Platform — cities and cleantech providers working on urban climate challenges.",
  fr: "Plateforme City Solutions — villes et fournisseurs de technologies propres face aux défis climatiques urbains.",
  es: "Plataforma City Solutions — ciudades y proveedores de tecnologías limpias ante los retos climáticos urbanos.",
};

const texts = {
  verify: {
    en: {
      subject: "Confirm your e-mail address",
      body: "Confirm your address to finish creating your account. The link works for 48 hours.",
      action: "Confirm my address",
    },
    fr: {
      subject: "Confirmez votre adresse e-mail",
      body: "Confirmez votre adresse pour terminer la création de votre compte. Le lien est valable 48 heures.",
      action: "Confirmer mon adresse",
    },
    es: {
      subject: "Confirme su dirección de correo",
      body: "Confirme su dirección para terminar de crear su cuenta. El enlace es válido durante 48 horas.",
      action: "Confirmar mi dirección",
    },
  },
  alreadyRegistered: {
    en: {
      subject: "You already have an account",
      body: "Someone tried to create an account with this address, which already has one. If it was you, sign in or reset your password. If not, you can ignore this mail.",
      action: "Reset my password",
    },
    fr: {
      subject: "Vous avez déjà un compte",
      body: "Quelqu'un a essayé de créer un compte avec cette adresse, qui en a déjà un. Si c'était vous, connectez-vous ou réinitialisez votre mot de passe. Sinon, ignorez ce message.",
      action: "Réinitialiser mon mot de passe",
    },
    es: {
      subject: "Ya tiene una cuenta",
      body: "Alguien intentó crear una cuenta con esta dirección, que ya tiene una. Si fue usted, inicie sesión o restablezca su contraseña. Si no, ignore este mensaje.",
      action: "Restablecer mi contraseña",
    },
  },
  reset: {
    en: {
      subject: "Reset your password",
      body: "Use this link to choose a new password. It works once, for one hour. If you did not ask for it, ignore this mail: your password stays as it is.",
      action: "Choose a new password",
    },
    fr: {
      subject: "Réinitialisez votre mot de passe",
      body: "Utilisez ce lien pour choisir un nouveau mot de passe. Il fonctionne une fois, pendant une heure. Si vous ne l'avez pas demandé, ignorez ce message.",
      action: "Choisir un nouveau mot de passe",
    },
    es: {
      subject: "Restablezca su contraseña",
      body: "Use este enlace para elegir una nueva contraseña. Funciona una vez, durante una hora. Si no lo pidió, ignore este mensaje.",
      action: "Elegir una nueva contraseña",
    },
  },
  passwordChanged: {
    en: {
      subject: "Your password was changed",
      body: "The password of your account was just changed and your other sessions were signed out. If this was not you, reset your password now.",
      action: "Reset my password",
    },
    fr: {
      subject: "Votre mot de passe a été modifié",
      body: "Le mot de passe de votre compte vient d'être modifié et vos autres sessions ont été fermées. Si ce n'était pas vous, réinitialisez-le maintenant.",
      action: "Réinitialiser mon mot de passe",
    },
    es: {
      subject: "Su contraseña fue cambiada",
      body: "La contraseña de su cuenta acaba de cambiar y sus otras sesiones se cerraron. Si no fue usted, restablézcala ahora.",
      action: "Restablecer mi contraseña",
    },
  },
} satisfies Record<string, Record<Locale, { subject: string; body: string; action: string }>>;

const greeting = { en: "Hello", fr: "Bonjour", es: "Hola" };

function localeOf(recipient: Recipient): Locale {
  return recipient.locale === "fr" || recipient.locale === "es" ? recipient.locale : "en";
}

export function accountMail(
  kind: keyof typeof texts,
  recipient: Recipient,
  url: string,
): MailMessage {
  const locale = localeOf(recipient);
  const text = texts[kind][locale];
  return composeMail({
    to: recipient.email,
    subject: text.subject,
    greeting: `${greeting[locale]} ${recipient.name},`,
    paragraphs: [text.body],
    action: { label: text.action, url },
    footer: footer[locale],
  });
}
