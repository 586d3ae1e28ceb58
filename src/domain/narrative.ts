/** The written parts of a bundle: explanations of exceptions and narrative sections (pure data). */

export interface Explanation {
  readonly periodId: string;
  readonly indicatorId: string;
  readonly markdown: string;
  readonly file: string;
}

export interface Section {
  readonly periodId: string;
  readonly order: number;
  readonly heading: string;
  /** The section's Markdown after its heading line. */
  readonly markdown: string;
  readonly file: string;
}
