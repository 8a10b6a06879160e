import { ImageRun, Paragraph } from 'docx';
import type { ImageBlock } from '../../../model/briefing.js';
import type { State } from '../state.js';
import { STYLE } from '../style-ids.js';
import { textRuns } from '../text.js';
import { pixels } from '../units.js';

/** Scaled to the width available (the column), alt text as the picture's description and title. */
export function image(node: ImageBlock, state: State): Paragraph[] {
  const width = Math.max(1, Math.round(pixels(state.env.width)));
  const height = Math.max(1, Math.round((width * node.height) / Math.max(1, node.width)));
  const picture = new ImageRun({
    type: node.mime === 'image/png' ? 'png' : 'jpg',
    data: Buffer.from(node.data, 'base64'),
    transformation: { width, height },
    altText: { id: state.drawingId(), name: node.src, description: node.alt, title: node.title ?? node.alt },
  });
  const figure = new Paragraph({ style: STYLE.figure, children: [picture] });
  return node.title ? [figure, new Paragraph({ style: STYLE.caption, children: textRuns(node.title, {}, state.theme.fonts.body) })] : [figure];
}
