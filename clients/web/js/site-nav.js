// <site-nav>: the links between the pages, with the current page marked, kept in one place for all pages.

const PAGES = [
  ['./', 'Captions'],
  ['viewer.html', 'Viewer'],
  ['batch.html', 'Batch'],
  ['admin.html', 'Admin'],
];

class SiteNav extends HTMLElement {
  connectedCallback() {
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', 'Pages');
    const current = location.pathname.split('/').pop() || './';
    for (const [href, label] of PAGES) {
      const link = document.createElement('a');
      link.href = href;
      link.textContent = label;
      if (href === current || (href === './' && current === 'index.html')) link.setAttribute('aria-current', 'page');
      nav.append(link);
    }
    this.replaceChildren(nav);
  }
}

customElements.define('site-nav', SiteNav);
