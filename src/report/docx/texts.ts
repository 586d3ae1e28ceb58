/** The few words only the Word document needs, and the language tag Word spells checks with. */
import type { Language } from "../../domain/plan.js";

export interface DocxTexts {
  /** The tag of the document's language, as Word's w:lang wants it. */
  readonly languageTag: string;
  /** The footer's words around the page fields: "Pagina 3 van 9". */
  readonly page: string;
  readonly of: string;
}

export const DOCX_TEXTS: Record<Language, DocxTexts> = {
  nl: { languageTag: "nl-NL", page: "Pagina", of: "van" },
  en: { languageTag: "en-GB", page: "Page", of: "of" },
};
