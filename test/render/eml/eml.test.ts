/**
 * The eml format: an RFC 5322 draft, read back by mailparser (nodemailer's sibling) for its headers and parts, and by
 * two readers that share no code with nodemailer: Python's email package with a strict policy, and mblaze's mshow.
 * Its attachments are the very files the same build writes; its bytes are CRLF, 7-bit and reproducible.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildDocument, type BuildOptions } from '../../../src/build/build.js';
import { clientsAvailable } from '../../support/clients.js';
import { EMAIL_FIXTURES, READOUT } from '../../support/email.js';

const BUILD_DATE = new Date('2025-03-05T09:30:00Z');

function options(outDir: string, extra: Partial<BuildOptions> = {}): BuildOptions {
  return { outDir, formats: ['pdf', 'docx', 'eml'], allowOverflow: false, buildDate: BUILD_DATE, ...extra };
}

async function build(source = READOUT, extra: Partial<BuildOptions> = {}): Promise<{ dir: string; eml: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-eml-'));
  const result = await buildDocument(source, options(dir, extra));
  if (!result.ok) throw new Error(result.file.messages.map(String).join('\n'));
  const name = source.replace(/^.*\//, '').replace(/\.md$/, '');
  return { dir, eml: readFileSync(join(dir, `${name}.eml`)) };
}

/** A copy of the fixture (and its picture) under another name, with `edit` applied to its text. */
function variant(name: string, edit: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-eml-src-'));
  copyFileSync(join(EMAIL_FIXTURES, 'chart.png'), join(dir, 'chart.png'));
  const path = join(dir, name);
  writeFileSync(path, edit(readFileSync(READOUT, 'utf8')));
  return path;
}

const PYTHON_READER = `
import email, email.policy, hashlib, json, sys
data = open(sys.argv[1], 'rb').read()
message = email.message_from_bytes(data, policy=email.policy.default.clone(raise_on_defect=True))
def walk(part, depth):
    entry = {'type': part.get_content_type(), 'depth': depth, 'filename': part.get_filename(), 'cid': part.get('Content-ID'), 'disposition': part.get_content_disposition(), 'cte': part.get('Content-Transfer-Encoding')}
    if not part.is_multipart():
        payload = part.get_payload(decode=True)
        entry['sha256'] = hashlib.sha256(payload).hexdigest()
        if part.get_content_maintype() == 'text':
            entry['text'] = part.get_content()
    out = [entry]
    if part.is_multipart():
        for child in part.iter_parts():
            out += walk(child, depth + 1)
    return out
print(json.dumps({'headers': {k: str(v) for k, v in message.items()}, 'parts': walk(message, 0), 'defects': [str(d) for d in message.defects]}))
`;

interface PythonPart {
  type: string;
  depth: number;
  filename: string | null;
  cid: string | null;
  disposition: string | null;
  cte: string | null;
  sha256?: string;
  text?: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('eml: the draft', async () => {
  const { dir, eml } = await build();
  // keepCidLinks: mailparser would otherwise turn the HTML's cid: references into data: URLs itself.
  const mail: ParsedMail = await simpleParser(eml, { keepCidLinks: true });

  it('is a draft to the front matter’s recipients, with the subject from the template’s pattern', () => {
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.from?.value).toEqual([{ name: 'Ada Example', address: 'ada@example.gov' }]);
    expect((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a!.value.map((v) => `${v.name}|${v.address}`))).toEqual(['Press Office|press@example.gov', 'Doe, Jane|jane.doe@example.org']);
    expect(mail.headers.get('cc')).toMatchObject({ text: 'desk@example.org' });
    // A draft keeps its Bcc, so the writer sees everyone it goes to.
    expect(mail.headers.get('bcc')).toMatchObject({ text: 'archive@example.gov' });
    expect(mail.replyTo?.text).toBe('press-replies@example.gov');
    expect(mail.subject).toBe('UNCLASSIFIED – Meeting readout: Port Access Talks with the Republic of Alpha (March 4, 2025)');
    expect(mail.headers.get('content-language')).toBe('en-US');
    expect(mail.date?.toISOString()).toBe(BUILD_DATE.toISOString());
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@briefing\.invalid>$/);
  });

