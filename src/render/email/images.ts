/**
 * Pictures travel as parts of the message (multipart/related), named by Content-ID: the body shows them as `cid:`
 * URLs. Never a remote URL (mail clients block those, and fetching one tells the sender who opened it) and never a
 * `data:` URL (Gmail and Outlook drop them).
 */
import { createHash } from 'node:crypto';
import type { ImageBlock } from '../../model/briefing.js';

export interface InlineImage {
  /** The Content-ID, without angle brackets; the body refers to it as `cid:` + this. */
  cid: string;
  filename: string;
  contentType: 'image/png' | 'image/jpeg';
  content: Buffer;
}

const MIMES = new Set(['image/png', 'image/jpeg']);

/** Collects a document's pictures in order; the same picture shown twice is one part. */
export class ImageParts {
  readonly parts: InlineImage[] = [];

  /** The part for a picture, or null when its data is unusable (the body then shows its alt text). */
  add(node: ImageBlock): InlineImage | null {
    if (!MIMES.has(node.mime) || !/^[A-Za-z0-9+/]*={0,2}$/.test(node.data) || node.data === '') return null;
    const content = Buffer.from(node.data, 'base64');
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
    const existing = this.parts.find((p) => p.cid.startsWith(`${hash}.`));
    if (existing) return existing;
    const n = this.parts.length + 1;
    const part: InlineImage = {
      cid: `${hash}.${n}@briefing.invalid`,
      filename: `picture-${n}.${node.mime === 'image/png' ? 'png' : 'jpg'}`,
      contentType: node.mime,
      content,
    };
    this.parts.push(part);
    return part;
  }
}
