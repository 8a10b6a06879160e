/**
 * Markdown source → Briefing. Everything the source says either reaches the model or is reported: errors stop the
 * document (`briefing: null`), warnings do not. Messages sit on the returned vfile with file lines and columns.
 */
import GithubSlugger from 'github-slugger';
import type * as M from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import {
  MODEL_VERSION,
  type Block,
  type Briefing,
  type BriefingEmail,
  type BriefingMeta,
  type Inline,
  type Participant,
  type Quote,
  type Section,
} from '../model/briefing.js';
import { plainText } from '../model/text.js';
import { convertBlocks, convertInlines, pointOf, type ConvertState } from './convert.js';
import type { FileStamps } from '../io/file-stamp.js';
import { decodeSource } from './decode.js';
import { hasErrors, reportError, reportWarning } from './diagnostics.js';
import { mailbox, mailboxes } from './email-fields.js';
import { readFrontMatter, type FrontMatter } from './frontmatter.js';
import { extractQuotes, findPullQuote, pullQuoteCandidates } from './quotes.js';
import { smartBlocks, smartInlines, smartMeta, smartText } from './typography.js';

export interface ParseResult {
  briefing: Briefing | null;
  file: VFile;
  /** The image files the source names, found or not, with their stamps when read; absent when parsing stopped before the body. */
  seen?: FileStamps;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

const KEY_POINT_TITLES = /^(key (points|takeaways|messages)|takeaways|main points)$/i;

function collectDefinitions(node: M.Nodes, into: Map<string, M.Definition>): void {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

function stripPositions(blocks: Block[]): Block[] {
  return JSON.parse(JSON.stringify(blocks, (key, value: unknown) => (key === 'position' ? undefined : value))) as Block[];
}

/**
 * Between a participant's name and role: a comma, or a dash with spaces around it (` - `, ` -- `, ` – `, ` — `), as
 * people type them and as Word turns ` - ` into ` – `. An em dash also separates unspaced ("Blinken—Secretary"); a
 * hyphen without spaces is part of a name (Jean-Pierre). The first separator wins.
 */
const NAME_ROLE = /,|\s+(?:-{1,2}|–|—)\s+|—/;

export function participantFrom(entry: string | { name: string; role?: string | undefined }): Participant {
  if (typeof entry !== 'string') return entry.role ? { name: entry.name.trim(), role: entry.role.trim() } : { name: entry.name.trim() };
  const separator = NAME_ROLE.exec(entry);
  if (!separator) return { name: entry.trim() };
  const name = entry.slice(0, separator.index).trim();
  const role = entry.slice(separator.index + separator[0].length).trim();
  return role ? { name, role } : { name };
}

/**
 * The template's words the briefing replaces: `organisation` (or `organization`, the same field), `footer` (`none`
 * or `false` for no footer line), `header`.
 */
function templateWords(fm: FrontMatter, state: ConvertState, yaml: M.Yaml | undefined): Pick<BriefingMeta, 'organisation' | 'footer' | 'header' | 'noLogo'> {
  if (fm.organisation !== undefined && fm.organization !== undefined) {
    reportError(state.file, '`organisation` and `organization` are the same field: keep one of them', fieldPoint(yaml, 'organization'), 'front-matter-field');
  }
  const organisation = fm.organisation ?? fm.organization;
  const footer = fm.footer === false || (typeof fm.footer === 'string' && /^none$/i.test(fm.footer.trim())) ? null : fm.footer;
  return {
    ...(organisation !== undefined ? { organisation } : {}),
    ...(footer !== undefined ? { footer } : {}),
    ...(fm.header !== undefined ? { header: fm.header } : {}),
    ...(fm.logo === false ? { noLogo: true } : {}),
  };
}

/**
 * The pull quote the front matter asks for: none (`false`), the quote it names (an error when the body has no such
 * quote; undefined then), or the automatic choice (absent or `true`).
 */
function choosePullQuote(
  choice: boolean | string | undefined,
  quotes: readonly Quote[],
  state: ConvertState,
  at: { line: number; column: number },
): { pullQuote: number | null; pullQuoteCandidates: number[] } | undefined {
  if (choice === false) return { pullQuote: null, pullQuoteCandidates: [] };
  if (typeof choice === 'string') {
    const index = findPullQuote(choice, quotes);
    if (index !== -1) return { pullQuote: index, pullQuoteCandidates: [] };
    const known = quotes.slice(0, 3).map((q) => `“${q.text.length > 50 ? `${q.text.slice(0, 50).trimEnd()}…` : q.text}”`);
    reportError(
      state.file,
      `\`pull_quote\` is not a quotation of the body: copy the words of one ${known.length ? `(${known.join(', ')})` : '(the body has none the tool can attribute: “…,” Name said.)'}, or write \`pull_quote: false\``,
      at,
      'pull-quote',
    );
    return undefined;
  }
  const candidates = pullQuoteCandidates(quotes);
  return { pullQuote: candidates[0] ?? null, pullQuoteCandidates: candidates };
}

function list(value: string | string[] | undefined, separator: RegExp): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(separator)).map((v) => v.trim()).filter(Boolean);
}

