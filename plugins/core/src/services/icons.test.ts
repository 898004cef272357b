import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { escapeAttribute, IconSet, svgBody } from './icons.js';

describe('Lucide icons', () => {
  it('renders an icon of the installed lucide-static package as inline SVG', () => {
    const svg = new IconSet().render('store', { class: 'size-4' });
    expect(svg).to.match(/^<svg [^>]*class="lucide lucide-store size-4" aria-hidden="true" focusable="false"><path /);
    expect(svg).not.to.include('<!--');
  });

  it('renders unknown or unsafe names as an empty string', () => {
    const icons = new IconSet();
    for (const name of ['no-such-icon', '../package', 'Store', '', undefined, 42, 'a'.repeat(65)])
      expect(icons.render(name), String(name)).to.equal('');
  });

  it('escapes attributes and labels', () => {
    expect(escapeAttribute(`"><script>'&=\``)).to.equal('&#34;&#62;&#60;script&#62;&#39;&#38;&#61;&#96;');
    expect(new IconSet().render('store', { label: 'A "shop"' })).to.include('role="img" aria-label="A &#34;shop&#34;"');
  });

  it('reads each SVG once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icons-'));
    writeFileSync(path.join(dir, 'dot.svg'), '<!-- c --><svg a="1">\n  <circle r="1" />\n</svg>');
    const icons = new IconSet(dir);
    expect(icons.body('dot')).to.equal('<circle r="1" />');
    writeFileSync(path.join(dir, 'dot.svg'), '<svg><rect /></svg>');
    expect(icons.body('dot')).to.equal('<circle r="1" />');
    expect(new IconSet(path.join(dir, 'missing')).render('store')).to.equal('');
    expect(svgBody('not svg')).to.equal(undefined);
  });
});
