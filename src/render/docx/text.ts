/**
 * Model text → Word runs. docx strips most control characters itself but writes tab and newline literally into
 * `w:t`, where Word shows neither, so tabs become `w:tab` and newlines `w:br`. No run is made for empty text.
 */
import { Tab, TextRun, type IRunOptions } from 'docx';

/** C0 controls other than tab and newline, DEL, and lone carriage returns (CRLF is folded into LF first). */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

export type RunFormat = Omit<IRunOptions, 'children' | 'text' | 'break'>;

export function textRuns(value: string, format: RunFormat = {}): TextRun[] {
  const clean = value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  const runs: TextRun[] = [];
  clean.split('\n').forEach((line, index) => {
    const children: (string | Tab)[] = [];
    line.split('\t').forEach((piece, i) => {
      if (i > 0) children.push(new Tab());
      if (piece) children.push(piece);
    });
    const lineBreak = index > 0 ? { break: 1 } : {};
    if (children.length > 0 || index > 0) runs.push(new TextRun({ ...format, ...lineBreak, children }));
  });
  return runs;
}
