/**
 * A Word document → a draft: mammoth turns it into HTML with a style map (Word's Title, Heading n, Quote, Source
 * Code … into their HTML elements), then the HTML pipeline (html.ts) makes Markdown of it. Headings move down one
 * level because a Word document's Title is the briefing's title and its Heading 1 a `##` section.
 *
 * A document briefing wrote itself carries its front matter on the page: the header band (kind, title, subtitle,
 * date and place, participants), the Summary and Key points boxes, the pull quote, and the footer (prepared by,
 * distribution, source) and page header (classification). Those are read back into front-matter fields
 * (word-furniture.ts), so importing it gives the source it was built from.
 */
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type * as H from 'hast';
import { readWordParts } from './docx-parts.js';
import { hastToDraft, tidyHtml } from './html.js';
import type { Draft, Fields, Note, Picture } from './types.js';
import { readWordFurniture } from './word-furniture.js';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h5:fresh",
  "p[style-name='Heading 5'] => h6:fresh",
  "p[style-name='Heading 6'] => h6:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  // Pandoc's style for a block quote.
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote.intense > p:fresh",
  "p[style-name='Quote Attribution'] => p.quote-attribution:fresh",
  "p[style-name='Source Code'] => pre:separator('\\n')",
  "r[style-name='Verbatim Char'] => code",
  "p[style-name='caption'] => p.caption:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Horizontal Rule'] => hr:fresh",
  "p[style-name='Band Kicker'] => p.band-kicker:fresh",
  "p[style-name='Band Detail'] => p.band-detail:fresh",
  "p[style-name='Box Label'] => p.box-label:fresh",
  // Spacers that only shape the page.
  "p[style-name='Block Gap'] => !",
  "p[style-name='Column End'] => !",
  // Cell paragraphs aligned in Word (tagged by alignCells below) carry their alignment to the table's column.
  "p[style-name='briefing-align-left'] => p.align-left:fresh",
  "p[style-name='briefing-align-center'] => p.align-center:fresh",
  "p[style-name='briefing-align-right'] => p.align-right:fresh",
];

/** The few fields of mammoth's document elements this module reads; mammoth's typings do not describe them. */
interface WordElement {
  type: string;
  children?: WordElement[];
  alignment?: string | null;
  styleName?: string | null;
}

interface MammothTransforms {
  getDescendantsOfType(element: WordElement, type: string): WordElement[];
}

/**
 * The style map matches styles only, so a table cell's alignment (which Markdown keeps per column) is handed over
 * as a style name of our own on the cell's paragraphs.
 */
function alignCells(document: WordElement): WordElement {
  // mammoth.transforms is not in mammoth's typings; it is part of its documented API.
  const transforms = (mammoth as unknown as { transforms: MammothTransforms }).transforms;
  for (const table of transforms.getDescendantsOfType(document, 'table')) {
    for (const paragraph of transforms.getDescendantsOfType(table, 'paragraph')) {
      if (paragraph.alignment === 'left' || paragraph.alignment === 'center' || paragraph.alignment === 'right') {
        paragraph.styleName = `briefing-align-${paragraph.alignment}`;
      }
    }
  }
  return document;
}

export async function readDocx(bytes: Uint8Array): Promise<Draft> {
  const notes: Note[] = [];
  const pictures: Picture[] = [];
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      styleMap: STYLE_MAP,
      // Never follow a link in the document to a file elsewhere on this machine.
      externalFileAccess: false,
      transformDocument: alignCells,
      convertImage: mammoth.images.imgElement(async (image) => {
        const extension = image.contentType === 'image/png' ? 'png' : image.contentType === 'image/jpeg' ? 'jpg' : null;
        if (!extension) {
          notes.push({ kind: 'removed', origin: null, message: `a picture of type ${image.contentType}: a briefing shows PNG and JPEG pictures` });
          return { src: '' };
        }
        const placeholder = `picture-${pictures.length + 1}.${extension}`;
        pictures.push({ placeholder, extension, bytes: new Uint8Array(await image.readAsBuffer()) });
        return { src: placeholder };
      }),
    },
  );
  const tree = unified().use(rehypeParse, { fragment: true }).parse(result.value);
  const fields: Fields = {};
  const ownDocument = readWordFurniture(tree, readWordParts(bytes), fields);
  tidyHtml(tree, notes);
  const draft = await hastToDraft(tree as H.Root, fields, notes, ownDocument);
  draft.pictures = pictures;
  return draft;
}
