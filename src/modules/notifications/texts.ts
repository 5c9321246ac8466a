import { type NotificationKind, paramsWithMoments } from "./contract.ts";

/**
 * What each kind of notification says, per language. The web app's catalogues
 * (web/locales/*.json, "kinds") carry the same wording — a test holds them equal — so the list
 * in the app and the e-mails never disagree. Placeholders are i18next's {{name}}.
 */
export type TextLocale = "en" | "fr" | "es";

export interface KindTexts {
  /** The kind as a person chooses its delivery ("Questions about my city's challenges"). */
  name: string;
  /** One notification, in a sentence; also the subject of its own e-mail. */
  line: string;
}

export const kindTexts: Record<TextLocale, Record<NotificationKind, KindTexts>> = {
  en: {
    challenge_question: {
      name: "Questions about my city's challenges",
      line: "A provider asked a question about “{{challenge}}”.",
    },
    challenge_answer: {
      name: "Answers on challenges I follow",
      line: "A question about “{{challenge}}” was answered.",
    },
    challenge_timeline: {
      name: "Deadline changes on challenges I follow",
      line: "A deadline of “{{challenge}}” was moved later.",
    },
    challenge_status: {
      name: "Status changes of challenges I follow",
      line: "“{{challenge}}” has a new status.",
    },
    challenge_idea: {
      name: "New ideas on co-creation boards",
      line: "A new idea was posted on the co-creation board of “{{challenge}}”.",
    },
    content_hidden: {
      name: "Moderation of my contributions",
      line: "A moderator hid one of your contributions on “{{challenge}}”.",
    },
    saved_search_match: {
      name: "New matches for my saved searches",
      line: "A new challenge matches your saved search “{{search}}”: “{{challenge}}”.",
    },
    challenge_match: {
      name: "Challenges that fit my organisation's solutions",
      line: "“{{challenge}}” ({{city}}) fits your solution “{{solution}}”: {{fit}} fit; it covers {{covered}} of {{required}} required capabilities.",
    },
    award_made: {
      name: "Awards of challenges I bid for",
      line: "The award for “{{challenge}}” was made; the standstill runs until {{until}}.",
    },
    award_cancelled: {
      name: "Cancelled awards of challenges I bid for",
      line: "The award for “{{challenge}}” was cancelled: {{reason}}",
    },
    consortium_invitation: {
      name: "Invitations to consortia",
      line: "{{lead}} invites {{organisation}} to the consortium “{{consortium}}” for “{{challenge}}”.",
    },
    consortium_accepted: {
      name: "Answers to my consortia's invitations",
      line: "{{organisation}} joined the consortium “{{consortium}}” for “{{challenge}}”.",
    },
    consortium_declined: {
      name: "Declined invitations to my consortia",
      line: "{{organisation}} declined to join the consortium “{{consortium}}” for “{{challenge}}”.",
    },
    consortium_member_left: {
      name: "Members leaving my consortia",
      line: "{{organisation}} left the consortium “{{consortium}}” for “{{challenge}}”.",
    },
    consortium_lead_handed_over: {
      name: "Consortia my organisation now leads",
      line: "Your organisation now leads the consortium “{{consortium}}” for “{{challenge}}”.",
    },
    consortium_dissolved: {
      name: "Consortia dissolved",
      line: "{{lead}} dissolved the consortium “{{consortium}}” for “{{challenge}}”.",
    },
    event_seat: {
      name: "A seat for me at events I wait for",
      line: "A seat opened at “{{event}}”: you moved from the waitlist to registered.",
    },
    event_cancelled: {
      name: "Cancelled events I registered for",
      line: "“{{event}}” was cancelled by its hosts.",
    },
    meeting_request: {
      name: "Meeting requests for me at events",
      line: "{{requester}} asks to meet you at “{{event}}”.",
    },
    meeting_answered: {
      name: "Answers to my meeting requests",
      line: "{{recipient}} {{answer}} your meeting request at “{{event}}”.",
    },
    meetings_scheduled: {
      name: "My 1:1 meeting agendas at events",
      line: "Your 1:1 meetings at “{{event}}” are scheduled: see your agenda.",
    },
    meetings_changed: {
      name: "Changes to my 1:1 meetings at events",
      line: "Your 1:1 meeting agenda at “{{event}}” changed: a meeting moved or was dropped.",
    },
    hackathon_invitation: {
      name: "Invitations to hackathon teams",
      line: "{{inviter}} invites you to join the team “{{team}}” at “{{event}}”.",
    },
    hackathon_results: {
      name: "Results of hackathons I take part in",
      line: "The winners of “{{event}}” are announced: see the results and the gallery.",
    },
    reference_to_verify: {
      name: "References in my city to verify",
      line: "{{provider}} states that “{{solution}}” was deployed in {{city}}: verify or reject it.",
    },
    reference_verified: {
      name: "My references verified",
      line: "{{city}} verified your reference of “{{solution}}”.",
    },
    reference_rejected: {
      name: "My references rejected",
      line: "{{city}} rejected your reference of “{{solution}}”: {{reason}}",
    },
    funding_deadline: {
      name: "Deadlines of funding sources I follow",
      line: "“{{source}}” closes on {{date}}.",
    },
  },
  fr: {
    challenge_question: {
      name: "Questions sur les défis de ma ville",
      line: "Un fournisseur a posé une question sur « {{challenge}} ».",
    },
    challenge_answer: {
      name: "Réponses sur les défis que je suis",
      line: "Une question sur « {{challenge}} » a reçu une réponse.",
    },
    challenge_timeline: {
      name: "Échéances modifiées des défis que je suis",
      line: "Une échéance de « {{challenge}} » a été repoussée.",
    },
    challenge_status: {
      name: "Changements de statut des défis que je suis",
      line: "Le statut de « {{challenge}} » a changé.",
    },
    challenge_idea: {
      name: "Nouvelles idées de co-création",
      line: "Une nouvelle idée a été publiée sur le tableau de co-création de « {{challenge}} ».",
    },
    content_hidden: {
      name: "Modération de mes contributions",
      line: "Une personne de la modération a masqué l'une de vos contributions sur « {{challenge}} ».",
    },
    saved_search_match: {
      name: "Nouveaux résultats de mes recherches enregistrées",
      line: "Un nouveau défi correspond à votre recherche enregistrée « {{search}} » : « {{challenge}} ».",
    },
    challenge_match: {
      name: "Défis qui correspondent aux solutions de mon organisation",
      line: "« {{challenge}} » ({{city}}) correspond à votre solution « {{solution}} » : correspondance {{fit}} ; elle couvre {{covered}} des {{required}} capacités requises.",
    },
    award_made: {
      name: "Attributions des défis auxquels j'ai soumissionné",
      line: "L'attribution de « {{challenge}} » a été décidée ; le délai de suspension court jusqu'au {{until}}.",
    },
    award_cancelled: {
      name: "Attributions annulées des défis auxquels j'ai soumissionné",
      line: "L'attribution de « {{challenge}} » a été annulée : {{reason}}",
    },
    consortium_invitation: {
      name: "Invitations à des consortiums",
      line: "{{lead}} invite {{organisation}} dans le consortium « {{consortium}} » pour « {{challenge}} ».",
    },
    consortium_accepted: {
      name: "Réponses aux invitations de mes consortiums",
      line: "{{organisation}} a rejoint le consortium « {{consortium}} » pour « {{challenge}} ».",
    },
    consortium_declined: {
      name: "Invitations déclinées à mes consortiums",
      line: "{{organisation}} a décliné l'invitation au consortium « {{consortium}} » pour « {{challenge}} ».",
    },
    consortium_member_left: {
      name: "Départs de membres de mes consortiums",
      line: "{{organisation}} a quitté le consortium « {{consortium}} » pour « {{challenge}} ».",
    },
    consortium_lead_handed_over: {
      name: "Consortiums que mon organisation dirige désormais",
      line: "Votre organisation dirige désormais le consortium « {{consortium}} » pour « {{challenge}} ».",
    },
    consortium_dissolved: {
      name: "Consortiums dissous",
      line: "{{lead}} a dissous le consortium « {{consortium}} » pour « {{challenge}} ».",
    },
    event_seat: {
      name: "Une place pour moi aux événements où j'attends",
      line: "Une place s'est libérée pour « {{event}} » : vous passez de la liste d'attente aux inscrits.",
    },
    event_cancelled: {
      name: "Événements annulés auxquels je suis inscrit",
      line: "« {{event}} » a été annulé par ses organisateurs.",
    },
    meeting_request: {
      name: "Demandes de rendez-vous à des événements",
      line: "{{requester}} souhaite vous rencontrer à « {{event}} ».",
    },
    meeting_answered: {
      name: "Réponses à mes demandes de rendez-vous",
      line: "{{recipient}} a répondu à votre demande de rendez-vous à « {{event}} » : {{answer}}.",
    },
    meetings_scheduled: {
      name: "Mes programmes de rendez-vous aux événements",
      line: "Vos rendez-vous en tête-à-tête à « {{event}} » sont planifiés : consultez votre programme.",
    },
    meetings_changed: {
      name: "Changements de mes rendez-vous aux événements",
      line: "Votre programme de rendez-vous à « {{event}} » a changé : un rendez-vous a été déplacé ou retiré.",
    },
    hackathon_invitation: {
      name: "Invitations à rejoindre une équipe de hackathon",
      line: "{{inviter}} vous invite à rejoindre l'équipe « {{team}} » à « {{event}} ».",
    },
    hackathon_results: {
      name: "Résultats des hackathons auxquels je participe",
      line: "Les lauréats de « {{event}} » sont annoncés : consultez les résultats et la galerie.",
    },
    reference_to_verify: {
      name: "Références à vérifier dans ma ville",
      line: "{{provider}} indique que « {{solution}} » a été déployée à {{city}} : vérifiez-la ou rejetez-la.",
    },
    reference_verified: {
      name: "Mes références vérifiées",
      line: "{{city}} a vérifié votre référence de « {{solution}} ».",
    },
    reference_rejected: {
      name: "Mes références rejetées",
      line: "{{city}} a rejeté votre référence de « {{solution}} » : {{reason}}",
    },
    funding_deadline: {
      name: "Échéances des financements que je suis",
      line: "« {{source}} » se clôt le {{date}}.",
    },
  },
  es: {
    challenge_question: {
      name: "Preguntas sobre los retos de mi ciudad",
      line: "Un proveedor hizo una pregunta sobre «{{challenge}}».",
    },
    challenge_answer: {
      name: "Respuestas en los retos que sigo",
      line: "Se respondió una pregunta sobre «{{challenge}}».",
    },
    challenge_timeline: {
      name: "Cambios de plazos en los retos que sigo",
      line: "Se aplazó un plazo de «{{challenge}}».",
    },
    challenge_status: {
      name: "Cambios de estado de los retos que sigo",
      line: "«{{challenge}}» tiene un nuevo estado.",
    },
    challenge_idea: {
      name: "Nuevas ideas en los tableros de cocreación",
      line: "Se publicó una nueva idea en el tablero de cocreación de «{{challenge}}».",
    },
    content_hidden: {
      name: "Moderación de mis contribuciones",
      line: "La moderación ocultó una de sus contribuciones en «{{challenge}}».",
    },
    saved_search_match: {
      name: "Nuevas coincidencias con mis búsquedas guardadas",
      line: "Un nuevo reto coincide con su búsqueda guardada «{{search}}»: «{{challenge}}».",
    },
    challenge_match: {
      name: "Retos que encajan con las soluciones de mi organización",
      line: "«{{challenge}}» ({{city}}) encaja con su solución «{{solution}}»: encaje {{fit}}; cubre {{covered}} de {{required}} capacidades requeridas.",
    },
    award_made: {
      name: "Adjudicaciones de los retos a los que me presenté",
      line: "Se decidió la adjudicación de «{{challenge}}»; el periodo de espera dura hasta el {{until}}.",
    },
    award_cancelled: {
      name: "Adjudicaciones anuladas de los retos a los que me presenté",
      line: "Se anuló la adjudicación de «{{challenge}}»: {{reason}}",
    },
    consortium_invitation: {
      name: "Invitaciones a consorcios",
      line: "{{lead}} invita a {{organisation}} al consorcio «{{consortium}}» para «{{challenge}}».",
    },
    consortium_accepted: {
      name: "Respuestas a las invitaciones de mis consorcios",
      line: "{{organisation}} se unió al consorcio «{{consortium}}» para «{{challenge}}».",
    },
    consortium_declined: {
      name: "Invitaciones rechazadas a mis consorcios",
      line: "{{organisation}} rechazó unirse al consorcio «{{consortium}}» para «{{challenge}}».",
    },
    consortium_member_left: {
      name: "Miembros que dejan mis consorcios",
      line: "{{organisation}} dejó el consorcio «{{consortium}}» para «{{challenge}}».",
    },
    consortium_lead_handed_over: {
      name: "Consorcios que mi organización lidera ahora",
      line: "Su organización lidera ahora el consorcio «{{consortium}}» para «{{challenge}}».",
    },
    consortium_dissolved: {
      name: "Consorcios disueltos",
      line: "{{lead}} disolvió el consorcio «{{consortium}}» para «{{challenge}}».",
    },
    event_seat: {
      name: "Una plaza para mí en eventos en los que espero",
      line: "Se liberó una plaza en «{{event}}»: pasa de la lista de espera a inscrito.",
    },
    event_cancelled: {
      name: "Eventos cancelados en los que estoy inscrito",
      line: "«{{event}}» fue cancelado por sus organizadores.",
    },
    meeting_request: {
      name: "Solicitudes de reunión en eventos",
      line: "{{requester}} quiere reunirse con usted en «{{event}}».",
    },
    meeting_answered: {
      name: "Respuestas a mis solicitudes de reunión",
      line: "{{recipient}} respondió a su solicitud de reunión en «{{event}}»: {{answer}}.",
    },
    meetings_scheduled: {
      name: "Mis agendas de reuniones individuales en eventos",
      line: "Sus reuniones individuales en «{{event}}» están programadas: consulte su agenda.",
    },
    meetings_changed: {
      name: "Cambios en mis reuniones individuales en eventos",
      line: "Su agenda de reuniones en «{{event}}» cambió: una reunión se movió o se retiró.",
    },
    hackathon_invitation: {
      name: "Invitaciones a equipos de hackathons",
      line: "{{inviter}} le invita a unirse al equipo «{{team}}» en «{{event}}».",
    },
    hackathon_results: {
      name: "Resultados de los hackathons en los que participo",
      line: "Se han anunciado los ganadores de «{{event}}»: consulte los resultados y la galería.",
    },
    reference_to_verify: {
      name: "Referencias por verificar en mi ciudad",
      line: "{{provider}} indica que «{{solution}}» se desplegó en {{city}}: verifíquela o recháchela.",
    },
    reference_verified: {
      name: "Mis referencias verificadas",
      line: "{{city}} verificó su referencia de «{{solution}}».",
    },
    reference_rejected: {
      name: "Mis referencias rechazadas",
      line: "{{city}} rechazó su referencia de «{{solution}}»: {{reason}}",
    },
    funding_deadline: {
      name: "Plazos de las fuentes de financiación que sigo",
      line: "«{{source}}» cierra el {{date}}.",
    },
  },
};