  it('attaches the PDF and the DOCX written beside it, byte for byte, by the source’s name', () => {
    const files = mail.attachments.filter((a) => !a.related);
    expect(files.map((a) => [a.filename, a.contentType, a.contentDisposition])).toEqual([
      ['readout.pdf', 'application/pdf', 'attachment'],
      ['readout.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'attachment'],
    ]);
    expect(Buffer.compare(files[0]!.content, readFileSync(join(dir, 'readout.pdf')))).toBe(0);
    expect(Buffer.compare(files[1]!.content, readFileSync(join(dir, 'readout.docx')))).toBe(0);
  });

  it('carries the picture as an inline part whose Content-ID the HTML names, and no data: or remote image', () => {
    const related = mail.attachments.filter((a) => a.related);
    expect(related).toHaveLength(1);
    expect(related[0]).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline' });
    expect(Buffer.compare(related[0]!.content, readFileSync(join(EMAIL_FIXTURES, 'chart.png')))).toBe(0);
    const html = String(mail.html);
    const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
    expect(cids).toEqual([related[0]!.cid]);
    expect(html).not.toMatch(/src="(?:data:|https?:|\/\/)/i);
    expect(mail.text).toContain('Port Access Talks with the Republic of Alpha\n====');
  });

  it('is CRLF only, 7-bit, with no line over 998 octets (78 in fact: encoded and folded)', () => {
    const bare = eml.toString('latin1').replace(/\r\n/g, '');
    expect(bare).not.toMatch(/[\r\n]/);
    expect([...eml].every((byte) => byte < 0x80)).toBe(true);
    const longest = Math.max(...eml.toString('latin1').split('\r\n').map((line) => line.length));
    expect(longest).toBeLessThanOrEqual(78);
    const transferEncodings = [...eml.toString('latin1').matchAll(/^Content-Transfer-Encoding: (.*)$/gim)].map((m) => m[1]);
    expect(new Set(transferEncodings)).toEqual(new Set(['quoted-printable', 'base64']));
  });

  it.skipIf(!clientsAvailable('python3'))('reads without a defect in Python’s email package (strict policy), with the tree and the bytes expected', () => {
    const path = join(dir, 'readout.eml');
    const read = JSON.parse(execFileSync('python3', ['-c', PYTHON_READER, path], { encoding: 'utf8' })) as { headers: Record<string, string>; parts: PythonPart[]; defects: string[] };
    expect(read.defects).toEqual([]);
    expect(read.parts.map((p) => `${'  '.repeat(p.depth)}${p.type}${p.filename ? ` ${p.filename}` : ''}${p.cte ? ` (${p.cte})` : ''}`)).toEqual([
      'multipart/mixed',
      '  multipart/alternative',
      '    text/plain (quoted-printable)',
      '    multipart/related',
      '      text/html (quoted-printable)',
      '      image/png picture-1.png (base64)',
      '  application/pdf readout.pdf (base64)',
      '  application/vnd.openxmlformats-officedocument.wordprocessingml.document readout.docx (base64)',
    ]);
    const byName = new Map(read.parts.map((p) => [p.filename, p]));
    expect(byName.get('readout.pdf')?.sha256).toBe(sha256(readFileSync(join(dir, 'readout.pdf'))));
    expect(byName.get('readout.docx')?.sha256).toBe(sha256(readFileSync(join(dir, 'readout.docx'))));
    expect(read.headers['X-Unsent']).toBe('1');
    expect(read.headers.Subject).toBe('UNCLASSIFIED – Meeting readout: Port Access Talks with the Republic of Alpha (March 4, 2025)');
    expect(read.headers.To).toBe('Press Office <press@example.gov>, "Doe, Jane" <jane.doe@example.org>');
    const html = read.parts.find((p) => p.type === 'text/html')!.text!;
    const image = read.parts.find((p) => p.type === 'image/png')!;
    expect(html).toContain(`src="cid:${image.cid!.replace(/^<|>$/g, '')}"`);
  });

  it.skipIf(!clientsAvailable('mshow'))('reads in mblaze’s mshow as the same tree', () => {
    const tree = execFileSync('mshow', ['-t', join(dir, 'readout.eml')], { encoding: 'utf8' })
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.replace(/ size=\d+/, ''));
    expect(tree).toEqual([
      '  1: multipart/mixed',
      '    2: multipart/alternative',
      '      3: text/plain',
      '      4: multipart/related',
      '        5: text/html',
      '        6: image/png name="picture-1.png"',
      '    7: application/pdf name="readout.pdf"',
      '    8: application/vnd.openxmlformats-officedocument.wordprocessingml.document name="readout.docx"',
    ]);
    const headers = execFileSync('mshow', ['-q', join(dir, 'readout.eml')], { encoding: 'utf8' });
    expect(headers).toContain('Subject: UNCLASSIFIED – Meeting readout: Port Access Talks with the Republic of Alpha (March 4, 2025)');
  });
});

