/* sectornet report: sortable and filterable tables with CSV download, the
   network map (sigma.js), organization profiles with ego diagrams. Every
   name reaches the page through textContent or setAttribute, never as
   markup; every link is to an anchor of this page. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("sn-data").textContent);
  var X = DATA.explore;
  var SVGNS = "http://www.w3.org/2000/svg";
  var ROWS_SHOWN = 25;

  // el builds an element; text children become text nodes.
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, kids);
    return e;
  }
  function svg(tag, attrs, kids) {
    var e = document.createElementNS(SVGNS, tag);
    setAttrs(e, attrs);
    append(e, kids);
    return e;
  }
  function setAttrs(e, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") e.textContent = v;
      else e.setAttribute(k, String(v));
    });
  }
  function append(e, kids) {
    if (kids === null || kids === undefined) return;
    if (!Array.isArray(kids)) kids = [kids];
    kids.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    });
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function andList(xs) {
    if (xs.length <= 1) return xs.join("");
    return xs.slice(0, -1).join(", ") + " and " + xs[xs.length - 1];
  }

  // human formats a number as the tables do: integers whole, others to
  // four significant digits.
  function human(v, isInt) {
    if (v === null || v === undefined || isNaN(v)) return "–";
    if (isInt || v === Math.round(v)) return String(Math.round(v));
    var a = Math.abs(v);
    if (a >= 1e-4 && a < 1e6) return v.toFixed(Math.max(0, 3 - Math.floor(Math.log10(a))));
    return v.toPrecision(4);
  }
  function ordinal(n) {
    var s = ["th", "st", "nd", "rd"], v = n % 100;
    return n + (s[(v - 20) % 10] || s[v] || s[0]);
  }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ---- organizations -------------------------------------------------
  var orgs = X ? X.orgs : [];
  var byName = new Map(); // unique names only
  var dupNames = new Set();
  orgs.forEach(function (o, i) {
    if (byName.has(o[1])) dupNames.add(o[1]);
    else byName.set(o[1], i);
  });
  dupNames.forEach(function (n) { byName.delete(n); });
  function orgName(i) { return orgs[i][1] || orgs[i][0]; }
  function sectorOf(i) { var s = orgs[i][2]; return s >= 0 ? X.sectors[s] : null; }
  function sectorLabel(s) { return s ? (s[1] || s[0]) : "no sector"; }
  function forumName(f) { return X.forums[f][1] || X.forums[f][0]; }
  function orgLink(i) {
    return el("a", { href: "#org-" + i, dir: "auto", text: orgName(i) });
  }

  // findOrg finds an organization by name: exact (ignoring case), else
  // the one name that contains the text, else the one id.
  function findOrg(text) {
    var q = text.trim().toLowerCase();
    if (!q) return -1;
    var exact = -1, part = [], i;
    for (i = 0; i < orgs.length; i++) {
      var n = orgName(i).toLowerCase();
      if (n === q) { exact = i; break; }
      if (n.indexOf(q) >= 0) part.push(i);
    }
    if (exact >= 0) return exact;
    if (part.length >= 1) return part[0];
    for (i = 0; i < orgs.length; i++) if (orgs[i][0].toLowerCase() === q) return i;
    return -1;
  }

  // ---- tables ----------------------------------------------------------
  // Each table's rows are data (DATA.tables[k]); the page holds its first
  // rows as HTML for readers without JavaScript, and the script draws the
  // rows a reader asks for: filtered, sorted, the first ROWS_SHOWN or all.
  // A cell is its text, or [text, exact value] when the text is rounded.
  function cellText(c) { return typeof c === "string" ? c : c[0]; }
  function cellExact(c) { return typeof c === "string" ? c : String(c[1]); }

  function enhanceTable(t, ti) {
    var body = t.tBodies[0];
    var k = parseInt(t.getAttribute("data-t"), 10);
    if (!body || !DATA.tables || !DATA.tables[k]) return;
    var rows = DATA.tables[k];
    var head = t.tHead.rows[0].cells;
    var names = Array.prototype.map.call(head, function (th) { return th.textContent; });
    var numeric = Array.prototype.map.call(head, function (th) { return th.classList.contains("n"); });
    var wrap = t.parentNode;
    var tools = el("div", { "class": "sn-tools" });
    var inputId = "sn-filter-" + ti;
    var input = el("input", { type: "search", id: inputId, placeholder: "Text in any column", autocomplete: "off" });
    var count = el("output", { "aria-live": "polite" });
    var more = el("button", { type: "button", "aria-expanded": "false" });
    var csv = el("button", { type: "button", text: "Download CSV (exact values)" });
    append(tools, [el("label", { "for": inputId, text: "Filter rows " }), input, count]);
    if (rows.length > ROWS_SHOWN) tools.appendChild(more);
    tools.appendChild(csv);
    wrap.insertBefore(tools, t);

    var order = rows.map(function (r, i) { return i; });
    var lower = null; // each row's text in lower case, for the filter
    var showAll = false;
    function cell(c, col) {
      var text = cellText(c);
      if (numeric[col]) {
        return el("td", { "class": "n", "data-v": typeof c === "string" ? null : String(c[1]), text: text });
      }
      var td = el("td", /[^\x00-\x7f]/.test(text) ? { dir: "auto" } : null);
      var o = byName.get(text);
      if (o !== undefined) td.appendChild(orgLink(o));
      else td.textContent = text;
      return td;
    }
    function render() {
      var q = input.value.trim().toLowerCase();
      if (q && !lower) lower = rows.map(function (r) { return r.map(cellText).join(" \u0001 ").toLowerCase(); });
      var hits = q ? order.filter(function (i) { return lower[i].indexOf(q) >= 0; }) : order;
      var limit = showAll ? hits.length : Math.min(ROWS_SHOWN, hits.length);
      var frag = document.createDocumentFragment();
      for (var n = 0; n < limit; n++) {
        var r = rows[hits[n]], tr = el("tr");
        for (var c = 0; c < names.length; c++) tr.appendChild(cell(c < r.length ? r[c] : "", c));
        frag.appendChild(tr);
      }
      if (limit < hits.length) {
        frag.appendChild(el("tr", { "class": "sn-print-note" }, el("td", { colspan: names.length,
          text: "The first " + limit + " of " + hits.length + " rows; the report's CSV files hold them all." })));
      }
      body.textContent = "";
      body.appendChild(frag);
      count.textContent = (q ? hits.length + " of " : "") + plural(rows.length, "row", "rows");
      more.textContent = showAll ? "Show the first " + ROWS_SHOWN + " rows" : "Show all " + plural(hits.length, "row", "rows");
      more.setAttribute("aria-expanded", showAll ? "true" : "false");
    }
    input.addEventListener("input", render);
    more.addEventListener("click", function () { showAll = !showAll; render(); });

    var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    function key(i, c) {
      var x = rows[i][c];
      if (x === undefined) return null;
      if (numeric[c]) {
        var v = typeof x === "string" ? x : x[1];
        if (v === "" || v === null) return null;
        var f = typeof v === "number" ? v : parseFloat(v);
        return isNaN(f) ? null : f;
      }
      var s = cellText(x);
      return s === "" ? null : s;
    }
    Array.prototype.forEach.call(head, function (th, c) {
      var b = el("button", { type: "button", title: "Sort by " + names[c] });
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      th.setAttribute("aria-sort", "none");
      b.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        Array.prototype.forEach.call(head, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var keyed = rows.map(function (r, i) { return { i: i, k: key(i, c) }; });
        keyed.sort(function (a, b) {
          if (a.k === null || b.k === null) {
            if (a.k === b.k) return a.i - b.i;
            return a.k === null ? 1 : -1; // empty cells last either way
          }
          var d = numeric[c] ? a.k - b.k : collator.compare(a.k, b.k);
          return d !== 0 ? dir * d : a.i - b.i;
        });
        order = keyed.map(function (x) { return x.i; });
        render();
      });
    });

    csv.addEventListener("click", function () {
      var lines = [names.map(csvField).join(",")];
      order.forEach(function (i) {
        var out = [];
        for (var c = 0; c < names.length; c++) out.push(csvField(c < rows[i].length ? cellExact(rows[i][c]) : ""));
        lines.push(out.join(","));
      });
      download((t.getAttribute("data-name") || "table") + ".csv", lines.join("\n") + "\n", "text/csv;charset=utf-8");
    });
    render();
  }
  // csvField writes s as a CSV field that no spreadsheet evaluates, as
  // out's spreadsheet-safe CSV does (out/spreadsheet.go; OWASP CSV
  // injection; TestReportJSCSVField runs both on the same text): control
  // characters but tab and line breaks become spaces; a text that starts,
  // after spaces, with =, +, -, @, a tab or a line break (not a plain
  // number), or their full-width forms, gets an apostrophe after those
  // spaces, and so does each stretch after a semicolon (Excel in many
  // countries splits lines there whatever the quotes); a field with a
  // comma, quote, line break, semicolon or leading space is quoted.
  function formulaStart(s) {
    s = s.replace(/^ +/, "");
    if (s === "") return false;
    if (/^[=+\-@\t\r\n]/.test(s)) return !/^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(s);
    return /^[\uff1d\uff0b\uff0d\uff20]/.test(s);
  }
  function csvField(s) {
    s = s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g, " ");
    var parts = s.split(";");
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i], n = p.length - p.replace(/^ +/, "").length, rest = p.slice(n);
      if (formulaStart(parts.length > 1 ? rest.replace(/^"+/, "") : rest)) parts[i] = p.slice(0, n) + "'" + rest;
    }
    s = parts.join(";");
    return s !== "" && (/[",\r\n;]/.test(s) || /^\s/.test(s) || s === "\\.") ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  // ---- shapes ------------------------------------------------------------
  // shapeSVG draws a sector mark of radius r at (x, y).
  function shapeSVG(shape, x, y, r, fill, attrs) {
    var e, pts;
    switch (shape) {
      case "square":
        e = svg("rect", { x: x - r * 0.88, y: y - r * 0.88, width: r * 1.76, height: r * 1.76 });
        break;
      case "diamond":
        pts = [[x, y - r * 1.15], [x + r * 1.15, y], [x, y + r * 1.15], [x - r * 1.15, y]];
        break;
      case "triangle":
        pts = [[x, y - r * 1.2], [x + r * 1.1, y + r * 0.8], [x - r * 1.1, y + r * 0.8]];
        break;
      case "hexagon":
        pts = [];
        for (var k = 0; k < 6; k++) {
          var a = Math.PI / 3 * k;
          pts.push([x + r * 1.05 * Math.cos(a), y + r * 1.05 * Math.sin(a)]);
        }
        break;
      default:
        e = svg("circle", { cx: x, cy: y, r: r });
    }
    if (!e) e = svg("polygon", { points: pts.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ") });
    setAttrs(e, { fill: fill, stroke: "#333", "stroke-width": 0.8 });
    setAttrs(e, attrs);
    return e;
  }
  function swatch(s) {
    return svg("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" },
      shapeSVG(s ? s[3] : "circle", 7, 7, 5, s ? s[2] : "#bbb"));
  }

  // ---- networks for the profiles ----------------------------------------
  var adjacency = null; // adjacency[i] = Map(j -> weight), the measures' network
  function network() {
    if (adjacency) return adjacency;
    var n = orgs.length, i;
    adjacency = new Array(n);
    for (i = 0; i < n; i++) adjacency[i] = new Map();
    function add(a, b, w) {
      if (a === b) return;
      adjacency[a].set(b, (adjacency[a].get(b) || 0) + w);
      adjacency[b].set(a, (adjacency[b].get(a) || 0) + w);
    }
    var m = X.map, perOrg = m.all && m.org.length === n && m.org.every(function (o, k) { return o === k; });
    if (perOrg) {
      for (i = 0; i < m.edges.length; i += 2) {
        var w = m.weights[i / 2];
        adjacency[m.edges[i]].set(m.edges[i + 1], w);
        adjacency[m.edges[i + 1]].set(m.edges[i], w);
      }
    } else if (X.basis === "ties") {
      X.waves.forEach(function (wv) {
        if (wv[0] !== X.wave) return;
        for (var k = 0; k < wv[1].length; k += 2) add(wv[1][k], wv[1][k + 1], 1);
      });
    } else {
      // Shared forums (or meetings): members of each group, pairwise.
      var groups = new Map();
      orgs.forEach(function (o, j) {
        (X.basis === "meetings" ? o[6] : o[4]).forEach(function (g) {
          if (!groups.has(g)) groups.set(g, []);
          groups.get(g).push(j);
        });
      });
      groups.forEach(function (ms) {
        for (var a = 0; a < ms.length; a++) for (var b = a + 1; b < ms.length; b++) add(ms[a], ms[b], 1);
      });
    }
    return adjacency;
  }
  var wavePartners = null; // [wave][i] = Set of partners
  function partnersIn(wi, i) {
    if (!wavePartners) {
      wavePartners = X.waves.map(function (wv) {
        var p = orgs.map(function () { return null; });
        for (var k = 0; k < wv[1].length; k += 2) {
          var a = wv[1][k], b = wv[1][k + 1];
          (p[a] = p[a] || new Set()).add(b);
          (p[b] = p[b] || new Set()).add(a);
        }
        return p;
      });
    }
    return wavePartners[wi][i] || new Set();
  }
  var sortedMeasures = null;
  function rankOf(mi, i) {
    if (!sortedMeasures) sortedMeasures = [];
    var vals = X.measures[mi][3];
    if (!sortedMeasures[mi]) {
      sortedMeasures[mi] = vals.filter(function (v) { return v !== null; }).sort(function (a, b) { return b - a; });
    }
    var v = vals[i];
    if (v === null) return null;
    var s = sortedMeasures[mi], lo = 0, hi = s.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (s[mid] > v) lo = mid + 1; else hi = mid; }
    return { rank: lo + 1, of: s.length };
  }
  var suggestionsOf = null;
  function suggestions(i) {
    if (!suggestionsOf) {
      suggestionsOf = orgs.map(function () { return []; });
      X.suggestions.forEach(function (s) {
        suggestionsOf[s[0]].push(s);
        suggestionsOf[s[1]].push(s);
      });
    }
    return suggestionsOf[i];
  }
  // reason says what a suggested pair shares, each name isolated in a
  // <bdi> so that a Hebrew or Arabic name cannot reorder the sentence.
  function reason(s) {
    var out = [];
    function names(xs, nameOf) {
      xs.forEach(function (x, k) {
        if (k > 0) out.push(k === xs.length - 1 ? " and " : ", ");
        out.push(el("bdi", { text: nameOf(x) }));
      });
    }
    function sep() { if (out.length) out.push("; "); }
    if (s[3].length) { out.push("both in "); names(s[3], forumName); }
    if (s[4].length) {
      sep();
      out.push(plural(s[4].length, "common partner", "common partners") + ": ");
      names(s[4].slice(0, 5), orgName);
      if (s[4].length > 5) out.push(" and " + plural(s[4].length - 5, "other", "others"));
    }
    if (s[5].length) { sep(); out.push("collaborated in " + andList(s[5]) + ", not in " + X.wave); }
    return out;
  }

  // ---- ego diagram ---------------------------------------------------------
  var EGO_MAX = 30;
  function egoDiagram(i) {
    var adj = network()[i];
    var partners = Array.from(adj.keys());
    partners.sort(function (a, b) { return adj.get(b) - adj.get(a) || a - b; });
    var more = Math.max(0, partners.length - EGO_MAX);
    partners = partners.slice(0, EGO_MAX);
    partners.sort(function (a, b) { return (orgs[a][2] - orgs[b][2]) || a - b; });
    var W = 560, H = 520, cx = W / 2, cy = H / 2, R = 120;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img" });
    var title = orgName(i) + ": " + plural(adj.size, "partner", "partners") + (more ? ", the " + EGO_MAX + " closest drawn" : "");
    root.appendChild(svg("title", { text: title }));
    var pos = partners.map(function (p, k) {
      var a = -Math.PI / 2 + 2 * Math.PI * k / Math.max(1, partners.length);
      return [cx + R * Math.cos(a), cy + R * Math.sin(a), a];
    });
    var maxW = 0;
    partners.forEach(function (p) { maxW = Math.max(maxW, adj.get(p)); });
    var lines = svg("g", { stroke: "#c3cad1" });
    var idx = new Map(partners.map(function (p, k) { return [p, k]; }));
    partners.forEach(function (p, k) {
      network()[p].forEach(function (w, q) {
        var k2 = idx.get(q);
        if (k2 !== undefined && k2 > k) {
          lines.appendChild(svg("line", { x1: pos[k][0], y1: pos[k][1], x2: pos[k2][0], y2: pos[k2][1], "stroke-width": 0.8 }));
        }
      });
    });
    root.appendChild(lines);
    var spokes = svg("g", { stroke: "#7b8794" });
    partners.forEach(function (p, k) {
      var w = maxW > 0 ? 0.8 + 2.6 * adj.get(p) / maxW : 1;
      spokes.appendChild(svg("line", { x1: cx, y1: cy, x2: pos[k][0], y2: pos[k][1], "stroke-width": w.toFixed(2) }));
    });
    root.appendChild(spokes);
    partners.forEach(function (p, k) {
      var s = sectorOf(p);
      var g = svg("g", {}, [svg("title", { text: orgName(p) + " (" + sectorLabel(s) + ")" })]);
      g.appendChild(shapeSVG(s ? s[3] : "circle", pos[k][0], pos[k][1], 6, s ? s[2] : "#bbb"));
      // Labels run outwards along the spoke, turned upright on the left.
      var right = Math.cos(pos[k][2]) >= 0;
      var deg = pos[k][2] * 180 / Math.PI + (right ? 0 : 180);
      var lx = pos[k][0] + 11 * Math.cos(pos[k][2]), ly = pos[k][1] + 11 * Math.sin(pos[k][2]);
      var name = orgName(p);
      g.appendChild(svg("text", { x: lx.toFixed(1), y: (ly + 3.5).toFixed(1), "text-anchor": right ? "start" : "end", direction: "ltr",
        transform: "rotate(" + deg.toFixed(1) + " " + lx.toFixed(1) + " " + ly.toFixed(1) + ")",
        text: name.length > 24 ? name.slice(0, 23) + "…" : name }));
      root.appendChild(g);
    });
    var s0 = sectorOf(i);
    var focal = svg("g", {}, [svg("title", { text: orgName(i) + " (" + sectorLabel(s0) + ")" })]);
    focal.appendChild(shapeSVG(s0 ? s0[3] : "circle", cx, cy, 11, s0 ? s0[2] : "#bbb", { stroke: "#000", "stroke-width": 2.5 }));
    root.appendChild(focal);
    var cap = partners.length === 0 ? "No partner in this network." :
      plural(adj.size, "partner", "partners") + " in this network" + (more ? "; the " + EGO_MAX + " with the strongest ties are drawn" : "") +
      ". Lines from the centre are its ties (thicker: stronger); grey lines join partners that are tied themselves.";
    return el("figure", { "class": "sn-ego" }, [root, el("figcaption", { "class": "sn-note", text: cap })]);
  }

  // ---- profiles ------------------------------------------------------------
  var profileBox = document.getElementById("sn-profile");
  function list(items, max, render) {
    var ul = el("ul");
    items.slice(0, max).forEach(function (x) { ul.appendChild(el("li", null, render(x))); });
    if (items.length > max) ul.appendChild(el("li", { "class": "sn-note", text: "and " + (items.length - max) + " more" }));
    return ul;
  }
  function nameList(set, max) {
    var xs = Array.from(set).sort(function (a, b) { return orgName(a).localeCompare(orgName(b)); });
    if (!xs.length) return el("p", { "class": "sn-note", text: "none" });
    return list(xs, max, function (j) { return [orgLink(j)]; });
  }
  function openProfile(i, focus) {
    if (!profileBox || !(i >= 0 && i < orgs.length)) return;
    var o = orgs[i], s = sectorOf(i);
    profileBox.textContent = "";
    var h = el("h3", { dir: "auto", tabindex: "-1", id: "sn-profile-h", text: orgName(i) });
    var facts = [swatch(s), " " + sectorLabel(s), " · id ", el("code", { dir: "auto", text: o[0] })];
    if (o[3] >= 0) facts.push(" · community " + o[3]);
    append(profileBox, [h, el("p", { "class": "sn-meta" }, facts)]);
    var left = el("div"), right = el("div");
    append(profileBox, el("div", { "class": "sn-pgrid" }, [left, right]));

    left.appendChild(el("h4", { text: "Forums" }));
    if (!o[4].length) left.appendChild(el("p", { "class": "sn-note", text: "In no forum." }));
    else left.appendChild(list(o[4].map(function (f, k) { return [f, o[5] ? o[5][k] : ""]; }), 50, function (x) {
      var f = X.forums[x[0]];
      var bits = [el("span", { dir: "auto", text: forumName(x[0]) })];
      if (f[2] && f[2] !== "forum") bits.push(" (" + f[2] + ")");
      if (x[1]) bits.push(" · " + x[1]);
      return bits;
    }));

    if (X.meetings.length) {
      left.appendChild(el("h4", { text: "Meetings attended" }));
      var ms = o[6];
      if (!ms.length) left.appendChild(el("p", { "class": "sn-note", text: "None of the " + X.meetings.length + " meetings." }));
      else {
        left.appendChild(el("p", { text: plural(ms.length, "meeting", "meetings") + " of " + X.meetings.length + ", from " + X.meetings[ms[0]][2] + " to " + X.meetings[ms[ms.length - 1]][2] + "." }));
        left.appendChild(list(ms, 12, function (m) {
          return [X.meetings[m][2] + " · ", el("span", { dir: "auto", text: forumName(X.meetings[m][1]) })];
        }));
      }
    }

    if (X.waves.length) {
      left.appendChild(el("h4", { text: "Partners in each survey wave" }));
      var p = el("p");
      X.waves.forEach(function (wv, wi) {
        if (wi) p.appendChild(document.createTextNode("; "));
        p.appendChild(document.createTextNode(wv[0] + ": " + plural(partnersIn(wi, i).size, "partner", "partners")));
      });
      p.appendChild(document.createTextNode("."));
      left.appendChild(p);
      for (var wi = 1; wi < X.waves.length; wi++) {
        var before = partnersIn(wi - 1, i), after = partnersIn(wi, i);
        var gained = new Set(), kept = new Set(), lost = new Set();
        after.forEach(function (j) { (before.has(j) ? kept : gained).add(j); });
        before.forEach(function (j) { if (!after.has(j)) lost.add(j); });
        var pair = X.waves[wi - 1][0] + " to " + X.waves[wi][0];
        left.appendChild(el("p", null, [el("strong", { text: pair + ": " }),
          el("span", { "class": "sn-new", text: gained.size + " new" }), ", " + kept.size + " kept, ",
          el("span", { "class": "sn-gone", text: lost.size + " dissolved" })]));
        if (gained.size) { left.appendChild(el("p", { "class": "sn-tag", text: "new" })); left.appendChild(nameList(gained, 20)); }
        if (kept.size) { left.appendChild(el("p", { "class": "sn-tag", text: "kept" })); left.appendChild(nameList(kept, 20)); }
        if (lost.size) { left.appendChild(el("p", { "class": "sn-tag", text: "dissolved" })); left.appendChild(nameList(lost, 20)); }
      }
    }

    if (X.measures.length) {
      left.appendChild(el("h4", { text: "Place in the network" }));
      var tb = el("tbody");
      X.measures.forEach(function (m, mi) {
        var r = rankOf(mi, i);
        var meaning = DATA.methods[m[0]] ? DATA.methods[m[0]].meaning : "";
        tb.appendChild(el("tr", { title: meaning }, [el("th", { scope: "row", text: m[1] }),
          el("td", { "class": "n", text: human(m[3][i], m[2]) }),
          el("td", { text: r ? "rank " + r.rank + " of " + r.of : "" })]));
      });
      left.appendChild(el("table", { "class": "sn-ranks" }, tb));
      left.appendChild(el("p", { "class": "sn-note", text: "Rank 1 is the highest value; equal values share a rank." }));
    }
    if (X.brokerage) {
      var b = X.brokerage[i];
      var total = b[0] + b[1] + b[2] + b[3] + b[4];
      left.appendChild(el("h4", { text: "Brokerage roles" }));
      left.appendChild(el("p", { text: total === 0 ? "It brokers between no pair of its partners: they are tied to each other, or it has fewer than two." :
        plural(total, "brokered pair", "brokered pairs") + " (each unconnected pair of its partners, counted in both directions): " +
        ["coordinator " + b[0], "itinerant " + b[1], "gatekeeper " + b[2], "representative " + b[3], "liaison " + b[4]].join(", ") + "." }));
      left.appendChild(el("p", { "class": "sn-note", text: "Liaisons connect two other sectors; gatekeepers and representatives connect their own sector with another; coordinators work within one sector." }));
    }

    var sg = suggestions(i);
    left.appendChild(el("h4", { text: "Introductions worth making" }));
    if (!sg.length) left.appendChild(el("p", { "class": "sn-note", text: X.suggestions.length ? "None among the suggested pairs." : "No suggestions (they need survey ties)." }));
    else left.appendChild(list(sg, 10, function (x) {
      var other = x[0] === i ? x[1] : x[0];
      return [orgLink(other), " (", el("bdi", { text: sectorLabel(sectorOf(other)) }), "): "].concat(reason(x), [" (Adamic-Adar " + human(x[2]) + ")"]);
    }));

    right.appendChild(el("h4", { text: "Its network" }));
    right.appendChild(egoDiagram(i));
    var pr = el("button", { type: "button", "class": "sn-noprint", text: "Print this profile" });
    pr.addEventListener("click", function () {
      document.body.classList.add("sn-print-profile");
      window.print();
    });
    right.appendChild(pr);
    if (focus) {
      profileBox.scrollIntoView({ block: "start" });
      h.focus({ preventScroll: true });
    }
    if (mapAPI) mapAPI.select(i);
  }
  window.addEventListener("afterprint", function () { document.body.classList.remove("sn-print-profile"); });

  function route() {
    var m = /^#org-(\d+)$/.exec(location.hash);
    if (m) openProfile(parseInt(m[1], 10), true);
  }
  function go(i) {
    if (i < 0) return;
    if (location.hash === "#org-" + i) openProfile(i, true);
    else location.hash = "#org-" + i;
  }

  // ---- map -----------------------------------------------------------------
  var mapAPI = null;
  function hexagon() {
    return {
      name: "hexagon",
      inradiusFactor: 0.866,
      glsl: "float sdf_hexagon(vec2 uv, float size) {\n" +
        "  const vec3 k = vec3(-0.866025404, 0.5, 0.577350269);\n" +
        "  vec2 p = abs(uv.yx);\n" +
        "  p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;\n" +
        "  float r = size * 0.866025404;\n" +
        "  p -= vec2(clamp(p.x, -k.z * r, k.z * r), r);\n" +
        "  return length(p) * sign(p.y);\n" +
        "}\n"
    };
  }
  function hasWebGL2() {
    try { return !!document.createElement("canvas").getContext("webgl2"); } catch (e) { return false; }
  }
  function buildMap() {
    var box = document.getElementById("sn-map");
    if (!box || !X || !X.map.x.length) return;
    if (typeof Sigma === "undefined" || typeof graphology === "undefined" || !hasWebGL2()) return;
    var m = X.map, n = m.x.length;
    var G = new graphology.Graph({ type: "undirected", multi: false });
    var base = n > 2000 ? 1.6 : n > 500 ? 2.6 : 4.5;
    var minW = Infinity, maxW = 0, k;
    for (k = 0; k < m.weights.length; k++) { minW = Math.min(minW, m.weights[k]); maxW = Math.max(maxW, m.weights[k]); }
    for (k = 0; k < n; k++) {
      var o = m.org[k], s = m.sector[k] >= 0 ? X.sectors[m.sector[k]] : null;
      var name = o >= 0 ? orgName(o) : m.label[k];
      G.addNode(String(k), {
        x: m.x[k], y: -m.y[k],
        size: base * Math.sqrt(Math.max(1, m.size[k])),
        color: s ? s[2] : "#9aa4ae",
        shape: s ? s[3] : "circle",
        label: name.length > 30 ? name.slice(0, 29) + "…" : name,
        full: name
      });
    }
    var edgeColor = n > 1000 ? "#dfe3e8" : "#cdd3da";
    for (k = 0; k < m.edges.length; k += 2) {
      var w = m.weights[k / 2];
      var t = maxW > minW ? (w - minW) / (maxW - minW) : 0;
      G.addEdge(String(m.edges[k]), String(m.edges[k + 1]), { size: (n > 1000 ? 0.4 : 0.7) + 2 * t, color: edgeColor });
    }
    box.textContent = "";
    var R = Sigma.rendering;
    var renderer = new Sigma(G, box, {
      primitives: { nodes: { shapes: [R.sdfCircle(), R.sdfSquare(), R.sdfDiamond(), R.sdfTriangle(), hexagon()], layers: [R.layerFill()] } },
      styles: {
        nodes: [Sigma.DEFAULT_STYLES.nodes, {
          shape: { attribute: "shape" },
          size: function (a, st) { return st.isHighlighted ? Math.max(a.size * 2.2, 9) : st.isHovered ? a.size * 1.4 : a.size; },
          labelVisibility: function (a, st) { return st.isHighlighted || st.isHovered ? "visible" : "auto"; }
        }],
        edges: [Sigma.DEFAULT_STYLES.edges]
      },
      settings: { allowInvalidContainer: true, hideEdgesOnMove: m.edges.length > 20000, renderEdgeLabels: false, labelDensity: n > 1000 ? 0.4 : 1, zoomingRatio: 1.6 }
    });
    box.setAttribute("tabindex", "0");

    var tip = document.getElementById("sn-tip");
    renderer.on("enterNode", function (e) {
      var k = parseInt(e.node, 10), o = m.org[k];
      var s = m.sector[k] >= 0 ? X.sectors[m.sector[k]] : null;
      var lines = [G.getNodeAttribute(e.node, "full")];
      if (o >= 0) lines.push(sectorLabel(s) + (orgs[o][4].length ? " · " + plural(orgs[o][4].length, "forum", "forums") : ""));
      else lines.push(plural(m.members[k], "organization", "organizations"));
      tip.textContent = lines.join("\n");
      tip.hidden = false;
      box.style.cursor = "pointer";
    });
    renderer.on("leaveNode", function () { tip.hidden = true; box.style.cursor = ""; });
    box.addEventListener("mousemove", function (ev) {
      if (!tip.hidden) { tip.style.left = (ev.clientX + 14) + "px"; tip.style.top = (ev.clientY + 12) + "px"; }
    });
    renderer.on("clickNode", function (e) {
      var o = m.org[parseInt(e.node, 10)];
      if (o >= 0) go(o);
      else {
        var c = m.community[parseInt(e.node, 10)];
        if (c >= 0) { commSel.value = String(c); applyFilter(); }
      }
    });

    // Filters.
    var sectorBox = document.getElementById("sn-sectors");
    var checks = X.sectors.map(function (s, si) {
      var id = "sn-sec-" + si;
      var cb = el("input", { type: "checkbox", id: id, checked: "checked" });
      sectorBox.appendChild(el("label", { "for": id }, [cb, swatch(s), el("span", { dir: "auto", text: sectorLabel(s) })]));
      cb.addEventListener("change", applyFilter);
      return cb;
    });
    var forumSel = document.getElementById("sn-forum");
    X.forums.forEach(function (f, fi) { forumSel.appendChild(el("option", { value: fi, text: forumName(fi) })); });
    forumSel.addEventListener("change", applyFilter);
    var commSel = document.getElementById("sn-comm");
    if (X.communities > 0) {
      var sizes = new Array(X.communities).fill(0);
      orgs.forEach(function (o) { if (o[3] >= 0) sizes[o[3]]++; });
      for (var c = 0; c < X.communities; c++) {
        commSel.appendChild(el("option", { value: c, text: "Community " + c + " (" + plural(sizes[c], "organization", "organizations") + ")" }));
      }
      commSel.addEventListener("change", applyFilter);
    } else commSel.parentNode.hidden = true;
    var count = document.getElementById("sn-count");
    var forumMembers = null;
    function applyFilter() {
      var f = forumSel.value === "" ? -1 : parseInt(forumSel.value, 10);
      var c = commSel.value === "" ? -1 : parseInt(commSel.value, 10);
      if (f >= 0 && !forumMembers) {
        forumMembers = X.forums.map(function () { return new Set(); });
        orgs.forEach(function (o, i) { o[4].forEach(function (g) { forumMembers[g].add(i); }); });
      }
      var hide = [], show = [];
      for (var k = 0; k < n; k++) {
        var sk = m.sector[k], o = m.org[k];
        var ok = sk < 0 || checks[sk].checked;
        if (ok && f >= 0) ok = o >= 0 && forumMembers[f].has(o);
        if (ok && c >= 0) ok = m.community[k] === c;
        (ok ? show : hide).push(String(k));
      }
      renderer.setNodesState(hide, { isHidden: true });
      renderer.setNodesState(show, { isHidden: false });
      count.textContent = show.length === n ? plural(n, "mark", "marks") + " shown" : show.length + " of " + plural(n, "mark", "marks") + " shown";
      box.setAttribute("data-shown", String(show.length));
    }
    applyFilter();

    var cam = renderer.getCamera();
    document.getElementById("sn-zin").addEventListener("click", function () { cam.animatedZoom({ duration: 250 }); });
    document.getElementById("sn-zout").addEventListener("click", function () { cam.animatedUnzoom({ duration: 250 }); });
    document.getElementById("sn-zreset").addEventListener("click", function () { cam.animatedReset({ duration: 250 }); });

    var nodeOf = new Map();
    m.org.forEach(function (o, k) { if (o >= 0) nodeOf.set(o, String(k)); });
    var selected = null;
    mapAPI = {
      select: function (o) {
        if (selected !== null && G.hasNode(selected)) renderer.setNodeState(selected, { isHighlighted: false });
        selected = nodeOf.has(o) ? nodeOf.get(o) : null;
        if (selected === null) return;
        renderer.setNodeState(selected, { isHighlighted: true });
        box.setAttribute("data-selected", selected);
      }
    };
    // For tests and scripts: where a node is drawn, in page pixels.
    window.sectornetMap = {
      renderer: renderer,
      nodePosition: function (k) {
        var a = G.getNodeAttributes(String(k));
        var v = renderer.graphToViewport({ x: a.x, y: a.y });
        var r = box.getBoundingClientRect();
        return [r.left + v.x, r.top + v.y];
      }
    };
    box.setAttribute("data-ready", "1");
  }

  // ---- wiring --------------------------------------------------------------
  function searchField(id) {
    var input = document.getElementById(id);
    if (!input) return;
    function run() {
      var i = findOrg(input.value);
      input.setAttribute("aria-invalid", i < 0 && input.value.trim() ? "true" : "false");
      if (i >= 0) go(i);
    }
    input.addEventListener("change", run);
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); run(); } });
  }

  function init() {
    var names = document.getElementById("sn-names");
    if (names && orgs.length) {
      var frag = document.createDocumentFragment();
      var seen = new Set();
      orgs.forEach(function (o, i) {
        var n = orgName(i);
        if (!seen.has(n)) { seen.add(n); frag.appendChild(el("option", { value: n })); }
      });
      names.appendChild(frag);
    }
    document.querySelectorAll("table.sn-t").forEach(enhanceTable);
    try { buildMap(); } catch (e) {
      var box = document.getElementById("sn-map");
      if (box) box.textContent = "The map could not be drawn in this browser (" + e.message + "); the tables and figures hold the same results.";
    }
    searchField("sn-find");
    searchField("sn-pick");
    var para = document.getElementById("sn-copy-para");
    if (para) para.addEventListener("click", function () {
      var text = document.getElementById("sn-para").textContent;
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { para.textContent = "Copied"; }, function () {});
      var r = document.createRange();
      r.selectNodeContents(document.getElementById("sn-para"));
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
    });
    var bib = document.getElementById("sn-get-bib");
    if (bib) bib.addEventListener("click", function () {
      download("references.bib", document.getElementById("sn-bib").textContent, "application/x-bibtex;charset=utf-8");
    });
    window.addEventListener("hashchange", route);
    route();
    document.documentElement.setAttribute("data-sn-ready", "1");
  }
  init();
})();
