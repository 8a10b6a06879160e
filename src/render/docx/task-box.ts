/**
 * A task item's box as Word itself writes one: a checkbox content control (`w:sdt` with `w14:checkbox`), whose
 * states are the layout's two boxes in the face that has them, so a click in Word swaps ☐ and ☑ in the same face.
 *
 * The library's CheckBox shows its state as a `w:sym` run, which carries no formatting and no text: LibreOffice set
 * it in its own fallback face, and readers of `w:t` (our font subsetting, text extraction) miss it. Its content is
 * replaced by ordinary runs, as Word writes them: the box in the list's marker colour, through the fallback face's
 * Word font (text.ts), so the DOCX embeds that face (embedded-fonts.ts) and LibreOffice draws it as the PDF does.
 */
import { CheckBox, XmlComponent, type TextRun } from 'docx';
import { fallbackFace } from '../../layout/fonts.js';
import type { ListMarkers } from '../../layout/markers.js';
import { taskBox } from '../../layout/markers.js';
import type { FontFamily } from '../../theme/theme.js';
import { textRuns } from './text.js';
import { hex } from './units.js';

class ContentControlContent extends XmlComponent {
  constructor(runs: readonly TextRun[]) {
    super('w:sdtContent');
    this.root.push(...runs);
  }
}

const hexCode = (char: string): string => char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

export class TaskBox extends CheckBox {
  constructor(markers: ListMarkers, checked: boolean, colour: string, family: FontFamily) {
    const font = fallbackFace('symbols').word.font;
    super({ checked, checkedState: { value: hexCode(markers.task.checked), font }, uncheckedState: { value: hexCode(markers.task.open), font } });
    // The library's root is [w:sdtPr, w:sdtContent] (docs/library-internals.md): the content is replaced.
    const content: unknown = this.root[1];
    if (!(content instanceof XmlComponent) || this.root.length !== 2) throw new Error('docx CheckBox is no longer [w:sdtPr, w:sdtContent]: see docs/library-internals.md (a bug)');
    this.root[1] = new ContentControlContent(textRuns(taskBox(markers, checked), { color: hex(colour) }, family));
  }
}
