/** Addresses as people write them, checked against RFC 5322's grammar (not nodemailer's forgiving tokenizer). */
import { describe, expect, it } from 'vitest';
import { parseAddressList, parseMailbox } from '../../src/mail/addresses.js';

describe('addresses', () => {
  it('reads addresses with and without names, quoted names with commas, lists, and non-ASCII', () => {
    expect(parseAddressList('jane@example.org')).toEqual([{ address: 'jane@example.org' }]);
    expect(parseAddressList('Jane Q. Public <jane@example.org>, "Doe, John" <john@example.org>')).toEqual([
      { name: 'Jane Q. Public', address: 'jane@example.org' },
      { name: 'Doe, John', address: 'john@example.org' },
    ]);
    expect(parseAddressList('Jürgen Müller <jürgen@bücher.example>')).toEqual([{ name: 'Jürgen Müller', address: 'jürgen@bücher.example' }]);
  });

  it('refuses what nodemailer’s addressparser would let through', () => {
    for (const bad of ['jane@', '@example.org', 'jane@@example.org', 'jane doe@example.org', 'jane@example..org', 'jane@examplecom', 'Name <jane@example.org> extra', 'not an address', '']) {
      expect(parseAddressList(bad), bad).toHaveProperty('error');
    }
  });

  it('wants exactly one mailbox for a sender', () => {
    expect(parseMailbox('Ada <ada@example.gov>')).toEqual({ name: 'Ada', address: 'ada@example.gov' });
    expect(parseMailbox('a@example.org, b@example.org')).toEqual({ error: 'must be one address, not a list' });
  });
});
