import { expect } from 'chai';
import { isSafeCssValue, themeDeclarations, themeStyle } from './theme.js';

describe('storefront theme CSS', () => {
  it('accepts colours, lengths and font lists', () => {
    for (const value of [
      '#0f766e',
      'rgb(15 118 110 / 80%)',
      'oklch(62% 0.2 250)',
      '"Inter", system-ui, sans-serif',
      '0.75rem',
      'hsl(210, 40%, 50%)',
    ]) {
      expect(isSafeCssValue(value), value).to.equal(true);
    }
  });

  it('refuses anything that could leave the declaration or load something', () => {
    const bad = [
      'red;color:blue',
      'red}body{display:none',
      '</style><script>',
      'url(https://x.example/a.png)',
      'expression(alert(1))',
      '"unbalanced',
      'calc(1px',
      'a\\62 c',
      '/* x */',
      '',
      'x'.repeat(201),
      42,
    ];
    for (const value of bad) expect(isSafeCssValue(value), String(value)).to.equal(false);
  });

  it('keeps only --wz-* custom properties, sorted', () => {
    expect(
      themeDeclarations({
        '--wz-primary': '#111',
        color: 'red',
        '--other': '#222',
        '--wz-Bad': '#333',
        '--wz-bg': ' #fff ',
      }),
    ).to.deep.equal([
      ['--wz-bg', '#fff'],
      ['--wz-primary', '#111'],
    ]);
    expect(themeDeclarations(null)).to.deep.equal([]);
    expect(themeDeclarations(['--wz-bg'])).to.deep.equal([]);
  });

  it('renders one :root rule, or nothing', () => {
    expect(themeStyle({ '--wz-primary': '#111', '--wz-font': "'Lora', serif" })).to.equal(
      "<style>:root{--wz-font:'Lora', serif;--wz-primary:#111}</style>",
    );
    expect(themeStyle({ '--wz-primary': '</style>' })).to.equal('');
    expect(themeStyle(undefined)).to.equal('');
  });
});
