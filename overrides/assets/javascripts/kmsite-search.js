/*
 * kmsite search: finds what Ctrl+F would find, in Thai, English and numbers.
 *
 * Material's bundle creates its search worker with `new Worker(__config.search)` and
 * talks to it with four messages (SETUP 0, READY 1, QUERY 2, RESULT 3). This script,
 * loaded before the bundle, answers that one `new Worker` call with an in-page port
 * that speaks the same protocol, so Material's search box, result list and keyboard
 * behaviour stay as they are. Running on the page (not in a worker) also works from
 * file://, where Chromium allows neither workers nor fetch(): there the index shards
 * are loaded as <script> files (search/<lang>/<file>.js) instead of JSON.
 *
 * Index: search/<lang>/manifest.json, g/<n>.json (bigram/trigram -> page ids),
 * p/<n>.json (page rows). A query normalises like the build (NFC, Thai digits as
 * Arabic, lower case, whitespace folded), fetches the shards of a few trigrams
 * covering it, intersects the page ids, then fetches the candidate pages and keeps
 * those whose text contains the query. Same algorithm: kmsite_plugins/search/query.py.
 */
(function () {
  "use strict";

  var MSG = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
  var FIRST_BATCH_SHARDS = 2;  /* page shards verified before the first results are shown */
  var BATCH_SHARDS = 8;
  var MAX_RESULTS = 500;
  var SCOPE_KEY = "kmsite-search-scope";

  var configEl = document.getElementById("__config");
  if (!configEl || typeof window.Worker === "undefined" && location.protocol !== "file:") return;
  var config = JSON.parse(configEl.textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href).href;
  var offline = location.protocol === "file:";

  /* ---------------------------------------------------------------- text */

  var INVISIBLE = /[\u200b\u200c\u200d\u2060\u00ad\ufeff]/g;
  var THAI_DIGITS = /[\u0e50-\u0e59]/g;

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

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  /* Shown text with every occurrence of q (normalised) marked; text is already folded. */
  function highlight(text, q) {
    var norm = normaliseFolded(text), out = "", at = 0, i;
    while (q && (i = norm.indexOf(q, at)) >= 0) {
      out += escapeHTML(text.slice(at, i)) + "<mark>" + escapeHTML(text.slice(i, i + q.length)) + "</mark>";
      at = i + q.length;
    }
    return out + escapeHTML(text.slice(at));
  }

  /* About 180 characters of text around the first occurrence of q. */
  function snippet(text, q) {
    var i = normaliseFolded(text).indexOf(q);
    if (i < 0) return text.length > 180 ? escapeHTML(text.slice(0, 180)) + "…" : escapeHTML(text);
    var start = Math.max(0, i - 60), end = Math.min(text.length, i + q.length + 120);
    var space = text.lastIndexOf(" ", i);
    if (space > start && space - start < 40) start = space + 1;
    return (start > 0 ? "…" : "") + highlight(text.slice(start, end), q) + (end < text.length ? "…" : "");
  }

  var segmenters = {};
  /* Whether text[i, i + n) starts and ends on word boundaries (Intl.Segmenter, as ICU at build time). */
  function isWord(text, i, n, lang) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return false;
    var seg = segmenters[lang] || (segmenters[lang] = new Intl.Segmenter(lang, { granularity: "word" }));
    var from = Math.max(0, i - 40), piece = text.slice(from, Math.min(text.length, i + n + 40));
    var cuts = {};
    for (var s of seg.segment(piece)) cuts[from + s.index] = true;
    cuts[from + piece.length] = true;
    return !!(cuts[i] && cuts[i + n]);
  }

  /* ------------------------------------------------------------- loading */

  var cache = {};

  function load(lang, path) {
    var key = lang + "/" + path;
    if (!cache[key]) {
      var url = root + "search/" + key;
      cache[key] = offline ? loadScript(url + ".js", key) : fetch(url + ".json").then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
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

  var state = { lang: null, org: null, manifest: null, scoped: false, last: "", token: 0, port: null };

  function decode(deltas) {
    var ids = new Array(deltas.length), total = 0;
    for (var i = 0; i < deltas.length; i++) ids[i] = (total += deltas[i]);
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

  function candidates(m, lang, q) {
    var grams = cover(q);
    return Promise.all(grams.map(function (g) {
      return load(lang, "g/" + (fnv1a(g) % m.gram_shards)).then(function (shard) {
        return shard[g] ? decode(shard[g]) : [];
      });
    })).then(function (lists) {
      lists.sort(function (a, b) { return a.length - b.length; });
      return lists.reduce(intersect);
    });
  }

  /* A result item for Material: [page, ...sections], or null when the page lacks q. */
  function resultItem(m, row, q, raw, lang) {
    var full = pageText(row), text = normaliseFolded(full);
    var first = text.indexOf(q);
    if (first < 0) return null;
    var count = 0;
    for (var i = first; i >= 0 && count < 10; i = text.indexOf(q, i + q.length)) count++;
    var score = 1 + count / 10;
    if (normaliseFolded(row[1]).indexOf(q) >= 0) score += 4;
    if (isWord(text, first, q.length, lang)) score += 1;
    var sections = row[4].filter(function (s) {
      return s[0] && normaliseFolded(s[1] + " " + s[2]).indexOf(q) >= 0;
    });
    if (sections.some(function (s) { return normaliseFolded(s[1]).indexOf(q) >= 0; })) score += 2;
    var terms = {};
    terms[raw] = true;
    /* Teaser: the page's own text where it has q, else the whole text when no section has q. */
    var top = row[4][0] && !row[4][0][0] ? row[4][0][2] : "";
    var teaser = normaliseFolded(top).indexOf(q) >= 0 ? top : sections.length ? "" : full;
    var tags = [m.kinds[row[2]] || row[2]];
    if (row[3] && m.orgs[row[3]]) tags.push(m.orgs[row[3]].name);
    var item = [{
      location: row[0], title: highlight(row[1], q), text: teaser ? snippet(teaser, q) : "",
      score: score, terms: terms, tags: tags
    }];
    sections.forEach(function (s, n) {
      item.push({
        location: row[0] + "#" + s[0], title: highlight(s[1], q), text: snippet(s[2], q),
        score: n < 3 ? score : score / 2, terms: terms
      });
    });
    return item;
  }

  /* Hand results to Material; `done` marks the last answer to a query (for tests: data-kms-search). */
  function post(data, query, done) {
    if (!state.port) return;
    state.port.emit({ type: MSG.RESULT, data: { items: data } }, function () {
      var el = document.querySelector("[data-md-component=search-result]");
      if (el) el.setAttribute("data-kms-search", (done ? "done:" : "partial:") + (query || ""));
    });
  }

  function run(raw) {
    var token = ++state.token, m = state.manifest, lang = state.lang;
    var q = normalise(raw || "");
    if (!m || Array.from(q).length < 2) return post([], raw, true);
    return candidates(m, lang, q).then(function (ids) {
      if (state.scoped && state.org && m.orgs[state.org]) {
        var range = m.orgs[state.org].range;
        ids = ids.filter(function (id) { return id >= range[0] && id < range[1]; });
      }
      var groups = [], byShard = {};
      ids.forEach(function (id) {
        var s = shardOf(m.page_shards, id);
        if (!byShard[s]) { byShard[s] = []; groups.push(s); }
        byShard[s].push(id);
      });
      var items = [], found = 0;
      /* Small answers in one go; large ones show the first pages while the rest are checked. */
      function batch(from) {
        if (token !== state.token) return;
        var size = from === 0 && groups.length > BATCH_SHARDS ? FIRST_BATCH_SHARDS : BATCH_SHARDS;
        var shards = groups.slice(from, from + size);
        if (!shards.length) return post(sorted(items), raw, true);
        return Promise.all(shards.map(function (s) { return load(lang, "p/" + s); })).then(function (rows) {
          if (token !== state.token) return;
          shards.forEach(function (s, k) {
            byShard[s].forEach(function (id) {
              var item = found < MAX_RESULTS && resultItem(m, rows[k][id - m.page_shards[s]], q, raw.trim(), lang);
              if (item) { item.order = id; items.push(item); found++; }
            });
          });
          var more = from + size < groups.length && found < MAX_RESULTS;
          if (!more || (from === 0 && items.length)) post(sorted(items), raw, !more);
          if (more) return batch(from + size);
        });
      }
      return batch(0);
    }).catch(function (err) {
      if (token === state.token) post([], raw, true);
      if (window.console) console.error("kmsite search:", err);
    });
  }

  function sorted(items) {
    return items.slice().sort(function (a, b) { return b[0].score - a[0].score || a.order - b.order; });
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
    if (!state.org || !m.orgs[state.org] || document.querySelector(".kms-search-scope")) return;
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
    label.appendChild(document.createTextNode(" " + m.labels["search.scope"].replace("{org}", m.orgs[state.org].name)));
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
      mountScope(m);
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
  document.addEventListener("input", onInput, true);
  document.addEventListener("compositionend", onInput, true);

  var NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    if (String(url) === config.search) return new SearchPort();
    return new NativeWorker(url, options);
  };
  if (NativeWorker) window.Worker.prototype = NativeWorker.prototype;

  /* For tests: the browser's normalisation and hashing must match the build's. */
  window.kmsiteSearch = { normalise: normalise, cover: cover, fnv1a: fnv1a };
})();
