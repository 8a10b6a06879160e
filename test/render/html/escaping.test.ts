import { describe, expect, it } from 'vitest';
import { hostileBriefing, UNSAFE_URLS } from './hostile.js';
import { attributeValues, render, visibleText } from './helpers.js';

/** Every attribute name of every tag; throws when a tag does not parse as name="value" pairs. */
function attributeNames(html: string): string[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
  const names: string[] = [];
  for (const match of body.matchAll(/<[a-zA-Z!]/g)) {
    const tag = /^<(!DOCTYPE html|[a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"<>]*")?)*)\s*>/.exec(body.slice(match.index));
    if (!tag) throw new Error(`malformed tag at ${body.slice(match.index, match.index + 60)}`);
    for (const attr of (tag[2] ?? '').matchAll(/\s+([\w-]+)(?:="[^"]*")?/g)) names.push(attr[1] ?? '');
  }
  return names;
}

describe('escaping hostile text', () => {
  it('never lets model text open an element', async () => {
    const html = await render(hostileBriefing());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<svg/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(attributeNames(html).filter((n) => /^on/i.test(n))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('escapes &, <, >, " and \' in text and attributes', async () => {
    const html = await render(hostileBriefing());
    expect(html).toContain('<title>Title &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;</title>');
    expect(html).toContain('AT&amp;T');
    expect(html).toContain('Tokyo &amp; &lt;Osaka&gt;');
    expect(html).toContain('<meta name="author" content="Mallory &quot;&gt;&lt;svg onload=alert(1)&gt;">');
    expect(html).toContain('title="T &quot;t&quot; &lt;t&gt;"');
  });

  it('keeps the hostile words readable as text', async () => {
    const text = visibleText(await render(hostileBriefing()));
    expect(text).toContain('Summary <script>alert("x")</script> AT&T');
    expect(text).toContain("O'Brien & <team>");
    expect(text).toContain('</pre><script>6</script>');
  });

  it('renders unsafe link schemes as text, never as href', async () => {
    const warnings: string[] = [];
    const html = await render(hostileBriefing(), { warnings });
    const hrefs = attributeValues(html, 'href');
    expect(hrefs).toEqual(['https://example.org/?a=1&amp;b=&quot;2&quot;']);
    for (const url of UNSAFE_URLS) expect(html).not.toContain(`href="${url}`);
    UNSAFE_URLS.forEach((_, i) => expect(visibleText(html)).toContain(`unsafe${i}`));
    expect(warnings.filter((w) => w.includes('unsafe URL'))).toHaveLength(UNSAFE_URLS.length);
  });

  it('drops image data that is not base64 and shows the alt text instead', async () => {
    const warnings: string[] = [];
    const html = await render(hostileBriefing(), { warnings });
    expect(html).not.toContain('<img');
    expect(html).toContain('<p class="image-missing">alt&quot; onerror=&quot;alert(7)</p>');
    expect(warnings.some((w) => w.includes('no usable data'))).toBe(true);
  });

  it('keeps ids and code languages from breaking out of attributes', async () => {
    const html = await render(hostileBriefing());
    expect(html).toContain('id="hostile&quot;&gt;&lt;script&gt;4&lt;/script&gt;"');
    expect(html).toContain('<pre><code>&lt;/pre&gt;');
  });

  it('drops control characters that HTML forbids', async () => {
    const b = hostileBriefing();
    b.meta.title = 'A\u0000B\u0007C\u001bD';
    expect(await render(b)).toContain('<title>ABCD</title>');
  });
});
