/**
 * One painter per inline kind: how text inside that kind is drawn beyond its face and colour (which the typesetter
 * already chose). Links and strike-through are decorations pdfkit draws with the text.
 */
import type { InlineKind } from '../../model/briefing.js';
import type { Fragment } from '../../layout/display.js';

type TextOptions = PDFKit.Mixins.TextOptions;
type InlinePainters = { [K in InlineKind]: (fragment: Fragment, options: TextOptions) => void };

const none = (): void => {};

export const inlinePainters: InlinePainters = {
  text: none,
  strong: none,
  emphasis: none,
  code: none,
  break: none,
  strikethrough: (_fragment, options) => {
    options.strike = true;
  },
  link: (fragment, options) => {
    if (fragment.link) options.link = fragment.link.url;
    options.underline = true;
  },
};

export function textOptions(fragment: Fragment): TextOptions {
  const options: TextOptions = { lineBreak: false, characterSpacing: fragment.tracking };
  for (const mark of fragment.marks) inlinePainters[mark](fragment, options);
  return options;
}
