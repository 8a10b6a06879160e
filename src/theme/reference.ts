/**
 * A template's reference.docx (Pandoc's convention): read once with the template, so a damaged one is an error naming
 * the file before anything is written, not a failure inside the DOCX emitter.
 */
import { strFromU8, unzipSync } from 'fflate';

/** What the DOCX emitter takes from a reference document: its styles, and its theme (fonts and colours) when it has one. */
export interface ReferenceDocx {
  /** Where it was read from, for the messages that name it. */
  path: string;
  /** The text of its word/styles.xml. */
  styles: string;
  theme?: Uint8Array;
}

const STYLES = 'word/styles.xml';
const THEME = 'word/theme/theme1.xml';

/** The reference's parts, or a message (to follow its path) saying what is wrong with it and what to do. */
export function readReferenceDocx(path: string, bytes: Uint8Array): ReferenceDocx | { problem: string } {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => f.name === STYLES || f.name === THEME });
  } catch {
    return { problem: 'is not a Word document (it is not a zip file): save it from Word or LibreOffice as .docx, or remove it' };
  }
  const styles = parts[STYLES];
  const text = styles ? strFromU8(styles) : '';
  if (!/<w:styles[\s>]/.test(text)) {
    return { problem: 'is not a Word document (it has no word/styles.xml): save it from Word or LibreOffice as .docx, or remove it' };
  }
  const theme = parts[THEME];
  return { path, styles: text, ...(theme ? { theme } : {}) };
}
