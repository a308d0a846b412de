/*
 * kmsite search: finds what Ctrl+F would find, in Thai, English and numbers, for every word typed.
 *
 * Material's bundle creates its search worker with `new Worker(__config.search)` and
 * talks to it with four messages (SETUP 0, READY 1, QUERY 2, RESULT 3). This script,
 * loaded before the bundle, answers that one `new Worker` call with an in-page port
 * that speaks the same protocol, so Material's search box, result list and keyboard
 * behaviour stay as they are. Running on the page (not in a worker) also works from
 * file://, where Chromium allows neither workers nor fetch(): there the index shards
 * are loaded as <script> files (search/<lang>/<file>.js) instead of JSON.
 *
 * Index: search/<lang>/manifest.json (small, fetched on every page view), starts.json (first
 * page id of every page shard), o/<n>.json (organisations: name, page range), g/<n>.json
 * (bigram/trigram -> page ids), p/<n>.json (page rows and their organisations' names). A query normalises like the build (NFC, Thai digits as
 * Arabic, lower case, whitespace folded) and splits at spaces into parts; it fetches
 * the shards of a few trigrams covering every part, intersects the page ids, then
 * fetches the candidate pages and keeps those whose text contains every part, in any
 * order. A Thai query with no result as typed is split into words with Intl.Segmenter
 * and searched again (the reader is told). Same matching: kmsite_plugins/search/query.py.
 *
 * Typing: every shard is fetched once a page view; new shards wait for a pause in the typing;
 * a query that extends the previous one (one more character) starts from the previous one's
 * candidates and fetches no gram shard while their page shards are loaded; an answer for a query
 * no longer typed is dropped. A query checks at most PAGE_BYTES_BUDGET of page shards.
 *
 * Results reach Material as DOM nodes (text nodes and <mark> elements), never as HTML
 * strings: titles, texts and organisation names are the authors' strings.
 */
