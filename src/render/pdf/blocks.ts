/**
 * One drawer per model block kind and per page part: each picks the structure tag (or artifact) for what the
 * typesetter placed, so the PDF's structure tree follows the briefing: Document > H1, Sect, H2, P, L > LI > Lbl/LBody,
 * Table > TR > TH/TD, BlockQuote, Figure.
 */
import type { Block, BlockKind } from '../../model/briefing.js';
import type { Group, Node, PartKind } from '../../layout/display.js';
import { drawArtifact, drawImage, drawLine, drawLogo } from './marks.js';
import type { State, StructElement } from './state.js';

type BlockDrawers = { [K in BlockKind]: (node: Extract<Block, { type: K }>, group: Group, parent: StructElement, state: State) => void };
type PartDrawers = { [K in PartKind]: (group: Group, parent: StructElement, state: State) => void };

/** PDF/UA attributes pdfkit writes but its type declarations omit (`scope` on table header cells). */
interface ElementOptions extends PDFKit.Mixins.StructureElementOptions {
  scope?: 'Row' | 'Column' | 'Both';
}

function element(tag: string, parent: StructElement, state: State, options: ElementOptions = {}): StructElement {
  const child = state.doc.struct(tag, options);
  parent.add(child); // the parent is attached, so content closures added to the child run at once
  return child;
}

/** Content into `parent`: groups by their drawers, text and images as content, boxes and rules as artifacts. */
export function drawNodes(nodes: readonly Node[], parent: StructElement, state: State): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'block':
      case 'part':
        drawGroup(node, parent, state);
        break;
      case 'line':
        drawLine(state, parent, node);
        break;
      case 'image':
        drawImage(state, parent, node);
        break;
      case 'logo':
        if (node.logo.decorative) drawArtifact(state, node);
        else drawLogo(state, parent, node);
        break;
      case 'rect':
      case 'rule':
        drawArtifact(state, node);
        break;
    }
  }
}

function tagged(tag: string, options: ElementOptions = {}) {
  return (group: Group, parent: StructElement, state: State): void => {
    const child = element(tag, parent, state, options);
    drawNodes(group.children, child, state);
    child.end();
  };
}

/** Drawn into the parent without an element of its own (a region that only groups tagged parts). */
function flat(group: Group, parent: StructElement, state: State): void {
  drawNodes(group.children, parent, state);
}

/** Page furniture (banners, footer): every mark an artifact, text included. */
function furniture(group: Group, _parent: StructElement, state: State): void {
  const marks = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (node.type === 'block' || node.type === 'part') marks(node.children);
      else drawArtifact(state, node, 'Pagination');
    }
  };
  marks(group.children);
}

const blockDrawers: BlockDrawers = {
  paragraph: (_node, group, parent, state) => tagged('P')(group, parent, state),
  heading: (node, group, parent, state) => tagged(`H${node.depth}`)(group, parent, state),
  list: (_node, group, parent, state) => tagged('L')(group, parent, state),
  blockquote: (_node, group, parent, state) => tagged('BlockQuote')(group, parent, state),
  table: (_node, group, parent, state) => tagged('Table')(group, parent, state),
  code: (_node, group, parent, state) => {
    const paragraph = element('P', parent, state);
    tagged('Code')(group, paragraph, state);
    paragraph.end();
  },
  image: (node, group, parent, state) => tagged('Figure', { alt: node.alt || node.title || 'Image' })(group, parent, state),
  thematicBreak: (_node, group, _parent, state) => furniture(group, _parent, state),
};

const partDrawers: PartDrawers = {
  banner: furniture,
  footer: furniture,
  header: flat,
  body: flat,
  kindLine: tagged('P'),
  title: tagged('H1'),
  subtitle: tagged('P'),
  dateline: tagged('P'),
  participants: tagged('P'),
  // A decorative logo's mark is drawn as an artifact (drawNodes), so its Figure is left without content: none is made.
  logo: (group, parent, state) => {
    const mark = group.children.find((n) => n.type === 'logo');
    if (mark && !mark.logo.decorative) tagged('Figure', { alt: mark.logo.alt })(group, parent, state);
    else flat(group, parent, state);
  },
  summary: tagged('Sect'),
  keyPoints: tagged('Sect'),
  label: tagged('H2'),
  pullQuote: tagged('BlockQuote'),
  quoteText: tagged('P'),
  attribution: tagged('P'),
  caption: tagged('Caption'),
  section: tagged('Sect'),
  sectionTitle: tagged('H2'),
  listItem: tagged('LI'),
  listLabel: tagged('Lbl'),
  listBody: tagged('LBody'),
  tableRow: tagged('TR'),
  tableHeaderCell: tagged('TH', { scope: 'Column' }),
  tableCell: tagged('TD'),
  repeatedHeader: furniture,
};

export function drawGroup(group: Group, parent: StructElement, state: State): void {
  if (group.type === 'part') partDrawers[group.part](group, parent, state);
  // The map is keyed by kind, so this lookup is total; TypeScript cannot narrow the pair by itself.
  else (blockDrawers[group.block.type] as (n: Block, g: Group, p: StructElement, s: State) => void)(group.block, group, parent, state);
}
