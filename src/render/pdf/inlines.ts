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
  // pdfkit shapes text word by word unless features are given, and fontkit reverses each RTL word on its own, so a
  // phrase would come out with its words in logical order. Any features array (fontkit still adds its defaults,
  // Arabic joining included) makes pdfkit shape the fragment as one run, which fontkit puts in visual order whole.
  if (fragment.rtl) options.features = [];
  for (const mark of fragment.marks) inlinePainters[mark](fragment, options);
  return options;
}
