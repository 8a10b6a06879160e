/**
 * The text of a new briefing source (`briefing new`): the fields a kind of briefing needs filled in, every other
 * front-matter field commented out with what it does, and a body laid out the way that kind is usually written. It
 * builds as it is, so a writer can build first and then replace the words.
 */

export const KINDS = ['readout', 'guidance', 'memo'] as const;
export type NewKind = (typeof KINDS)[number];

interface KindText {
  kind: string;
  title: string;
  /** Front-matter lines filled in for this kind (after title, kind and date). */
  fields: string[];
  body: string;
}

const KIND_TEXT: Record<NewKind, KindText> = {
  readout: {
    kind: 'Meeting readout',
    title: 'The Secretary’s Meeting with the Foreign Minister',
    fields: [
      'location: Capital City',
      'participants:',
      '  - name: Jane Q. Official',
      '    role: Secretary of State',
      '  - Foreign Minister A. N. Other, Minister of Foreign Affairs',
      'prepared_by: Office of the Spokesperson',
    ],
    body: `The opening paragraph is the summary: who met whom, where and when, and what the meeting was for, in two or
three sentences.

## The Relationship

Say what the two sides discussed first. A quotation with a speaker the page can name becomes the pull quote:
“This partnership delivers for both our peoples,” Official said.

## Regional Security

One section per topic, in the order they were discussed. Keep each to a paragraph or two.

## Next Steps

- What was agreed
- Who follows up, and by when
`,
  },
  guidance: {
    kind: 'Press guidance',
    title: 'Press Guidance: The Subject of the Day',
    fields: [
      'classification: UNCLASSIFIED',
      'prepared_by: Press Office',
      'key_points:',
      '  - The one line every spokesperson should say first.',
      '  - A second point, as short as the first.',
      '  - Refer questions on details to the lead office.',
    ],
    body: `The opening paragraph is the summary: what is happening, and the line to take on it.

## Top Lines

- This is what we are doing, and why it matters.
- This is what it means for the people affected.

## If Asked

**Is there more to come?** We do not speculate on future announcements.

**Who leads on this?** The lead office; refer detailed questions there.
`,
  },
  memo: {
    kind: 'Information memo',
    title: 'Information Memo: The Matter in Hand',
    fields: ['prepared_by: Policy Planning Staff', 'distribution:', '  - The Deputy Secretary', '  - Regional bureaus'],
    body: `The opening paragraph is the summary: the issue, and what the reader needs to know or decide, in two or three
sentences.

## Background

What led here, in a paragraph.

## Discussion

The facts and the options, one paragraph each.

## Recommendation

1. What we recommend
2. What happens next
`,
  },
};

/**
 * Every front-matter field a briefing takes, commented out, with what it does: the writer removes the `#` to use one.
 * A test checks this against the front-matter schema, so a field added there is added here.
 */
const OPTIONAL_FIELDS: readonly { field: string; line: string; help: string }[] = [
  { field: 'subtitle', line: 'subtitle: A line under the title', help: 'shown under the title' },
  { field: 'location', line: 'location: City, Country', help: 'where it happened' },
  { field: 'classification', line: 'classification: UNCLASSIFIED', help: 'a banner at the top and bottom of the page' },
  { field: 'participants', line: 'participants: [Name, Role]', help: 'a list: `Name, Role` or `{ name: …, role: … }`' },
  { field: 'prepared_by', line: 'prepared_by: Office of the Spokesperson', help: 'who wrote it (footer, document author)' },
  { field: 'distribution', line: 'distribution: [Press office, Embassies]', help: 'who gets it: text, or a list' },
  { field: 'source', line: 'source: Where the information comes from', help: 'shown in the footer' },
  { field: 'language', line: 'language: en-GB', help: 'a language tag; en-US when left out' },
  { field: 'template', line: 'template: embassy', help: 'a template in templates/ (or --template)' },
  { field: 'keywords', line: 'keywords: [topic, country]', help: 'document properties, for search' },
  { field: 'summary', line: 'summary: The summary, in Markdown', help: 'instead of (or before) the opening paragraph' },
  { field: 'key_points', line: 'key_points: [First point, Second point]', help: 'a list of key points, in Markdown' },
  { field: 'pages', line: 'pages: multi', help: 'let it run onto further pages; one page when left out' },
  { field: 'pull_quote', line: 'pull_quote: false', help: 'no pull quote; or the words of the quote to pull' },
  { field: 'organisation', line: 'organisation: Office of the Spokesperson', help: 'who issues it, instead of the template’s' },
  { field: 'footer', line: 'footer: none', help: 'the footer’s last line instead of the template’s, or none' },
  { field: 'header', line: 'header: Briefing', help: 'the band’s first line when there is no kind' },
  { field: 'logo', line: 'logo: false', help: 'leave off the template’s seal or logo' },
  { field: 'email', line: 'email: { to: [press@example.org] }', help: 'recipients, subject and note of the -f eml draft' },
  { field: 'typography', line: 'typography: straight', help: 'quotes and dashes as typed; “smart” ones when left out' },
];

/** What the kind is called on the page ("Meeting readout"). */
export function kindLabel(kind: NewKind): string {
  return KIND_TEXT[kind].kind;
}

/** The front-matter fields a new source names, filled in or commented out (for the completeness test). */
export function namedFields(kind: NewKind): string[] {
  const filled = KIND_TEXT[kind].fields.map((line) => line.split(':')[0]!).filter((name) => !name.startsWith(' '));
  return ['title', 'kind', 'date', ...filled, ...OPTIONAL_FIELDS.map((f) => f.field)];
}

/** A quoted YAML scalar (titles carry colons and quotes). */
function quoted(text: string): string {
  return JSON.stringify(text);
}

export function newSource(kind: NewKind, date: string, title?: string): string {
  const text = KIND_TEXT[kind];
  const filled = new Set(text.fields.map((line) => line.split(':')[0]));
  const width = Math.max(...OPTIONAL_FIELDS.map((f) => f.line.length));
  const optional = OPTIONAL_FIELDS.filter((f) => !filled.has(f.field)).map((f) => `# ${f.line.padEnd(width)}  # ${f.help}`);
  return [
    '---',
    `title: ${quoted(title ?? text.title)}`,
    `kind: ${text.kind}`,
    `date: ${date}`,
    ...text.fields,
    '# Other fields: remove the first # of a line to use it.',
    ...optional,
    '---',
    '',
    text.body,
  ].join('\n');
}
