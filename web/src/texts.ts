/** The app's own words, in Dutch and English; the report's words come from the server. */
export type Language = "nl" | "en";

export const TEXTS = {
  nl: {
    appName: "Koers",
    signInHeading: "Aanmelden",
    email: "E-mailadres",
    password: "Wachtwoord",
    signIn: "Aanmelden",
    signOut: "Afmelden",
    signedInAs: (email: string) => `Aangemeld als ${email}`,
    plan: "Jaarplan",
    period: "Periode",
    exceptionsOnly: "Alleen uitzonderingen",
    exceptions: (n: number) => (n === 1 ? "1 uitzondering" : `${n} uitzonderingen`),
    loading: "Bezig met laden…",
    switchLanguage: "English",
    switchLanguageLabel: "Switch to English",
    report: "Rapport (HTML)",
    notes: "Toelichtingen",
    stateLabel: { open: "open", closed: "gesloten", published: "gepubliceerd" } as Record<
      string,
      string
    >,
  },
  en: {
    appName: "Koers",
    signInHeading: "Sign in",
    email: "E-mail address",
    password: "Password",
    signIn: "Sign in",
    signOut: "Sign out",
    signedInAs: (email: string) => `Signed in as ${email}`,
    plan: "Annual plan",
    period: "Period",
    exceptionsOnly: "Exceptions only",
    exceptions: (n: number) => (n === 1 ? "1 exception" : `${n} exceptions`),
    loading: "Loading…",
    switchLanguage: "Nederlands",
    switchLanguageLabel: "Naar het Nederlands",
    report: "Report (HTML)",
    notes: "Explanations",
    stateLabel: { open: "open", closed: "closed", published: "published" } as Record<
      string,
      string
    >,
  },
} as const;