describe('eml: reproducible bytes', () => {
  it('is the same bytes when built twice for the same moment, and a changed word changes the Message-ID', async () => {
    const first = await build();
    const second = await build();
    expect(Buffer.compare(first.eml, second.eml)).toBe(0);
    const edited = await build(variant('readout.md', (t) => t.replace('joint statement', 'joint communiqué')));
    const id = (eml: Buffer): string => /^Message-ID: (.*)$/m.exec(eml.toString('latin1'))![1]!;
    expect(id(edited.eml)).not.toBe(id(first.eml));
    expect(id(edited.eml)).toMatch(/^<[0-9a-f]{32}@briefing\.invalid>$/);
    const boundary = (eml: Buffer): string => /boundary="([^"]+)"/.exec(eml.toString('latin1'))![1]!;
    expect(boundary(edited.eml)).not.toBe(boundary(first.eml));
  });
});

describe('eml: what it attaches', () => {
  it('alone (-f eml) writes only the eml, its attachments the same bytes a pdf,docx build writes', async () => {
    const alone = await build(READOUT, { formats: ['eml'] });
    expect(readdirSync(alone.dir).sort()).toEqual(['readout.eml']);
    const dir = mkdtempSync(join(tmpdir(), 'briefing-eml-'));
    expect((await buildDocument(READOUT, options(dir, { formats: ['pdf', 'docx'] }))).ok).toBe(true);
    const attached = (await simpleParser(alone.eml)).attachments.filter((a) => !a.related);
    expect(Buffer.compare(attached[0]!.content, readFileSync(join(dir, 'readout.pdf')))).toBe(0);
    expect(Buffer.compare(attached[1]!.content, readFileSync(join(dir, 'readout.docx')))).toBe(0);
  });

  it('attaches what `attach:` says', async () => {
    for (const [attach, names] of [
      ['pdf', ['readout.pdf']],
      ['docx', ['readout.docx']],
      ['none', []],
    ] as const) {
      const source = variant('readout.md', (t) => t.replace('  reply_to:', `  attach: ${attach}\n  reply_to:`));
      const { eml } = await build(source, { formats: ['eml'] });
      expect((await simpleParser(eml)).attachments.filter((a) => !a.related).map((a) => a.filename)).toEqual(names);
    }
  });

  it('names attachments of a non-ASCII source with RFC 2231', async () => {
    const { eml } = await build(variant('réunion-à-genève.md'), { formats: ['eml'] });
    expect(eml.toString('latin1')).toContain("filename*0*=utf-8''r%C3%A9union-%C3%A0-gen%C3%A8ve.pdf");
    expect((await simpleParser(eml)).attachments.filter((a) => !a.related).map((a) => a.filename)).toEqual(['réunion-à-genève.pdf', 'réunion-à-genève.docx']);
  });

  it('takes --to, --cc, --bcc, --from and --subject over the front matter', async () => {
    const { eml } = await build(READOUT, {
      formats: ['eml'],
      mail: { overrides: { to: [{ address: 'other@example.org' }], bcc: [], from: { name: 'Bo', address: 'bo@example.org' }, subject: 'Given on the command line' } },
    });
    const mail = await simpleParser(eml);
    expect(mail.headers.get('to')).toMatchObject({ text: 'other@example.org' });
    expect(mail.headers.get('cc')).toMatchObject({ text: 'desk@example.org' });
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.from?.value).toEqual([{ name: 'Bo', address: 'bo@example.org' }]);
    expect(mail.subject).toBe('Given on the command line');
  });

  it('is a draft for a briefing without email: (no sender, no recipients), ready to be addressed', async () => {
    const source = variant('plain.md', (t) => t.replace(/\nemail:\n(?: {2}.*\n)+/, '\n'));
    const { eml } = await build(source, { formats: ['eml'] });
    const mail = await simpleParser(eml);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.from).toBeUndefined();
    expect(mail.to).toBeUndefined();
    expect(existsSync(source)).toBe(true);
  });
});
