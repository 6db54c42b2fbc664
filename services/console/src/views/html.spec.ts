import { html } from './html';

describe('html', () => {
  it('escapes every interpolated text, attributes included', () => {
    const name = `<script>alert("x")</script>' onmouseover='x`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x</p>',
    );
  });

  it('keeps nested templates and lists as markup, and leaves nothing out for null, undefined and false', () => {
    const items = ['a&b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul>0');
  });
});
