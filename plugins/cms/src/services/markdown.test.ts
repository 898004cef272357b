import { expect } from 'chai';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders headings, emphasis, lists and links', () => {
    const html = renderMarkdown(
      '# About us\n\nWe sell **hats**.\n\n- one\n- two\n\n[Shipping](/storefront/fashion/cms/shipping)',
    );
    expect(html).to.include('<h1>About us</h1>');
    expect(html).to.include('<strong>hats</strong>');
    expect(html).to.include('<li>one</li>');
    expect(html).to.include(
      '<a href="/storefront/fashion/cms/shipping" rel="nofollow noopener noreferrer">Shipping</a>',
    );
  });

  it('drops script tags and their content', () => {
    const html = renderMarkdown(
      'Hello <script>alert("xss")</script> world\n\n<script src="https://evil.example/x.js"></script>',
    );
    expect(html).not.to.match(/script|alert|evil/i);
    expect(html).to.include('Hello');
  });

  it('drops event handler attributes', () => {
    const html = renderMarkdown(
      '<img src="/x.png" onerror="alert(1)"> <a href="/a" onclick="steal()">a</a> <p onmouseover="x()">p</p>',
    );
    expect(html).not.to.match(/onerror|onclick|onmouseover|alert|steal/i);
    expect(html).to.include('<img src="/x.png" />');
  });

  it('drops javascript: and data: URLs in Markdown and HTML links and images', () => {
    const html = renderMarkdown(
      '[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">b</a> <a href="java&#09;script:alert(3)">c</a> ![i](data:text/html;base64,PHNjcmlwdD4=) <img src="javascript:alert(4)">',
    );
    expect(html).not.to.match(/javascript|alert|data:/i);
  });

  it('drops iframes, styles, forms and svg', () => {
    const html = renderMarkdown(
      '<iframe src="https://evil.example"></iframe><style>body{display:none}</style><form action="/x"><input name="a"></form><svg onload="alert(1)"><circle/></svg><p style="position:fixed">x</p>',
    );
    expect(html).not.to.match(/iframe|<style|display:none|<form|<input|<svg|onload|position:fixed/i);
  });

  it('keeps code blocks escaped', () => {
    const html = renderMarkdown('```html\n<script>alert(1)</script>\n```');
    expect(html).to.include('&lt;script&gt;');
    expect(html).to.include('class="language-html"');
  });
});
