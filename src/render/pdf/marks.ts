/** Drawing the typesetter's marks with pdfkit: text lines as tagged content, boxes and rules as artifacts. */
import SVGtoPDF from 'svg-to-pdfkit';
import { strFromU8 } from 'fflate';
import type { Fragment, ImageMark, LineMark, LogoMark, Mark, RectMark, RuleMark } from '../../layout/display.js';
import type { LinkInline } from '../../model/briefing.js';
import { plainText } from '../../model/text.js';
import { textOptions } from './inlines.js';
import { goToPage, useFont, type LinkTarget, type State, type StructElement } from './state.js';
import { drawText } from './text.js';

/** `link`: the link the fragment is drawn into, for its annotation. */
function drawFragment(state: State, line: LineMark, fragment: Fragment, link?: LinkTarget): void {
  const { doc } = state;
  useFont(state, fragment.face);
  doc.fontSize(fragment.size);
  // pdfkit puts the top of the font's ascent at y; the typesetter gives baselines.
  drawText(doc, fragment, line.x + fragment.x, line.baseline - fragment.face.ascent * fragment.size, textOptions(fragment), link);
}

function paintRect(state: State, mark: RectMark): void {
  state.doc.rect(mark.x, mark.y, mark.width, mark.height).fill(mark.fill);
}
function paintRule(state: State, mark: RuleMark): void {
  state.doc.moveTo(mark.x1, mark.y1).lineTo(mark.x2, mark.y2).lineWidth(mark.thickness).strokeColor(mark.colour).stroke();
}

/** Decoration: drawn outside the structure tree, marked as an artifact. */
export function drawArtifact(state: State, mark: Mark, type: 'Layout' | 'Pagination' = 'Layout'): void {
  goToPage(state, mark.page);
  state.doc.markContent('Artifact', { type });
  switch (mark.type) {
    case 'rect':
      paintRect(state, mark);
      break;
    case 'rule':
      paintRule(state, mark);
      break;
    case 'line':
      for (const fragment of mark.fragments) drawFragment(state, mark, fragment);
      break;
    case 'image':
      break; // images are content (Figure), never decoration
    case 'logo':
      paintLogo(state, mark); // a decorative logo
      break;
  }
  state.doc.endMarkedContent();
}

/** A text line as content of `parent`; link fragments go into one Link element per link, for its annotation. */
export function drawLine(state: State, parent: StructElement, line: LineMark): void {
  goToPage(state, line.page);
  let batch: Fragment[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    const fragments = batch;
    batch = [];
    parent.add(() => {
      for (const fragment of fragments) drawFragment(state, line, fragment);
    });
  };
  for (const fragment of line.fragments) {
    const link = fragment.link;
    if (!link) {
      batch.push(fragment);
      continue;
    }
    flush();
    const target = state.links.get(link) ?? linkTarget(state, parent, link);
    target.element.add(() => drawFragment(state, line, fragment, target));
  }
  flush();
}

/**
 * The Link element of `link`, made on its first fragment (a link broken across lines is one element), with the
 * description a screen reader gives for it: its title, else its text and address.
 */
function linkTarget(state: State, parent: StructElement, link: LinkInline): LinkTarget {
  const description = link.title ?? `${plainText(link.children)} (${link.url})`;
  const target = { element: state.doc.struct('Link', { alt: description }), description };
  parent.add(target.element);
  state.links.set(link, target);
  return target;
}

export function drawImage(state: State, parent: StructElement, mark: ImageMark): void {
  goToPage(state, mark.page);
  const bytes = Buffer.from(mark.block.data, 'base64');
  parent.add(() => {
    state.doc.image(bytes, mark.x, mark.y, { width: mark.width, height: mark.height });
  });
}

/** The logo in its box: an SVG as vectors (svg-to-pdfkit), a PNG as the image it is. */
function paintLogo(state: State, mark: LogoMark): void {
  const { logo } = mark;
  if (logo.kind === 'png') state.doc.image(Buffer.from(logo.data), mark.x, mark.y, { width: mark.width, height: mark.height });
  else SVGtoPDF(state.doc, strFromU8(logo.data), mark.x, mark.y, { width: mark.width, height: mark.height, preserveAspectRatio: 'xMidYMid meet', assumePt: true });
}

/** A logo that carries meaning: content of its Figure element. */
export function drawLogo(state: State, parent: StructElement, mark: LogoMark): void {
  goToPage(state, mark.page);
  parent.add(() => paintLogo(state, mark));
}