/** The wording around notifications in e-mails (not shown in the app). */
export const mailTexts = {
  en: {
    greeting: "Hello {{name}},",
    open: "Open",
    allNotifications: "See all your notifications",
    dailySubject: "Your daily digest from the City Solutions Platform",
    weeklySubject: "Your weekly digest from the City Solutions Platform",
    digestIntro: "Here is what happened since your last digest:",
    more: "… and {{count}} more in the app.",
    preferences: "Choose which e-mails you get, and when: {{url}}",
    footer:
      "City Solutions Platform — cities and cleantech providers working on urban climate challenges.",
  },
  fr: {
    greeting: "Bonjour {{name}},",
    open: "Ouvrir",
    allNotifications: "Voir toutes vos notifications",
    dailySubject: "Votre résumé quotidien de la plateforme City Solutions",
    weeklySubject: "Votre résumé hebdomadaire de la plateforme City Solutions",
    digestIntro: "Voici ce qui s'est passé depuis votre dernier résumé :",
    more: "… et {{count}} de plus dans l'application.",
    preferences: "Choisissez quels e-mails vous recevez, et quand : {{url}}",
    footer:
      "Plateforme City Solutions — villes et fournisseurs de technologies propres face aux défis climatiques urbains.",
  },
  es: {
    greeting: "Hola, {{name}}:",
    open: "Abrir",
    allNotifications: "Ver todas sus notificaciones",
    dailySubject: "Su resumen diario de la plataforma City Solutions",
    weeklySubject: "Su resumen semanal de la plataforma City Solutions",
    digestIntro: "Esto es lo que pasó desde su último resumen:",
    more: "… y {{count}} más en la aplicación.",
    preferences: "Elija qué correos recibe y cuándo: {{url}}",
    footer:
      "Plataforma City Solutions — ciudades y proveedores de tecnologías limpias ante los retos climáticos urbanos.",
  },
} satisfies Record<TextLocale, Record<string, string>>;

export function textLocaleOf(locale: string): TextLocale {
  return locale === "fr" || locale === "es" ? locale : "en";
}

/**
 * Puts the params into a template, as i18next does on the web. Params are plain text: escaping
 * is the job of whoever puts the result into HTML. A missing param leaves an empty place rather
 * than a visible placeholder.
 */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_placeholder, name: string) =>
    Object.hasOwn(params, name) ? (params[name] ?? "") : "",
  );
}

// E-mail cannot know the reader's time zone: moments go in UTC, and say so.
const mailMoments = Object.fromEntries(
  (["en", "fr", "es"] as const).map((locale) => [
    locale,
    new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
    }),
  ]),
) as Record<TextLocale, Intl.DateTimeFormat>;

export function notificationLine(
  locale: TextLocale,
  kind: NotificationKind,
  params: Record<string, string>,
): string {
  const readable = paramsWithMoments(
    params,
    (moment) => `${mailMoments[locale].format(moment)} UTC`,
  );
  return fillTemplate(kindTexts[locale][kind].line, readable);
}
