/**
 * The pages the preview makes itself: the index of the output folder, and the page shown in place of a briefing
 * whose last build failed. Pure functions from what the last round found to HTML; the server adds the reload script.
 */

/** One briefing as the preview knows it after a round. */
export interface PreviewBriefing {
  /** NAME of NAME.html, NAME.pdf … in the output folder. */
  name: string;
  /** The source, as given. */
  source: string;
  /** From the model (absent when the build failed before there was one). */
  title?: string;
  date?: string;
  /** When its last build failed: its messages (`path:line:column: error: …`), errors first. */
  failure?: string[];
}

const FORMATS = ['.html', '.pdf', '.docx', '.json'] as const;

const STYLE = `body{font:16px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
li{margin:.6rem 0}time,.source{color:#555}.failed{color:#8a1010}pre{white-space:pre-wrap;background:#fbeaea;border-left:4px solid #8a1010;padding:.6rem .8rem;color:#1b1b1b}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${body}\n</body></html>\n`;
}

function links(name: string, files: readonly string[]): string {
  return FORMATS.filter((ext) => files.includes(name + ext))
    .map((ext) => `<a href="/${encodeURIComponent(name + ext)}">${ext.slice(1).toUpperCase()}</a>`)
    .join(' · ');
}

function messages(lines: readonly string[]): string {
  return `<pre>${escapeHtml(lines.join('\n'))}</pre>`;
}

function row(briefing: PreviewBriefing, files: readonly string[]): string {
  const source = `<span class="source">${escapeHtml(briefing.source)}</span>`;
  if (briefing.failure) {
    return `<li><strong class="failed">${escapeHtml(briefing.source)} did not build</strong>\n${messages(briefing.failure)}</li>`;
  }
  const date = briefing.date ? ` <time datetime="${escapeHtml(briefing.date)}">${escapeHtml(briefing.date)}</time>` : '';
  return `<li><strong>${escapeHtml(briefing.title ?? briefing.name)}</strong>${date} — ${links(briefing.name, files)} ${source}</li>`;
}

/**
 * The briefings of the last round (title, date, links to the outputs; or the failure), then any other files the
 * folder holds. Before the first round has ended, only the files.
 */
export function indexPage(outDir: string, files: readonly string[], briefings: readonly PreviewBriefing[] | undefined): string {
  const names = new Set((briefings ?? []).map((b) => b.name));
  const others = [...new Set(files.map((f) => f.replace(/\.[^.]*$/, '')))].filter((stem) => !names.has(stem));
  const parts = [`<h1>Briefings in ${escapeHtml(outDir)}</h1>`];
  if (briefings === undefined) parts.push('<p>Building…</p>');
  else if (briefings.length > 0) parts.push(`<ul>\n${briefings.map((b) => row(b, files)).join('\n')}\n</ul>`);
  else parts.push('<p>No briefings yet.</p>');
  if (others.length > 0) {
    const heading = briefings === undefined ? '' : '<h2>Other files in this folder</h2>\n';
    parts.push(`${heading}<ul>\n${others.map((stem) => `<li><strong>${escapeHtml(stem)}</strong> ${links(stem, files)}</li>`).join('\n')}\n</ul>`);
  }
  return page('briefing preview', parts.join('\n'));
}

/** Served in place of a failed briefing's outputs, so an open page shows why it did not build. */
export function failurePage(briefing: PreviewBriefing): string {
  return page(
    `${briefing.source} did not build`,
    `<h1 class="failed">${escapeHtml(briefing.source)} did not build</h1>\n<p>Fix it and save: this page shows the briefing again when it builds.</p>\n${messages(briefing.failure ?? [])}\n<p><a href="/">All briefings</a></p>`,
  );
}
