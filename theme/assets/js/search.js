// Site search, in the reader's browser. On every page it swaps the header's link to the archive for a search box
// (which opens /search/?q=…); on /search/ it runs the search over the index the build writes
// (src/SalesInsights/Search/SearchIndex.cs): a manifest, then only the shards of the words typed and the articles
// shown. Text is folded as SearchTerms.cs folds it. Every element is built with textContent: nothing from the
// index is ever read as HTML.
(() => {
  'use strict';

  const headerBox = document.querySelector('.site-search');
  if (headerBox) {
    const link = headerBox.querySelector('.site-search-link');
    const box = headerBox.querySelector('.site-search-form');
    if (link && box) {
      box.hidden = false;
      link.hidden = true;
    }
  }

  const form = document.querySelector('.search-form');
  if (!form) {
    return;
  }
  const input = form.querySelector('.search-input');
  const status = document.querySelector('.search-status');
  const list = document.querySelector('.search-results');
  const more = document.querySelector('.search-more');
  const fallback = document.querySelector('.search-fallback');
  const indexUrl = form.dataset.index;
  const root = indexUrl.slice(0, indexUrl.lastIndexOf('/') + 1);
  const pageSize = 10;

  form.hidden = false;
  fallback.hidden = true;

  const fold = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const splitTerms = (folded) => folded.split(/[^\p{L}\p{Nd}]+/u);

  const cache = new Map();
  const json = (url) => {
    if (!cache.has(url)) {
      cache.set(url, fetch(url, { credentials: 'same-origin' }).then((response) => {
        if (!response.ok) {
          throw new Error(`${url}: ${response.status}`);
        }
        return response.json();
      }).catch((error) => {
        cache.delete(url);
        throw error;
      }));
    }
    return cache.get(url);
  };
  const manifest = () => json(indexUrl);

  // The articles that have a term starting with `prefix`, each with its best score (a whole word typed scores a
  // little above a longer word it starts), and whether a term kept only its best articles.
  const lookUp = async (index, prefix) => {
    const shards = [];
    index.shards.forEach((shardPrefix, n) => {
      if (prefix.startsWith(shardPrefix) || shardPrefix.startsWith(prefix)) {
        shards.push(json(`${root}shards/${n}.json`));
      }
    });
    const best = new Map();
    let capped = false;
    for (const shard of await Promise.all(shards)) {
      for (const [term, postings] of Object.entries(shard)) {
        if (!term.startsWith(prefix)) {
          continue;
        }
        capped ||= postings[0] > (postings.length - 1) / 2;
        const exact = term === prefix ? 0.5 : 0;
        let id = 0;
        for (let i = 1; i < postings.length; i += 2) {
          id += postings[i];
          const score = postings[i + 1] + exact;
          if (!(best.get(id) >= score)) {
            best.set(id, score);
          }
        }
      }
    }
    return { best, capped };
  };

  // Articles with every word typed, best first: a title match outranks any other, then headings and tags, the
  // summary, and how often the words appear; newer first among equals (ids are newest first).
  const search = async (words) => {
    const index = await manifest();
    const found = await Promise.all(words.map((word) => lookUp(index, word)));
    let ranked = [...found[0].best.entries()];
    for (const other of found.slice(1)) {
      ranked = ranked.filter(([id]) => other.best.has(id)).map(([id, score]) => [id, score + other.best.get(id)]);
    }
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { ids: ranked.map(([id]) => id), capped: found.some((f) => f.capped) };
  };

  // Appends `text` to `parent`, each word that starts with a typed word inside a <mark>.
  const appendMarked = (parent, text, words) => {
    let last = 0;
    for (const match of text.matchAll(/[\p{L}\p{M}\p{Nd}]+/gu)) {
      const pieces = splitTerms(fold(match[0]));
      if (!pieces.some((piece) => words.some((word) => piece.startsWith(word)))) {
        continue;
      }
      parent.append(document.createTextNode(text.slice(last, match.index)));
      const mark = document.createElement('mark');
      mark.textContent = match[0];
      parent.append(mark);
      last = match.index + match[0].length;
    }
    parent.append(document.createTextNode(text.slice(last)));
  };

  // About two lines of the text around the first typed word, or the summary when the match is elsewhere.
  const snippet = (doc, words) => {
    const text = doc.x || '';
    for (const match of text.matchAll(/[\p{L}\p{M}\p{Nd}]+/gu)) {
      if (splitTerms(fold(match[0])).some((piece) => words.some((word) => piece.startsWith(word)))) {
        const from = match.index <= 60 ? 0 : text.indexOf(' ', match.index - 60) + 1;
        let to = Math.min(text.length, from + 200);
        const space = text.lastIndexOf(' ', to);
        if (to < text.length && space > match.index) {
          to = space;
        }
        return (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '');
      }
    }
    return doc.s || text.slice(0, 200);
  };

  const renderResult = (doc, words) => {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h2');
    heading.className = 'search-result-title';
    const link = document.createElement('a');
    link.href = doc.u;
    appendMarked(link, doc.t, words);
    heading.append(link);
    item.append(heading);
    if (doc.d) {
      const date = document.createElement('p');
      date.className = 'search-result-date';
      date.textContent = doc.d;
      item.append(date);
    }
    const text = document.createElement('p');
    text.className = 'search-result-snippet';
    appendMarked(text, snippet(doc, words), words);
    item.append(text);
    return item;
  };

  let current = { run: 0, ids: [], shown: 0, words: [] };

  const showMore = async (focusFirst) => {
    const runNumber = current.run;
    const ids = current.ids.slice(current.shown, current.shown + pageSize);
    const docs = await Promise.all(ids.map((id) => json(`${root}docs/${id}.json`)));
    if (runNumber !== current.run) {
      return;
    }
    const items = docs.map((doc) => renderResult(doc, current.words));
    list.append(...items);
    current.shown += items.length;
    more.hidden = current.shown >= current.ids.length;
    if (focusFirst && items.length > 0) {
      items[0].querySelector('a').focus();
    }
  };

  const say = (text) => {
    status.textContent = text;
  };

  const run = async (query) => {
    const runNumber = current.run + 1;
    current = { run: runNumber, ids: [], shown: 0, words: [] };
    list.replaceChildren();
    more.hidden = true;
    const url = new URL(window.location.href);
    if (query.trim()) {
      url.searchParams.set('q', query);
    } else {
      url.searchParams.delete('q');
    }
    window.history.replaceState(null, '', url);
    if (!query.trim()) {
      say('');
      return;
    }
    try {
      const index = await manifest();
      const words = [...new Set(splitTerms(fold(query)).filter((w) => w.length >= index.min && w.length <= index.max))];
      if (words.length === 0) {
        say(`Type a word of at least ${index.min} letters.`);
        return;
      }
      const { ids, capped } = await search(words);
      if (runNumber !== current.run) {
        return;
      }
      current.ids = ids;
      current.words = words;
      const quoted = `“${query.trim()}”`;
      if (ids.length === 0) {
        say(`No article matches ${quoted}.`);
        return;
      }
      const count = ids.length.toLocaleString('en');
      say(capped
        ? `More than ${count} articles match ${quoted}; the best matches come first.`
        : `${count} ${ids.length === 1 ? 'article matches' : 'articles match'} ${quoted}.`);
      await showMore(false);
    } catch (error) {
      if (runNumber === current.run) {
        say('Search is unavailable: its index could not be loaded. Every article is listed in the archive.');
        fallback.hidden = false;
      }
      throw error;
    }
  };

  let timer = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => run(input.value), 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  // Down from the box goes to the first result, as in a list of suggestions.
  input.addEventListener('keydown', (event) => {
    const first = list.querySelector('a');
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    }
  });
  more.addEventListener('click', () => showMore(true));

  const query = new URLSearchParams(window.location.search).get('q') || '';
  if (query) {
    input.value = query;
    run(query);
  }
})();
