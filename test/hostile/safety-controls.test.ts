/**
 * Controls for the safety scans the hostile tests rely on: each scan must flag a sample that is unsafe in the way it
 * looks for, and pass a harmless one that merely mentions the same words in text or quoted attribute values.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { clientsAvailable } from '../support/clients.js';
import { scanDocx, scanHtml, scanPdf } from '../support/safety.js';

describe('safety scan controls', () => {
  it('HTML: flags script, handlers, unsafe and remote URLs; passes escaped look-alikes', () => {
    expect(scanHtml('<p>x</p><script>alert(1)</script>')).not.toEqual([]);
    expect(scanHtml('<img src="data:image/png;base64,AA" onerror="alert(1)">')).not.toEqual([]);
    expect(scanHtml('<a href="  jav&#x61;script:alert(1)">x</a>', { strictText: false })).not.toEqual([]);
    expect(scanHtml('<img src="https://evil.example/x.png">')).not.toEqual([]);
    expect(scanHtml('<style>@font-face{src:url(https://evil.example/f.woff2)}</style>')).not.toEqual([]);
    expect(scanHtml('<p title="a &quot; onclick=&quot;x">&lt;script&gt; onclick=x</p><a href="https://example.org/">ok</a>')).toEqual([]);
  });

  it('DOCX: flags unsafe hyperlink targets and external images', () => {
    const docx = (rels: string): Uint8Array =>
      zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>'), 'word/_rels/document.xml.rels': strToU8(`<Relationships>${rels}</Relationships>`) });
    const link = (target: string): string => `<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${target}" TargetMode="External"/>`;
    expect(scanDocx(docx(link('javascript:alert(1)')))).not.toEqual([]);
    expect(scanDocx(docx('<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://evil.example/x.png" TargetMode="External"/>'))).not.toEqual([]);
    expect(scanDocx(docx(link('https://example.org/')))).toEqual([]);
  });

  it.skipIf(!clientsAvailable('qpdf'))('PDF: flags a javascript: link; passes an https link whose text says /JavaScript', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-scan-'));
    const pdf = async (url: string): Promise<string> => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
      doc.text('a link', { link: url });
      doc.end();
      await done;
      const path = join(dir, `${chunks.length}-${Math.random().toString(36).slice(2)}.pdf`);
      writeFileSync(path, Buffer.concat(chunks));
      return path;
    };
    expect(scanPdf(await pdf('javascript:app.alert(1)'), { strictText: false })).not.toEqual([]);
    expect(scanPdf(await pdf('https://example.org/a)/S/JavaScript/JS(x)'))).toEqual([]);
  });
});