/** Where a top-level front-matter field starts in the file: the line of its key (the block's first line if not found). */
function fieldPoint(yaml: M.Yaml | undefined, field: string): { line: number; column: number } {
  const start = yaml?.position?.start.line ?? 1;
  const index = (yaml?.value ?? '').split(/\r?\n/).findIndex((line) => line.startsWith(`${field}:`));
  return { line: index === -1 ? start : start + 1 + index, column: 1 };
}

/**
 * A front-matter Markdown string (summary, key points) read with the same parser. Its positions are inside the
 * string, not the file, so its messages are moved to the field's line (once per rule), and its blocks lose positions.
 */
function markdownField(value: string, state: ConvertState, at: { line: number; column: number }): Block[] {
  const scratch = new VFile({ path: state.file.path });
  const tree = processor.parse(value) as M.Root;
  const blocks = stripPositions(convertBlocks(tree.children, { ...state, file: scratch, warned: new Set() }));
  for (const message of scratch.messages) {
    const key = `field:${message.ruleId}:${at.line}`;
    if (!message.fatal && state.warned.has(key)) continue;
    state.warned.add(key);
    (message.fatal ? reportError : reportWarning)(state.file, message.reason, at, message.ruleId ?? 'front-matter-markdown');
  }
  return blocks;
}

function inlineField(value: string, state: ConvertState, at: { line: number; column: number }): Inline[] {
  const blocks = markdownField(value, state, at);
  const first = blocks[0];
  if (blocks.length === 1 && first?.type === 'paragraph') return first.children;
  return [{ type: 'text', value: value.trim() }];
}

/** Front matter `email:` (addresses already checked by the schema), its note read as Markdown. */
function emailOf(fields: NonNullable<FrontMatter['email']>, state: ConvertState, yaml: M.Yaml | undefined): BriefingEmail {
  const from = fields.from === undefined ? undefined : mailbox(fields.from);
  return {
    to: mailboxes(fields.to),
    cc: mailboxes(fields.cc),
    bcc: mailboxes(fields.bcc),
    ...(from ? { from } : {}),
    replyTo: mailboxes(fields.reply_to),
    ...(fields.subject ? { subject: fields.subject } : {}),
    note: fields.note === undefined ? [] : markdownField(fields.note, state, fieldPoint(yaml, 'email')),
    attach: fields.attach ?? 'both',
    position: fieldPoint(yaml, 'email'),
  };
}

/** A "Key points" section that is nothing but one flat list of one-paragraph items becomes the key points. */
function keyPointsFrom(section: Section): Inline[][] | null {
  const [only, ...rest] = section.blocks;
  if (!only || rest.length > 0 || only.type !== 'list') return null;
  const points: Inline[][] = [];
  for (const item of only.items) {
    const [paragraph, ...more] = item.children;
    if (!paragraph || more.length > 0 || paragraph.type !== 'paragraph') return null;
    points.push(paragraph.children);
  }
  return points;
}

interface Outline {
  titleHeading?: M.Heading;
  lede: M.RootContent[];
  sections: { heading: M.Heading; nodes: M.RootContent[] }[];
}

/** Splits the body at `#`/`##` headings; the first `#` is the title when front matter has none. */
function outline(body: M.RootContent[], frontMatterTitle: string | undefined, file: VFile): Outline {
  const result: Outline = { lede: [], sections: [] };
  for (const node of body) {
    if (node.type === 'heading' && node.depth <= 2 && plainTextOfMdast(node).trim() === '') {
      // An empty `##` starts nothing a reader could see; its content stays with what comes before it.
      reportWarning(file, 'empty heading ignored; the text under it joins the part above', node.position, 'empty-heading');
      continue;
    }
    if (node.type === 'heading' && node.depth <= 2) {
      const isTitle =
        node.depth === 1 &&
        !result.titleHeading &&
        result.sections.length === 0 &&
        (frontMatterTitle === undefined || frontMatterTitle === plainTextOfMdast(node));
      if (isTitle) {
        result.titleHeading = node;
        continue;
      }
      result.sections.push({ heading: node, nodes: [] });
      continue;
    }
    const current = result.sections[result.sections.length - 1];
    if (current) current.nodes.push(node);
    else result.lede.push(node);
  }
  return result;
}

function plainTextOfMdast(node: M.Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((c) => plainTextOfMdast(c)).join('');
  return '';
}

