/**
 * The message itself, composed by nodemailer's MailComposer (which only builds; nothing here sends):
 *
 *   multipart/mixed
 *   ├─ multipart/alternative
 *   │  ├─ text/plain                       (quoted-printable)
 *   │  └─ multipart/related                (only when the body shows pictures)
 *   │     ├─ text/html                     (quoted-printable)
 *   │     └─ image/png, image/jpeg …       (base64, inline, by Content-ID)
 *   └─ NAME.pdf, NAME.docx                 (base64 attachments; RFC 2231 file names when not ASCII)
 *
 * CRLF line ends, 7-bit transfer encodings, no line over 998 octets (nodemailer folds headers at 76). A draft carries
 * `X-Unsent: 1` (Outlook and Thunderbird open it as a message to send) and its Bcc; a sent message carries neither.
 * Nothing in the bytes depends on the clock or on chance: the Date is the one given, the Message-ID and the MIME
 * boundaries are derived from a hash of everything else, so the same draft built twice is the same bytes.
 */
import { createHash, randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailAddress } from '../model/briefing.js';
import type { EmailBody } from '../render/email/index.js';
import type { MessagePlan } from './plan.js';

export interface AttachedFile {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface ComposeOptions {
  kind: 'draft' | 'sent';
  date: Date;
  /** With angle brackets. Without it a draft's is `<content-hash@briefing.invalid>`, a sent message's a fresh one. */
  messageId?: string;
}

export const MESSAGE_ID_DOMAIN = 'briefing.invalid';

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash every fixed part of the message is derived from: what it says, to whom, when, and as what. */
function contentHash(plan: MessagePlan, body: EmailBody, files: readonly AttachedFile[], options: ComposeOptions): string {
  return sha256(
    JSON.stringify({
      plan,
      kind: options.kind,
      date: options.date.toISOString(),
      text: sha256(body.text),
      html: sha256(body.html),
      images: body.images.map((image) => [image.cid, image.filename, image.contentType, sha256(image.content)]),
      files: files.map((file) => [file.filename, file.contentType, sha256(file.content)]),
    }),
  );
}

/** A sent message's own id, unique however often the same draft is sent, at the sender's domain. */
function freshMessageId(plan: MessagePlan): string {
  const domain = plan.from?.address.split('@').pop() || MESSAGE_ID_DOMAIN;
  return `<${randomUUID()}@${domain}>`;
}

function addresses(list: readonly MailAddress[]): { name: string; address: string }[] {
  return list.map((mailbox) => ({ name: mailbox.name ?? '', address: mailbox.address }));
}

export async function composeMessage(plan: MessagePlan, body: EmailBody, files: readonly AttachedFile[], options: ComposeOptions): Promise<Uint8Array> {
  const hash = contentHash(plan, body, files, options);
  const draft = options.kind === 'draft';
  const composer = new MailComposer({
    ...(plan.from ? { from: addresses([plan.from])[0] } : {}),
    to: addresses(plan.to),
    cc: addresses(plan.cc),
    ...(draft ? { bcc: addresses(plan.bcc) } : {}),
    replyTo: addresses(plan.replyTo),
    subject: plan.subject,
    date: options.date,
    messageId: options.messageId ?? (draft ? `<${hash.slice(0, 32)}@${MESSAGE_ID_DOMAIN}>` : freshMessageId(plan)),
    baseBoundary: hash.slice(32, 48),
    headers: { ...(draft ? { 'X-Unsent': '1' } : {}), 'Content-Language': plan.language },
    // Quoted-printable even for text that is mostly not Latin, where nodemailer would pick base64: a reader
    // without MIME sees the words, and every part stays 7-bit.
    encoding: 'quoted-printable',
    // CRLF everywhere, as RFC 5322 wants: the body parts are written with LF.
    newline: 'windows',
    text: body.text,
    html: body.html,
    attachments: [
      ...body.images.map((image) => ({ filename: image.filename, contentType: image.contentType, content: image.content, cid: image.cid, contentDisposition: 'inline' as const })),
      ...files.map((file) => ({ filename: file.filename, contentType: file.contentType, content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength) })),
    ],
    // Everything is in memory: no attachment may name a file or a URL for the composer to read.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const message = composer.compile();
  // A draft keeps its Bcc, so the writer sees whom it will also go to; MailComposer leaves Bcc out unless told.
  message.keepBcc = draft;
  return new Uint8Array(await message.build());
}
