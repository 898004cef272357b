import { expect } from 'chai';
import { checkTheme, contrastColour, DEFAULT_THEME, isHexColour, themeCssVariables } from './theme-values.js';

describe('theme values', () => {
  it('accepts only #rrggbb colours', () => {
    for (const good of ['#000000', '#ffffff', '#E11D48', '#1e40af']) expect(isHexColour(good), good).to.equal(true);
    const bad = [
      '#fff',
      'red',
      '#ff00zz',
      '#ff0000ff',
      'ff0000',
      ' #ff0000',
      '#ff0000;',
      '#ff0000\n',
      'rgb(1,2,3)',
      'url(x)',
      '#ff0000} body{',
      42,
      null,
      undefined,
    ];
    for (const value of bad) expect(isHexColour(value), String(value)).to.equal(false);
  });

  it('names every bad field and lower-cases good colours', () => {
    expect(checkTheme({ ...DEFAULT_THEME, primaryColor: '#E11D48' }).primaryColor).to.equal('#e11d48');
    try {
      checkTheme({ ...DEFAULT_THEME, accentColor: 'red;}', font: 'comic' as never });
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.include({ code: 'WZ_VALIDATION', status: 400 });
      expect(
        (error as { details: { problems: Array<{ path: string }> } }).details.problems.map((p) => p.path),
      ).to.deep.equal(['/accentColor', '/font']);
    }
  });

  it("turns a theme into the storefront CSS variables of core's design system", () => {
    const vars = themeCssVariables({
      ...DEFAULT_THEME,
      primaryColor: '#BE185D',
      backgroundColor: '#fff1f2',
      font: 'serif',
    });
    expect(vars).to.include({ '--wz-primary': '#be185d', '--wz-primary-contrast': '#ffffff', '--wz-bg': '#fff1f2' });
    expect(vars['--wz-font']).to.match(/^Georgia/);
    expect(Object.values(vars).join('')).not.to.match(/["'<>;{}]|url/);
  });

  it('picks a readable text colour for buttons on the primary colour', () => {
    expect(contrastColour('#1e3a8a')).to.equal('#ffffff');
    expect(contrastColour('#fde047')).to.equal('#111827');
    expect(contrastColour('#ffffff')).to.equal('#111827');
    expect(contrastColour('#000000')).to.equal('#ffffff');
  });
});