export function parseBriefing(input: string | Uint8Array, path: string): ParseResult {
  const file = new VFile({ path });
  const text = decodeSource(input, file);
  if (text === null) return { briefing: null, file };
  file.value = text;
  const tree = processor.parse(file) as M.Root;
  const [first, ...rest] = tree.children;
  const yaml = first?.type === 'yaml' ? first : undefined;
  const body = yaml ? rest : tree.children;
  const fm: FrontMatter | null = readFrontMatter(yaml, file);
  if (fm === null) return { briefing: null, file };

  const definitions = new Map<string, M.Definition>();
  collectDefinitions(tree, definitions);
  const state: ConvertState = { file, sourcePath: path, definitions, depth: 0, warned: new Set(), seen: {} };

  // Typographic punctuation goes into the model itself, so every format shows the same characters.
  const smart = fm.typography !== 'straight';
  const inlines = (nodes: Inline[]): Inline[] => (smart ? smartInlines(nodes) : nodes);
  const blocks = (nodes: Block[]): Block[] => (smart ? smartBlocks(nodes) : nodes);

  const parts = outline(body, fm.title, file);
  const titleInlines = parts.titleHeading ? inlines(convertInlines(parts.titleHeading.children, state)) : [];
  const title = fm.title !== undefined ? (smart ? smartText(fm.title) : fm.title) : plainText(titleInlines).trim();
  if (!title) {
    reportError(file, 'missing title: add `title:` to the front matter or start the body with a `# Title` line', yaml?.position?.start ?? { line: 1, column: 1 }, 'missing-title');
  }

  const slugger = new GithubSlugger();
  let sections: Section[] = parts.sections.map(({ heading, nodes }) => {
    const titleNodes = inlines(convertInlines(heading.children, state));
    const position = pointOf(heading);
    return {
      id: slugger.slug(plainText(titleNodes) || 'section'),
      title: titleNodes,
      blocks: blocks(convertBlocks(nodes, state)),
      ...(position ? { position } : {}),
    };
  });

  const lede = blocks(convertBlocks(parts.lede, state));
  // With a front-matter summary, opening paragraphs still are the author's words: they follow it in the summary box.
  const summary: Block[] = fm.summary !== undefined ? [...blocks(markdownField(fm.summary, state, fieldPoint(yaml, 'summary'))), ...lede] : lede;

  let keyPoints: Inline[][] = [];
  if (fm.key_points !== undefined) {
    keyPoints = fm.key_points.map((point) => inlines(inlineField(point, state, fieldPoint(yaml, 'key_points'))));
  } else {
    const index = sections.findIndex((s) => KEY_POINT_TITLES.test(plainText(s.title).trim()));
    const points = index === -1 ? null : keyPointsFrom(sections[index]!);
    if (points) {
      keyPoints = points;
      sections = sections.filter((_, i) => i !== index);
    }
  }

  const email = fm.email ? emailOf(fm.email, state, yaml) : undefined;

  if (summary.length === 0 && keyPoints.length === 0 && sections.every((s) => s.blocks.length === 0)) {
    reportError(file, 'the briefing has a title but no text', yaml?.position?.end ?? { line: 1, column: 1 }, 'no-body');
  }
  if (hasErrors(file)) return { briefing: null, file, seen: state.seen };

  const participants = (fm.participants ?? []).map(participantFrom);
  const written: BriefingMeta = {
    title,
    participants,
    language: fm.language ? Intl.getCanonicalLocales(fm.language)[0]! : 'en-US',
    keywords: list(fm.keywords, /,/),
    allowMultiPage: fm.pages === 'multi',
    ...templateWords(fm, state, yaml),
    ...(fm.subtitle ? { subtitle: fm.subtitle } : {}),
    ...(fm.kind ? { kind: fm.kind } : {}),
    ...(fm.date ? { date: fm.date } : {}),
    ...(fm.location ? { location: fm.location } : {}),
    ...(fm.classification ? { classification: fm.classification } : {}),
    ...(fm.prepared_by ? { preparedBy: fm.prepared_by } : {}),
    ...(fm.distribution ? { distribution: list(fm.distribution, /;/).join('; ') } : {}),
    ...(fm.source ? { source: fm.source } : {}),
    ...(fm.template ? { template: fm.template } : {}),
  };
  const meta = smart ? smartMeta(written) : written;
  const quotes = extractQuotes(
    [{ sectionId: null, blocks: summary }, ...sections.map((s) => ({ sectionId: s.id, blocks: s.blocks }))],
    meta.participants,
  );
  const chosen = choosePullQuote(fm.pull_quote, quotes, state, fieldPoint(yaml, 'pull_quote'));
  if (chosen === undefined || hasErrors(file)) return { briefing: null, file, seen: state.seen };
  const briefing: Briefing = { version: MODEL_VERSION, meta, ...(email ? { email } : {}), summary, keyPoints, sections, quotes, ...chosen };
  return { briefing, file, seen: state.seen };
}
