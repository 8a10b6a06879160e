/**
 * Front matter `email:`: the schema of its fields. Addresses are checked here, so a malformed one is an error at its
 * own line and column like any other field; every value that becomes a mail header must be one line. The schema
 * keeps the text (a zod transform inside a union would hide the element's own message behind "invalid union");
 * `mailboxes` reads checked text into the model's addresses.
 */
import { z } from 'zod';
import type { MailAddress } from '../model/briefing.js';
import { hasLineBreak, parseAddressList, parseMailbox } from '../mail/addresses.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

function checked(read: (text: string) => unknown): z.ZodType<string> {
  return nonEmpty.superRefine((value, context) => {
    const result = read(value);
    if (result && typeof result === 'object' && 'error' in result) context.addIssue({ code: 'custom', message: String(result.error) });
  });
}

/** An address list in one string (`a@x.org, B <b@y.org>`). */
const addressText = checked(parseAddressList);
/** One string or a list of them, each an address or an address list. */
const addresses = z.union([addressText, z.array(addressText)]);

const headerLine = nonEmpty.refine((value) => !hasLineBreak(value), 'must be on one line: a line break in a mail header would let what follows become header fields of its own');

export const emailSchema = z
  .object({
    to: addresses.optional(),
    cc: addresses.optional(),
    bcc: addresses.optional(),
    from: checked(parseMailbox).optional(),
    reply_to: addresses.optional(),
    subject: headerLine.optional(),
    /** Markdown: a cover note above the briefing in the email body. */
    note: nonEmpty.optional(),
    attach: z.enum(['pdf', 'docx', 'both', 'none']).optional(),
  })
  .strict();

export type EmailFrontMatter = z.output<typeof emailSchema>;

/** The mailboxes of address text the schema accepted. */
export function mailboxes(value: string | string[] | undefined): MailAddress[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((text) => {
    const list = parseAddressList(text);
    return 'error' in list ? [] : list;
  });
}

export function mailbox(value: string): MailAddress | undefined {
  const one = parseMailbox(value);
  return 'error' in one ? undefined : one;
}
