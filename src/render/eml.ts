/**
 * The `eml` format: the briefing as an email draft (RFC 5322) that Outlook and Thunderbird open ready to send, with
 * the body made for mail clients (./email/) and the same build's PDF and DOCX attached, byte for byte the files
 * written beside it. With `send`'s context it is the message that goes out instead.
 */
import { composeMessage, type AttachedFile } from '../mail/compose.js';
import { planMessage } from '../mail/plan.js';
import { renderEmailBody } from './email/index.js';
import type { Renderer, Siblings } from './types.js';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export const renderEml: Renderer = async (briefing, layout, theme, context) => {
  const siblings: Siblings | undefined = context.siblings;
  if (!siblings) throw new Error('the eml format needs the build’s other outputs (RenderContext.siblings)');
  const plan = planMessage(briefing, theme, context.mail?.overrides);
  const body = renderEmailBody(briefing, layout, theme, context);
  const files: AttachedFile[] = [];
  for (const format of plan.attach) {
    files.push({ filename: `${siblings.name}.${format}`, contentType: CONTENT_TYPES[format], content: await siblings.bytes(format) });
  }
  const sent = context.mail?.sent;
  return composeMessage(plan, body, files, sent ? { kind: 'sent', ...sent } : { kind: 'draft', date: context.buildDate });
};
