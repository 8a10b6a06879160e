import { ImageRun, Paragraph } from 'docx';
import { pictureGeometryOf } from '../../../layout/layout.js';
import type { ImageBlock } from '../../../model/briefing.js';
import type { State } from '../state.js';
import { STYLE } from '../style-ids.js';
import { textRuns } from '../text.js';
import { pixels } from '../units.js';

/**
 * At the size the layout drew it (the drawing's extent; docx rounds it to EMUs), alt text as the picture's description
 * and title. The parser turned a rotated photo upright, so Word and LibreOffice need no rotation of their own.
 */
export function image(node: ImageBlock, state: State): Paragraph[] {
  const { width, height } = pictureGeometryOf(state.layout, node);
  const picture = new ImageRun({
    type: node.mime === 'image/png' ? 'png' : 'jpg',
    data: Buffer.from(node.data, 'base64'),
    transformation: { width: pixels(width), height: pixels(height) },
    altText: { id: state.drawingId(), name: node.src, description: node.alt, title: node.title ?? node.alt },
  });
  const figure = new Paragraph({ style: STYLE.figure, children: [picture] });
  return node.title ? [figure, new Paragraph({ style: STYLE.caption, children: textRuns(node.title, {}, state.theme.fonts.body) })] : [figure];
}
