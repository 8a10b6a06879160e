/**
 * Mail addresses as people write them (`jane@example.org`, `Jane Doe <jane@example.org>`,
 * `"Doe, Jane" <jane@example.org>`), checked against RFC 5322's grammar by the `email-addresses` parser. nodemailer
 * exports its own `addressparser`, but that one is a forgiving tokenizer: it reads `jane@`, `a@@b` and
 * `jane doe@x.org` as addresses, and a check must refuse them.
 */
import emailAddresses from 'email-addresses';
import type { MailAddress } from '../model/briefing.js';

/** What every address message ends with: how to write one. */
const HOW = 'write name@example.org, or Name <name@example.org> (a name with a comma in quotes: "Doe, Jane" <jane@example.org>)';

/** A line break in a header value would end the header and start one of the writer's choosing. */
export function hasLineBreak(value: string): boolean {
  return /[\r\n]/.test(value);
}

/**
 * The mailboxes of an address list (`a@x.org, B <b@y.org>`), or the reason it is not one. A domain needs a dot
 * (`jane@examplecom` is a typo, not an address), groups (`team: a@x.org;`) are refused: list the addresses.
 */
export function parseAddressList(text: string): MailAddress[] | { error: string } {
  if (hasLineBreak(text)) return { error: 'must be on one line: a line break in a mail header would let what follows become header fields of its own' };
  const parsed = emailAddresses.parseAddressList({ input: text, rfc6532: true, rejectTLD: true });
  if (parsed === null || parsed.length === 0) return { error: `is not an email address: ${HOW}` };
  const out: MailAddress[] = [];
  for (const entry of parsed) {
    if (entry.type === 'group') return { error: `is a group ("${entry.name}: …;"), not an address: list the addresses one by one` };
    out.push(entry.name ? { name: entry.name, address: entry.address } : { address: entry.address });
  }
  return out;
}

/** One mailbox (`from`), or the reason it is not exactly one. */
export function parseMailbox(text: string): MailAddress | { error: string } {
  const list = parseAddressList(text);
  if ('error' in list) return list;
  if (list.length !== 1) return { error: 'must be one address, not a list' };
  return list[0]!;
}

/** `Name <address>` or the address alone, as a header shows it (the composer quotes and encodes names itself). */
export function formatAddress(mailbox: MailAddress): string {
  return mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address;
}