(function () {
  "use strict";

  var MSG = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
  var FIRST_BATCH_SHARDS = 2;  /* page shards verified before the first results are shown */
  var BATCH_SHARDS = 8;
  var MAX_RESULTS = 500;
  var MAX_GRAMS = 6;  /* gram shards fetched for one query at most (the pages are checked exactly anyway) */
  /* Page shards checked for an unspaced Thai query as typed before its words are searched instead
     (they find every page the typed text would, and more: the page holding it as typed is kept alone). */
  var TYPED_BUDGET = 2;
  var MAX_JUNCTIONS = 2;  /* grams across word boundaries fetched for a query as typed */
  var DEBOUNCE_MS = 250;  /* a query needing new shards waits this long for the next keystroke */
  /* A query whose candidates' page shards weigh more than PAGE_BYTES_BUDGET is broad (found on much of a
     national site): the shards already loaded are checked first, then new ones in page order, until
     BROAD_RESULTS pages are found or BROAD_NEW_BYTES were fetched. Same rule: query.py. */
  var PAGE_BYTES_BUDGET = 640 * 1024;
  var BROAD_RESULTS = 20;
  var BROAD_NEW_BYTES = 64 * 1024;  /* checked a shard at a time */
  var SCOPE_KEY = "kmsite-search-scope";
  /* Page kinds in the order a KM portal's reader looks for them; the others come after, equal. */
  var KIND_RANK = { org: 0, announcement: 1, plan: 2, asset: 3, people: 4 };

  var configEl = document.getElementById("__config");
  if (!configEl || typeof window.Worker === "undefined" && location.protocol !== "file:") return;
  var config = JSON.parse(configEl.textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href).href;
  var offline = location.protocol === "file:";

  /* ---------------------------------------------------------------- text */

  var INVISIBLE = /[\u200b\u200c\u200d\u2060\u00ad\ufeff]/g;
  var THAI_DIGITS = /[\u0e50-\u0e59]/g;
  var THAI = /[\u0e00-\u0e7f]/;

  function foldSpace(s) {
    return s.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  }

  /* Same rules as kmsite_plugins/search/normalise.py: one character to one character. */
  function normaliseFolded(s) {
    s = s.replace(THAI_DIGITS, function (d) { return String(d.charCodeAt(0) - 0x0e50); });
    var low = s.toLowerCase();
    if (low.length === s.length) return low;
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s[i].toLowerCase();
      out += c.length === 1 ? c : s[i];
    }
    return out;
  }

  function normalise(s) { return normaliseFolded(foldSpace(s)); }

  function fnv1a(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function codePoints(s) { return Array.from(s).length; }

  /* Grams a page must contain to contain q: trigrams every 3 characters and the last. */
  function cover(query) {
    var q = Array.from(query);  /* code points, as Python counts them */
    if (q.length < 2) return [];
    if (q.length === 2) return [query];
    var starts = [];
    for (var i = 0; i < q.length - 2; i += 3) starts.push(i);
    if (starts[starts.length - 1] !== q.length - 3) starts.push(q.length - 3);
    var seen = {}, out = [];
    starts.forEach(function (i) {
      var g = q.slice(i, i + 3).join("");
      if (!seen[g]) { seen[g] = true; out.push(g); }
    });
    return out;
  }

  var segmenters = {};
  function segmenter(lang) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return null;
    return segmenters[lang] || (segmenters[lang] = new Intl.Segmenter(lang, { granularity: "word" }));
  }

  /* Trigrams across the word boundaries of a Thai part: a page holding the part as typed holds them,
     a page holding its words apart mostly does not, so a phrase on no page has few candidates to check. */
  function junctions(part) {
    var seg = segmenter("th");
    if (!seg || !THAI.test(part)) return [];
    var cps = Array.from(part), out = [], at = 0;
    for (var s of seg.segment(part)) {
      if (at >= 1 && at <= cps.length - 2) out.push(cps.slice(at - 1, at + 2).join(""));
      at += Array.from(s.segment).length;
    }
    return out;
  }

  function flat(lists) {
    var seen = {}, out = [];
    lists.forEach(function (l) { l.forEach(function (g) { if (!seen[g]) { seen[g] = true; out.push(g); } }); });
    return out;
  }

  /* The grams fetched for a query: up to MAX_JUNCTIONS junctions and the covers of its parts,
     MAX_GRAMS in all (else the first and last of each part's cover, else one of each of the first
     parts). Same choice: query_grams in kmsite_plugins/search/query.py. */
  function queryGrams(parts) {
    var covers = parts.map(cover).filter(function (c) { return c.length; });
    var junction = flat(parts.map(junctions)).slice(0, MAX_JUNCTIONS);
    var most = MAX_GRAMS - junction.length, all = flat(covers);
    if (all.length > most) {
      all = flat(covers.map(function (c) { return c.length > 2 ? [c[0], c[c.length - 1]] : c; }));
    }
    if (all.length > most) all = flat(covers.slice(0, most).map(function (c) { return [c[c.length >> 1]]; }));
    return flat([junction, all]);
  }

  /* Of the grams fetched for a query as typed, those inside one of its words: a page holding every
     word holds them, so searching the words needs no other gram shard. */
  function wordGrams(parts, words) {
    var grams = queryGrams(parts).filter(function (g) {
      return words.some(function (w) { return w.indexOf(g) >= 0; });
    });
    return grams.length ? grams : queryGrams(words);
  }

  /* The parts of a query: its normalised text split at spaces, each part once. */
  function queryParts(raw) {
    var seen = {}, out = [];
    normalise(raw || "").split(" ").forEach(function (p) {
      if (p && !seen[p]) { seen[p] = true; out.push(p); }
    });
    return out;
  }

  /* Thai parts split into words with Intl.Segmenter (ICU's dictionary; the build's PyICU splits
     alike, see split_parts in query.py); other parts are kept; punctuation is dropped. */
  function splitParts(parts) {
    var seg = segmenter("th"), seen = {}, out = [];
    parts.forEach(function (part) {
      var words = [part];
      if (seg && THAI.test(part)) {
        words = [];
        for (var s of seg.segment(part)) if (s.isWordLike) words.push(s.segment);
        if (!words.length) words = [part];
      }
      words.forEach(function (w) { if (!seen[w]) { seen[w] = true; out.push(w); } });
    });
    return out;
  }

  /* Whether text[i, i + n) starts and ends on word boundaries (Intl.Segmenter, as ICU at build time). */
  function isWord(text, i, n, lang) {
    var seg = segmenter(lang);
    if (!seg) return false;
    var from = Math.max(0, i - 40), piece = text.slice(from, Math.min(text.length, i + n + 40));
    var cuts = {};
    for (var s of seg.segment(piece)) cuts[from + s.index] = true;
    cuts[from + piece.length] = true;
    return !!(cuts[i] && cuts[i + n]);
  }

  function holdsAll(norm, parts) {
    for (var k = 0; k < parts.length; k++) if (norm.indexOf(parts[k]) < 0) return false;
    return true;
  }

  /* Ranges [start, end) of every occurrence of every part in a normalised text, merged. */
  function ranges(norm, parts) {
    var found = [];
    parts.forEach(function (p) {
      for (var i = norm.indexOf(p); p && i >= 0; i = norm.indexOf(p, i + p.length)) found.push([i, i + p.length]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = [];
    found.forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else out.push([r[0], r[1]]);
    });
    return out;
  }

  /* Shown text (folded) as DOM nodes with every part marked: text nodes and <mark> elements
     made with createElement/textContent, never HTML built from the authors' strings. */
  function marked(text, parts) {
    var nodes = [], at = 0;
    ranges(normaliseFolded(text), parts).forEach(function (r) {
      if (r[0] > at) nodes.push(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      nodes.push(mark);
      at = r[1];
    });
    if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
    return nodes;
  }

  /* About 180 characters of text around the first occurrence of a part (plain text). */
  function snippet(text, parts) {
    var norm = normaliseFolded(text), i = -1, n = 0;
    parts.forEach(function (p) {
      var j = norm.indexOf(p);
      if (j >= 0 && (i < 0 || j < i)) { i = j; n = p.length; }
    });
    if (i < 0) return text.length > 180 ? text.slice(0, 180) + "…" : text;
    var start = Math.max(0, i - 60), end = Math.min(text.length, i + n + 120);
    var space = text.lastIndexOf(" ", i);
    if (space > start && space - start < 40) start = space + 1;
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  /* ------------------------------------------------------------- loading */

  var cache = {};  /* every shard once a page: a query typed on reuses the shards of its prefix */
  var sizes = {};  /* bytes of every loaded shard */

  function load(lang, path) {
    var key = lang + "/" + path;
    if (!cache[key]) {
      var url = root + "search/" + key;
      cache[key] = offline ? loadScript(url + ".js", key).then(function (data) {
        sizes[key] = JSON.stringify(data).length;
        return data;
      }) : fetch(url + ".json").then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.text();
      }).then(function (text) {
        sizes[key] = text.length;
        return JSON.parse(text);
      });
      cache[key].catch(function () { delete cache[key]; });
    }
    return cache[key];
  }

  function loadScript(src, key) {
    return new Promise(function (resolve, reject) {
      var store = window.__kmsiteSearch || (window.__kmsiteSearch = {});
      if (store[key]) return resolve(store[key]);
      var el = document.createElement("script");
      el.src = src;
      el.onload = function () { store[key] ? resolve(store[key]) : reject(new Error(src)); el.remove(); };
      el.onerror = function () { reject(new Error(src)); el.remove(); };
      document.head.appendChild(el);
    });
  }

  /* -------------------------------------------------------------- engine */

  var state = { lang: null, org: null, orgInfo: null, manifest: null, starts: null, sizes: null, scoped: false, last: "",
                token: 0, port: null, timer: 0, prev: null };

  /* Page ids of a gram: the first, then deltas; -k: k more ids, each one more (decode_ids in index.py). */
  function decode(codes) {
    var ids = [], total = 0;
    for (var i = 0; i < codes.length; i++) {
      var c = codes[i];
      if (c < 0) { for (var k = 0; k < -c; k++) ids.push(++total); }
      else { total = ids.length ? total + c : c; ids.push(total); }
    }
    return ids;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
  }

  function shardOf(starts, id) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= id) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function pageText(row) {
    var parts = [row[1]];
    row[4].forEach(function (s) { parts.push(s[0] ? s[1] + " " + s[2] : s[2]); });
    return parts.filter(Boolean).join(" ");
  }

  function gramPath(m, g) { return "g/" + (fnv1a(g) % m.gram_shards); }

  function cached(lang, path) { return !!sizes[lang + "/" + path]; }

  /* Page ids holding every gram. base: the candidates of a query this one extends (a superset of its own). */
  function candidates(m, lang, grams, base) {
    return Promise.all(grams.map(function (g) {
      return load(lang, gramPath(m, g)).then(function (shard) {
        return shard[g] ? decode(shard[g]) : [];
      });
    })).then(function (lists) {
      if (base) lists.push(base);
      lists.sort(function (a, b) { return a.length - b.length; });
      return lists.reduce(intersect);
    });
  }

  /*
   * Ranking: a key compared element by element, larger first.
   *  1. The page meant: an organisation's own page when every part is in one of its names
   *     (name, short and English names, parent organisation, province).
   *  2. The title as typed: the parts are all in the page title (or a card's or heading's
   *     title: a person's card is titled with their name) and cover most of it (>= 60 %).
   *  3. Where the parts are: all in the page title, all in one heading or card title, or in the body.
   *  4. Whole words (Intl.Segmenter boundaries, as ICU's at build time) before parts of words.
   *  5. The parts as one phrase (typed order, adjacent) before parts scattered over the page.
   *  6. Page kind: organisation, announcement, plan, asset, people, then the rest.
   *  7. Share of the title the parts cover, then occurrences; ties keep index order
   *     (site-wide pages first, then by organisation).
   */
  function rankKey(orgs, row, parts, text, lang) {
    var title = normalise(row[1]);
    var names = row[3] && orgs[row[3]];
    var orgMeant = row[2] === "org" && names && names.some(function (n) {
      return holdsAll(normalise(n), parts);
    }) ? 1 : 0;
    var field = "", tier = 1;
    if (holdsAll(title, parts)) { field = title; tier = 3; }
    else {
      row[4].forEach(function (s) {
        var t = normalise(s[1]);
        if (!field && s[0] && holdsAll(t, parts)) { field = t; tier = 2; }
      });
    }
    var typed = 0;
    parts.forEach(function (p) { typed += codePoints(p); });
    var share = field ? Math.min(1, typed / Math.max(1, codePoints(field.replace(/ /g, "")))) : 0;
    var where = field || text, whole = 0, count = 0;
    parts.forEach(function (p) {
      var i = where.indexOf(p);
      if (i >= 0 && isWord(where, i, p.length, lang)) whole++;
      for (var j = text.indexOf(p), n = 0; j >= 0 && n < 10; j = text.indexOf(p, j + p.length)) n++, count++;
    });
    var phrase = parts.length < 2 || text.indexOf(parts.join(" ")) >= 0 || text.indexOf(parts.join("")) >= 0 ? 1 : 0;
    var kind = row[2] in KIND_RANK ? KIND_RANK[row[2]] : 5;
    return [orgMeant, share >= 0.6 ? 1 : 0, tier, whole, phrase, -kind, share, count];
  }

  function compareKeys(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
    return 0;
  }

  /* A result of one page (plain data; nodes are made when posted), or null when it lacks a part. */
  function resultOf(m, orgs, row, parts, lang) {
    var full = pageText(row), text = normaliseFolded(full);
    if (!holdsAll(text, parts)) return null;
    var sections = row[4].filter(function (s) {
      return s[0] && holdsAll(normalise(s[1] + " " + s[2]), parts);
    });
    /* sections titled with the query (a person's card) first, then in page order */
    var titled = sections.filter(function (s) { return holdsAll(normalise(s[1]), parts); });
    sections = titled.concat(sections.filter(function (s) { return titled.indexOf(s) < 0; }));
    /* Teaser: the page's own text where it has a part, else the whole text when no section holds them. */
    var top = row[4][0] && !row[4][0][0] ? row[4][0][2] : "";
    var topNorm = normaliseFolded(top);
    var teaser = parts.some(function (p) { return topNorm.indexOf(p) >= 0; }) ? top : sections.length ? "" : full;
    var tags = [m.kinds[row[2]] || row[2]];
    if (row[3] && orgs[row[3]]) tags.push(orgs[row[3]][0]);
    return {
      key: rankKey(orgs, row, parts, text, lang), url: row[0], title: foldSpace(row[1]), norm: text,
      text: teaser ? snippet(teaser, parts) : "", tags: tags,
      sections: sections.map(function (s, n) {
        return { anchor: s[0], title: foldSpace(s[1]), text: snippet(s[2], parts),
                 full: n < 3 || titled.indexOf(s) >= 0 };
      })
    };
  }

  /* Material's result item ([page, ...sections]) with fresh nodes for titles, texts and tags. */
  function materialItem(result, parts, terms) {
    function textOf(s) { return s ? marked(s, parts) : ""; }
    var item = [{
      location: result.url, title: marked(result.title, parts), text: textOf(result.text), score: 1,
      terms: terms, tags: result.tags.map(function (t) { return document.createTextNode(t); })
    }];
    result.sections.forEach(function (s) {
      item.push({ location: result.url + "#" + s.anchor, title: marked(s.title, parts), text: textOf(s.text),
                  score: s.full ? 1 : 0.5, terms: terms });
    });
    return item;
  }

  /* The note above the results: the words searched when the query as typed found nothing. */
  function showNote(words) {
    var list = document.querySelector(".md-search-result__list");
    var note = document.querySelector(".kms-search-note");
    if (!words) { if (note) note.hidden = true; return; }
    if (!note && list) {
      note = document.createElement("p");
      note.className = "kms-search-note";
      note.setAttribute("role", "status");
      note.style.margin = "0";
      note.style.padding = "0.4rem 0.8rem";
      note.style.fontSize = "0.64rem";
      list.parentNode.insertBefore(note, list);
    }
    if (!note) return;
    var label = (state.manifest.labels["search.split"] || "{words}");
    note.textContent = label.replace("{words}", function () { return words.join(" · "); });
    note.hidden = false;
  }

  /* Hand results to Material; `done` marks the last answer to a query (for tests: data-kms-search). */
  function post(results, query, done, parts, split) {
    if (!state.port) return;
    var terms = {};
    terms[(query || "").trim()] = true;
    var items = results.map(function (r) { return materialItem(r, parts || [], terms); });
    state.port.emit({ type: MSG.RESULT, data: { items: items } }, function () {
      showNote(split ? parts : null);
      var el = document.querySelector("[data-md-component=search-result]");
      if (el) el.setAttribute("data-kms-search", (done ? "done:" : "partial:") + (query || ""));
    });
  }

  /* Pages holding every part; onPartial(results) while large answers are still being checked.
     With a budget: null when that many page shards were checked and none holds every part.
     With typed (the parts as typed, when searching their words): results say whether they hold them.
     grams: the grams to fetch (default: the query's). */
  function search(m, lang, parts, token, onPartial, budget, typed, grams) {
    grams = grams || queryGrams(parts);
    if (!grams.length) return Promise.resolve([]);
    var key = parts.join(" "), prev = state.prev;
    var base = !typed && prev && prev.lang === lang && key.indexOf(prev.key) === 0 ? prev.ids : null;
    return candidates(m, lang, grams, base).then(function (ids) {
      if (token !== state.token) return STALE;
      if (!typed) state.prev = { lang: lang, key: key, ids: ids };
      if (state.scoped && state.orgInfo) {
        var range = state.orgInfo.range;
        ids = ids.filter(function (id) { return id >= range[0] && id < range[1]; });
      }
      var groups = [], byShard = {}, fetched = 0, starts = state.starts, weight = 0;
      ids.forEach(function (id) {
        var s = shardOf(starts, id);
        if (!byShard[s]) { byShard[s] = []; groups.push(s); weight += state.sizes[s]; }
        byShard[s].push(id);
      });
      var broad = weight > PAGE_BYTES_BUDGET;
      if (broad) {  /* the shards already loaded first (no transfer), then the others, most candidates a byte first */
        var density = function (s) { return cached(lang, "p/" + s) ? 1 : byShard[s].length / state.sizes[s]; };
        groups = groups.map(function (s, i) { return [density(s), i, s]; })
          .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
          .map(function (x) { return x[2]; });
      }
      var results = [];
      /* Small answers in one go; large ones show the first pages while the rest are checked. */
      function batch(from) {
        if (token !== state.token) return STALE;
        var small = (from === 0 && groups.length > BATCH_SHARDS) || (budget && !results.length);
        var size = broad ? 1 : small ? FIRST_BATCH_SHARDS : BATCH_SHARDS;
        var shards = groups.slice(from, from + size);
        if (!shards.length) return sorted(results);
        /* a broad query: the first pages found, within BROAD_NEW_BYTES of new shards (stop_broad in query.py) */
        if (broad && from && (results.length >= BROAD_RESULTS || !cached(lang, "p/" + shards[0]) &&
            fetched + state.sizes[shards[0]] > BROAD_NEW_BYTES && fetched + results.length > 0)) return sorted(results);
        shards.forEach(function (s) { if (!cached(lang, "p/" + s)) fetched += state.sizes[s]; });
        return Promise.all(shards.map(function (s) { return load(lang, "p/" + s); })).then(function (loaded) {
          if (token !== state.token) return STALE;
          shards.forEach(function (s, k) {
            var shard = loaded[k];
            byShard[s].forEach(function (id) {
              var r = results.length < MAX_RESULTS && resultOf(m, shard.orgs, shard.rows[id - starts[s]], parts, lang);
              if (r) { r.order = id; r.typed = !typed || holdsAll(r.norm, typed); results.push(r); }
            });
          });
          var more = from + size < groups.length && results.length < MAX_RESULTS;
          if (!more) return sorted(results);
          if (budget && !results.length && from + size >= budget) return null;
          if (from === 0 && results.length) onPartial(sorted(results));
          return batch(from + size);
        });
      }
      return batch(0);
    });
  }

  var STALE = "stale";  /* a newer query has started */

  function run(raw) {
    var token = ++state.token, m = state.manifest, lang = state.lang;
    clearTimeout(state.timer);
    var parts = queryParts(raw);
    if (!m || !parts.some(function (p) { return codePoints(p) >= 2; })) return post([], raw, true, parts);
    var words = splitParts(parts), split = words.length > parts.length;
    /* Of the pages holding the words, those holding the query as typed, if any (then no note). */
    function show(results, done) {
      var typed = results.filter(function (r) { return r.typed; });
      if (typed.length) post(typed, raw, done, parts);
      else post(results, raw, done, words, true);
    }
    function go() {
      if (token !== state.token) return;
      search(m, lang, parts, token, function (partial) { post(partial, raw, false, parts); }, split ? TYPED_BUDGET : 0)
        .then(function (results) {
          if (results === STALE || token !== state.token) return;
          if (results && (results.length || !split)) return post(results, raw, true, parts);
          /* Nothing as typed (or nothing in the first shards): the words of the query, every one required. */
          var grams = wordGrams(parts, words);
          return search(m, lang, words, token, function (partial) { show(partial, false); }, 0, parts, grams)
            .then(function (more) {
              if (more !== STALE && token === state.token) show(more, true);
            });
        }).catch(function (err) {
          if (token === state.token) post([], raw, true, parts);
          if (window.console) console.error("kmsite search:", err);
        });
    }
    function start() {
      if (token !== state.token) return;
      if (state.starts) return go();
      load(lang, "starts").then(function (data) {
        var total = 0;
        state.sizes = data.sizes;
        state.starts = data.starts.map(function (d) { return (total += d); });
        go();
      }, function (err) { if (window.console) console.error("kmsite search:", err); });
    }
    /* Keystrokes (typing, pasting, an input method) do not each start new requests: a query whose
       gram shards are loaded runs at once, else once the typing pauses. */
    var ready = state.starts && queryGrams(parts).every(function (g) { return cached(lang, gramPath(m, g)); });
    if (ready) start(); else state.timer = setTimeout(start, DEBOUNCE_MS);
  }

  function sorted(results) {
    return results.slice().sort(function (a, b) { return compareKeys(a.key, b.key) || a.order - b.order; });
  }

  /* ------------------------------------------------------------ the page */

  /* Language tree and organisation of the page being read, from its URL. */
  function where(info) {
    var rel = location.href.indexOf(root) === 0 ? location.href.slice(root.length) : "";
    var lang = info.default;
    Object.keys(info.languages).forEach(function (l) {
      var prefix = info.languages[l];
      if (prefix && rel.indexOf(prefix) === 0) { lang = l; rel = rel.slice(prefix.length); }
    });
    var org = /^orgs\/([^/]+)\//.exec(rel);
    return { lang: lang, org: org ? decodeURIComponent(org[1]) : null };
  }

  function mountScope(m) {
    if (!state.orgInfo || document.querySelector(".kms-search-scope")) return;
    var wrap = document.querySelector(".md-search__scrollwrap");
    if (!wrap) return;
    var label = document.createElement("label");
    label.className = "kms-search-scope";
    label.title = m.labels["search.scope_hint"];
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = state.scoped;
    box.setAttribute("data-kms-search-scope", state.org);
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + m.labels["search.scope"].replace("{org}", function () { return state.orgInfo.name; })));
    wrap.insertBefore(label, wrap.firstChild);
    box.addEventListener("change", function () {
      state.scoped = box.checked;
      try { sessionStorage.setItem(SCOPE_KEY, box.checked ? "1" : ""); } catch (e) { /* storage off */ }
      run(state.last);
      var input = document.querySelector("[data-md-component=search-query]");
      if (input) input.focus();
    });
  }

  function setup(data) {
    var info = (data && data.kmsite) || { languages: {}, default: document.documentElement.lang || "th" };
    var here = where(info);
    state.lang = here.lang;
    state.org = here.org;
    try { state.scoped = sessionStorage.getItem(SCOPE_KEY) === "1"; } catch (e) { state.scoped = false; }
    return load(state.lang, "manifest").then(function (m) {
      state.manifest = m;
      if (!state.org) return;
      /* the organisation being read: its name and pages, for the scope checkbox */
      return load(state.lang, "o/" + (fnv1a(state.org) % m.org_shards)).then(function (orgs) {
        state.orgInfo = orgs[state.org] || null;
        mountScope(m);
      });
    });
  }

  /* The port Material's bundle gets instead of a Worker. */
  function SearchPort() {
    this.target = document.createElement("span");
    state.port = this;
  }
  SearchPort.prototype.addEventListener = function (type, fn, opts) { this.target.addEventListener(type, fn, opts); };
  SearchPort.prototype.removeEventListener = function (type, fn, opts) { this.target.removeEventListener(type, fn, opts); };
  SearchPort.prototype.terminate = function () {};
  SearchPort.prototype.emit = function (message, after) {
    var target = this.target;
    setTimeout(function () {
      target.dispatchEvent(new MessageEvent("message", { data: message }));
      if (after) after();
    }, 0);
  };
  SearchPort.prototype.postMessage = function (message) {
    var port = this;
    if (message.type === MSG.SETUP) {
      setup(message.data).then(function () { port.emit({ type: MSG.READY }); }, function (err) {
        if (window.console) console.error("kmsite search: no index", err);
      });
    } else if (message.type === MSG.QUERY) {
      state.last = message.data;
      run(message.data);
    }
  };

  /* Material reads the query on keyup only: text pasted with the mouse or entered through an
     input method (Thai on phones) sends no keyup. Tell it about every change of the text. */
  function onInput(ev) {
    var el = ev.target;
    if (!el || !el.matches || !el.matches("[data-md-component=search-query]") || ev.isComposing) return;
    el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  /* The search form's submit (Enter, or its button for screen readers) opens the first result
     instead of reloading the page with ?query=. */
  function onSubmit(ev) {
    var form = ev.target;
    if (!form || !form.matches || !form.matches("form[name=search]")) return;
    ev.preventDefault();
    var first = document.querySelector(".md-search-result__list a[href]");
    if (first) first.click();
  }
  document.addEventListener("submit", onSubmit, true);
  document.addEventListener("input", onInput, true);
  document.addEventListener("compositionend", onInput, true);

  var NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    if (String(url) === config.search) return new SearchPort();
    return new NativeWorker(url, options);
  };
  if (NativeWorker) window.Worker.prototype = NativeWorker.prototype;

  /* For tests: the browser's normalisation and hashing must match the build's. */
  window.kmsiteSearch = { normalise: normalise, cover: cover, fnv1a: fnv1a, queryParts: queryParts,
                          splitParts: splitParts, queryGrams: queryGrams, decode: decode };
})();
