/**
 * Who a message goes to and what its headers say, from the front matter's `email:`, the command line's --to --cc
 * --bcc --from --subject (which win), and the template: one plan for the draft a build writes and the message
 * `briefing send` sends.
 */
import type { Briefing, EmailAttach, MailAddress } from '../model/briefing.js';
import type { Theme } from '../theme/theme.js';
import { subjectOf } from './subject.js';

/** The command line's say over the front matter: each given field replaces the front matter's. */
export interface MailOverrides {
  to?: MailAddress[];
  cc?: MailAddress[];
  bcc?: MailAddress[];
  from?: MailAddress;
  subject?: string;
}

export interface MessagePlan {
  from?: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  subject: string;
  /** BCP 47, for Content-Language. */
  language: string;
  /** The build's files the message carries, in this order. */
  attach: ('pdf' | 'docx')[];
}

function attachments(attach: EmailAttach): ('pdf' | 'docx')[] {
  if (attach === 'both') return ['pdf', 'docx'];
  if (attach === 'none') return [];
  return [attach];
}

export function planMessage(briefing: Briefing, theme: Theme, overrides: MailOverrides = {}): MessagePlan {
  const email = briefing.email;
  const from = overrides.from ?? email?.from;
  return {
    ...(from ? { from } : {}),
    to: overrides.to ?? email?.to ?? [],
    cc: overrides.cc ?? email?.cc ?? [],
    bcc: overrides.bcc ?? email?.bcc ?? [],
    replyTo: email?.replyTo ?? [],
    subject: subjectOf(briefing, theme, overrides.subject),
    language: briefing.meta.language,
    attach: attachments(email?.attach ?? 'both'),
  };
}

/** Every address the message is delivered to: to, cc and bcc, each once. */
export function recipients(plan: MessagePlan): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const mailbox of [...plan.to, ...plan.cc, ...plan.bcc]) {
    const key = mailbox.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(mailbox.address);
  }
  return out;
}
