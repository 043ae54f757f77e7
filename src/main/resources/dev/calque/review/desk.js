// Calque review desk: plain browser JavaScript, no library, served by Calque itself.
(function () {
  "use strict";
  var API = "api/";
  var SEVERITY_RANK = { critical: 3, major: 2, minor: 1, neutral: 0 };
  var ICON = { critical: "◆", major: "▲", minor: "▽", neutral: "·" };
  var VERDICT_WORD = { confirmed: "Confirmed", dismissed: "Dismissed", edited: "Edited" };

  var state = { run: null, articleIndex: 0, findings: [], current: -1 };
  var $ = function (id) { return document.getElementById(id); };

  // a bidirectional control inside an article would reorder the line the editor reads (Trojan Source):
  // it is shown as its escape, as on the console
  var BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  function visible(s) {
    return typeof s !== "string" ? s : s.replace(BIDI, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") e.textContent = visible(attrs[k]);
      else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c != null) e.append(visible(c)); });
    return e;
  }

  function announce(message) {
    var live = $("live");
    live.textContent = "";
    // a fresh text node after a tick, so the same message twice is announced twice
    setTimeout(function () { live.textContent = message; }, 30);
  }

  function request(method, path, body) {
    var opts = { method: method, headers: {} };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch(API + path, opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) throw new Error(data.error || ("the desk answered " + r.status));
        return data;
      });
    });
  }

  // ---- intake -------------------------------------------------------------------------------

  function showIntake() {
    $("review").hidden = true;
    $("intake").hidden = false;
    $("intake-text").focus();
  }

  function readFileInto(input, target, titleField) {
    input.addEventListener("change", function () {
      var f = input.files && input.files[0];
      if (!f) return;
      f.text().then(function (t) {
        target.value = t;
        if (titleField && !titleField.dataset.source) titleField.dataset.source = f.name;
        announce("Loaded " + f.name + ", " + t.length + " characters.");
      });
    });
  }

  function submitIntake(ev) {
    if (ev) ev.preventDefault();
    var text = $("intake-text").value;
    var err = $("intake-error");
    if (!text.trim()) {
      err.textContent = "Paste or upload the translation first.";
      err.hidden = false;
      $("intake-text").setAttribute("aria-invalid", "true");
      $("intake-text").focus();
      return;
    }
    err.hidden = true;
    $("intake-text").removeAttribute("aria-invalid");
    var button = $("intake-check");
    button.disabled = true;
    announce("Checking the article…");
    request("POST", "check", {
      title: $("intake-heading").value, text: text, original: $("intake-original").value,
      source: $("intake-heading").dataset.source || "pasted"
    }).then(function (run) {
      openRun(run);
    }).catch(function (e) {
      err.textContent = "Could not check: " + e.message;
      err.hidden = false;
      announce(err.textContent);
    }).finally(function () { button.disabled = false; });
  }

  function openReportFile(input) {
    var f = input.files && input.files[0];
    if (!f) return;
    f.text().then(function (t) {
      var doc;
      try { doc = JSON.parse(t); } catch (e) { throw new Error(f.name + " is not JSON"); }
      return request("POST", "report", doc);
    }).then(function (run) { run.name = f.name; openRun(run); })
      .catch(function (e) { announce("Could not open the report: " + e.message); alertBox(e.message); })
      .finally(function () { input.value = ""; });
  }

  function alertBox(message) {
    var err = $("intake-error");
    err.textContent = message;
    err.hidden = false;
    if (!$("intake").hidden) return;
    showIntake();
  }

  function loadResults() {
    request("GET", "results").then(function (list) {
      if (!list.length) return;
      var sel = $("results");
      list.forEach(function (r) { sel.append(el("option", { value: r.name, text: r.name + " · " + r.modified.slice(0, 16).replace("T", " ") })); });
      sel.hidden = false;
      document.querySelector(".results-label").hidden = false;
      sel.addEventListener("change", function () {
        if (!sel.value) return;
        request("GET", "results/" + encodeURIComponent(sel.value)).then(openRun)
          .catch(function (e) { alertBox(e.message); });
      });
    }).catch(function () { /* no results folder: nothing to offer */ });
  }

  // ---- the run and its articles ---------------------------------------------------------------

  function openRun(run) {
    if (!run.articles || !run.articles.length) {
      alertBox("This run has no articles.");
      return;
    }
    state.run = run;
    var nav = $("article-nav"), sel = $("article-select");
    sel.textContent = "";
    run.articles.forEach(function (a, i) {
      sel.append(el("option", { value: String(i),
        text: (i + 1) + " of " + run.articles.length + ": " + (a.title || a.id) + " (" + a.findings.length + " findings)" }));
    });
    nav.hidden = run.articles.length < 2;
    $("intake").hidden = true;
    $("review").hidden = false;
    showArticle(0);
  }

  function showArticle(i) {
    var run = state.run, a = run.articles[i];
    state.articleIndex = i;
    $("article-select").value = String(i);
    $("article-title").textContent = a.title || a.id;
    var meta = [a.source || a.id];
    if (a.words) meta.push(a.words + " words");
    if (typeof a.score === "number") meta.push("MQM " + a.score.toFixed(1));
    meta.push(a.findings.length + (a.findings.length === 1 ? " finding" : " findings"));
    $("article-meta").textContent = meta.join(" · ");
    // what the check says of the article as a whole: its findings were capped, its text was cut
    $("article-note").textContent = a.note || "";
    $("article-note").hidden = !a.note;

    var withConfidence = a.findings.some(function (f) { return typeof f.confidence === "number"; });
    state.findings = a.findings.slice().sort(function (x, y) {
      if (withConfidence) {
        var d = (y.confidence || 0) - (x.confidence || 0);
        if (d) return d;
      }
      return (SEVERITY_RANK[y.severity] || 0) - (SEVERITY_RANK[x.severity] || 0) || (x.start || 0) - (y.start || 0);
    });
    $("order-hint").textContent = withConfidence ? "Most likely errors first (by confidence)." : "Worst first (by severity), then in reading order.";
    state.findings.forEach(function (f, n) { f._n = n + 1; });
    renderArticleText(a);
    var orig = $("original");
    if (a.original) {
      $("original-text").textContent = a.original;
      orig.hidden = false;
      document.querySelector(".texts").classList.add("with-original");
    } else {
      orig.hidden = true;
      document.querySelector(".texts").classList.remove("with-original");
    }
    renderFindings();
    state.current = -1;
    var first = firstOpen(0);
    select(first >= 0 ? first : 0, true);
    announce((a.title || a.id) + ": " + a.findings.length + " findings, " + decidedCount() + " decided."
      + (a.note ? " " + a.note + "." : ""));
  }

  function renderArticleText(a) {
    var box = $("article-text");
    box.textContent = "";
    if (typeof a.text !== "string") {
      var p = el("p", { cls: "no-text" }, ["This report holds the findings, not the article text: each finding shows its sentence. ",
        "To see the article marked, check its text with ", el("kbd", { text: "n" }), "."]);
      box.append(p);
      return;
    }
    var text = a.text, fs = state.findings;
    var cuts = [0, text.length];
    fs.forEach(function (f) { cuts.push(clamp(f.start, text), clamp(f.end, text)); });
    cuts = Array.from(new Set(cuts)).sort(function (x, y) { return x - y; });
    for (var b = 0; b + 1 < cuts.length; b++) {
      var from = cuts[b], to = cuts[b + 1], worst = null;
      for (var i = 0; i < fs.length; i++) {
        var s = clamp(fs[i].start, text), e = clamp(fs[i].end, text);
        if (s <= from && e >= to && s < e && (!worst || SEVERITY_RANK[fs[i].severity] > SEVERITY_RANK[worst.severity])) worst = fs[i];
      }
      var piece = text.substring(from, to);
      if (!worst) {
        box.append(piece);
      } else {
        var m = el("mark", { cls: worst.severity, "data-n": String(worst._n), title: worst._n + ". [" + worst.severity + "] " + worst.category + ": " + worst.message },
          [piece]);
        m.addEventListener("click", selectFromMark);
        box.append(m);
      }
      fs.forEach(function (f) {
        if (clamp(f.end, text) === to && clamp(f.start, text) < to) {
          var tag = el("sup", { cls: "tag", "data-n": String(f._n), "aria-hidden": "true", text: f._n + " " + ICON[f.severity] + " " + f.severity });
          tag.addEventListener("click", selectFromMark);
          box.append(tag);
        }
      });
    }
    refreshMarks();
  }

  function selectFromMark(ev) {
    var n = Number(ev.currentTarget.getAttribute("data-n"));
    select(n - 1, false);
  }

  function clamp(x, text) { return Math.max(0, Math.min(x || 0, text.length)); }

  // ---- findings list --------------------------------------------------------------------------

  function renderFindings() {
    var list = $("findings");
    list.textContent = "";
    state.findings.forEach(function (f, i) { list.append(findingItem(f, i)); });
    updateProgress();
  }

  function findingItem(f, i) {
    var id = "f" + f._n;
    var ctx = el("p", { cls: "ctx" });
    var sentence = f.sentence || f.passage || "";
    var at = f.passage ? sentence.indexOf(f.passage) : -1;
    if (at >= 0) {
      ctx.append(sentence.slice(0, at), el("mark", { cls: f.severity, text: f.passage }), sentence.slice(at + f.passage.length));
    } else {
      ctx.append(el("mark", { cls: f.severity, text: f.passage || "" }), sentence ? " — " + sentence : "");
    }
    var head = el("div", { cls: "fhead", id: id + "-head" }, [
      el("span", { cls: "num", text: f._n + "." }),
      el("span", { cls: "badge " + f.severity, text: ICON[f.severity] + " " + f.severity }),
      el("span", { cls: "cat", text: f.category }),
      typeof f.confidence === "number" ? el("span", { cls: "confidence", text: Math.round(f.confidence * 100) + "% likely" }) : null
    ]);
    var sugg = f.suggestions && f.suggestions.length
      ? el("p", { cls: "sugg" }, ["Suggestion: "].concat(f.suggestions.slice(0, 3).map(function (s, k) {
        return k ? [" or ", el("b", { text: s })] : [el("b", { text: s })];
      }).flat()))
      : null;
    var li = el("li", { cls: "finding " + f.severity, id: id, tabindex: "-1", "data-i": String(i),
      "aria-labelledby": id + "-label", "aria-describedby": id + "-msg " + id + "-state" }, [
      head,
      el("span", { cls: "visually-hidden", id: id + "-label",
        text: "Finding " + f._n + " of " + state.findings.length + ", " + f.severity + ", " + f.category + ": " + (f.passage || "") }),
      ctx,
      el("p", { cls: "msg", id: id + "-msg", text: f.message || "" }),
      sugg,
      el("p", { cls: "rule", text: f.rule + (f.ruleName ? " · " + f.ruleName : "") }),
      el("p", { cls: "state", id: id + "-state" }),
      el("div", { cls: "actions", role: "group", "aria-label": "Verdict on finding " + f._n }, [
        actionButton("confirm", "Confirm", "c", i),
        actionButton("dismiss", "Dismiss…", "d", i),
        actionButton("edit", "Edit suggestion", "e", i)
      ])
    ]);
    li.addEventListener("focus", function () { if (state.current !== i) select(i, false, true); });
    li.addEventListener("click", function (ev) { if (!ev.target.closest("button, input, form")) select(i, false); });
    renderState(li, f);
    return li;
  }

  function actionButton(kind, label, key, i) {
    var b = el("button", { type: "button", cls: kind, "aria-keyshortcuts": key }, [label + " ", el("kbd", { text: key })]);
    b.addEventListener("click", function () {
      select(i, false, true);
      if (kind === "confirm") confirmCurrent();
      else if (kind === "dismiss") openDismiss();
      else openEdit();
    });
    return b;
  }

  function renderState(li, f) {
    var st = li.querySelector(".state");
    var v = f.verdict;
    li.classList.toggle("is-dismissed", !!v && v.verdict === "dismissed");
    if (!v) {
      st.className = "state open";
      st.textContent = "Not yet reviewed";
      return;
    }
    st.className = "state " + v.verdict;
    var mark = v.verdict === "confirmed" ? "✓ " : v.verdict === "dismissed" ? "✗ " : "✎ ";
    var line = mark + VERDICT_WORD[v.verdict] + " by " + v.editor;
    if (v.verdict === "dismissed") line += ": " + (v.reasonText || v.reason) + (v.note ? " — " + v.note : "");
    if (v.verdict === "edited") line += ": “" + v.editedSuggestion + "”";
    st.textContent = line;
  }

  function refreshMarks() {
    var cur = state.findings[state.current];
    document.querySelectorAll("#article-text mark").forEach(function (m) {
      var n = Number(m.getAttribute("data-n"));
      var f = state.findings[n - 1];
      m.classList.toggle("current", !!cur && cur._n === n);
      m.classList.toggle("decided-dismissed", !!f && !!f.verdict && f.verdict.verdict === "dismissed");
    });
  }

  function decidedCount() {
    return state.findings.filter(function (f) { return !!f.verdict; }).length;
  }

  function updateProgress() {
    $("progress").textContent = decidedCount() + " of " + state.findings.length + " decided";
  }

  function firstOpen(from) {
    for (var k = 0; k < state.findings.length; k++) {
      var i = (from + k) % state.findings.length;
      if (!state.findings[i].verdict) return i;
    }
    return -1;
  }

  function select(i, quiet, fromFocus) {
    if (!state.findings.length) { $("findings").focus(); return; }
    i = Math.max(0, Math.min(i, state.findings.length - 1));
    var prev = document.querySelector(".finding.current");
    if (prev) { prev.classList.remove("current"); prev.removeAttribute("aria-current"); }
    state.current = i;
    var li = $("f" + state.findings[i]._n);
    li.classList.add("current");
    li.setAttribute("aria-current", "true");
    if (!fromFocus) li.focus({ preventScroll: true });
    li.scrollIntoView({ block: "nearest" });
    refreshMarks();
    var mark = document.querySelector("#article-text mark.current");
    if (mark) mark.scrollIntoView({ block: "nearest" });
  }

  function move(delta) {
    if (!state.findings.length) return;
    var i = state.current < 0 ? 0 : state.current + delta;
    if (i < 0 || i >= state.findings.length) {
      announce(i < 0 ? "First finding." : "Last finding.");
      return;
    }
    select(i);
  }

  // ---- verdicts -------------------------------------------------------------------------------

  function editorName() {
    var name = $("editor").value.trim();
    if (!name) {
      announce("Type your name in the Editor field first; verdicts carry it.");
      $("editor").setAttribute("aria-invalid", "true");
      $("editor").focus();
      return null;
    }
    $("editor").removeAttribute("aria-invalid");
    try { localStorage.setItem("calque.editor", name); } catch (e) { /* private window */ }
    return name;
  }

  function record(kind, extra) {
    var f = state.findings[state.current];
    if (!f) return Promise.resolve();
    var editor = editorName();
    if (!editor) return Promise.resolve();
    var a = state.run.articles[state.articleIndex];
    var body = {
      fingerprint: f.fingerprint, rule: f.rule, passage: f.passage, sentence: f.sentence,
      articleId: a.id, articleSource: a.source || a.id, verdict: kind, editor: editor,
      rulePack: state.run.rulePack || ""
    };
    Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
    var index = state.current;
    return request("POST", "verdicts", body).then(function (v) {
      f.verdict = v;
      renderState($("f" + f._n), f);
      refreshMarks();
      updateProgress();
      var said = VERDICT_WORD[kind] + " finding " + f._n + " (“" + f.passage + "”)" +
        (kind === "dismissed" ? ": " + v.reasonText : "") + ". " + decidedCount() + " of " + state.findings.length + " decided.";
      var next = firstOpen(index + 1);
      if (next >= 0 && next !== index) {
        select(next, true);
        said += " Next: finding " + state.findings[next]._n + ".";
      } else {
        select(index, true);
        if (next < 0) said += " Every finding of this article is decided.";
      }
      announce(said);
    }).catch(function (e) { announce("Not saved: " + e.message); });
  }

  function confirmCurrent() { record("confirmed"); }

  function openDismiss() {
    var f = state.findings[state.current];
    if (!f) return;
    if (!editorName()) return;
    var dlg = $("dismiss-dialog");
    $("dismiss-finding").textContent = "Finding " + f._n + ": “" + f.passage + "” — " + (f.ruleName || f.rule);
    $("dismiss-note").value = "";
    $("dismiss-error").hidden = true;
    $("dismiss-note").removeAttribute("aria-invalid");
    var checked = dlg.querySelector("input[name=reason]:checked") || dlg.querySelector("input[name=reason]");
    dlg.showModal();
    checked.focus();
  }

  function submitDismiss(ev) {
    ev.preventDefault();
    var dlg = $("dismiss-dialog");
    var reason = dlg.querySelector("input[name=reason]:checked").value;
    var note = $("dismiss-note").value.trim();
    if (reason === "other" && !note) {
      var err = $("dismiss-error");
      err.textContent = "Say why in the note: “Other” needs one.";
      err.hidden = false;
      $("dismiss-note").setAttribute("aria-invalid", "true");
      $("dismiss-note").focus();
      announce(err.textContent);
      return;
    }
    dlg.close();
    record("dismissed", { reason: reason, note: note });
  }

  function dismissKeys(ev) {
    if (ev.target.id === "dismiss-note") return;
    var n = "1234".indexOf(ev.key);
    if (n >= 0 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      var radios = $("dismiss-dialog").querySelectorAll("input[name=reason]");
      radios[n].checked = true;
      radios[n].focus();
      ev.preventDefault();
    } else if (ev.key === "Enter" && ev.target.type === "radio") {
      submitDismiss(ev);
    }
  }

  function openEdit() {
    var f = state.findings[state.current];
    if (!f) return;
    if (!editorName()) return;
    var li = $("f" + f._n);
    if (li.querySelector(".edit-form")) { li.querySelector(".edit-form input").focus(); return; }
    var input = el("input", { type: "text", id: "edit-" + f._n, "aria-label": "Your suggestion for “" + f.passage + "”" });
    input.value = (f.verdict && f.verdict.editedSuggestion) || (f.suggestions && f.suggestions[0]) || f.passage || "";
    var form = el("form", { cls: "edit-form" }, [input,
      el("button", { type: "submit", cls: "primary" }, ["Save ", el("kbd", { text: "Enter" })]),
      el("button", { type: "button", cls: "cancel" }, ["Cancel ", el("kbd", { text: "Esc" })])]);
    function close() { form.remove(); li.focus({ preventScroll: true }); }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var value = input.value.trim();
      if (!value) { announce("The suggestion is empty: type the wording you want."); return; }
      form.remove();
      record("edited", { editedSuggestion: value });
    });
    form.querySelector(".cancel").addEventListener("click", close);
    input.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); close(); } });
    li.querySelector(".actions").after(form);
    input.focus();
    input.select();
    announce("Editing the suggestion for finding " + f._n + ". Enter saves, Escape cancels.");
  }

  // ---- keys -----------------------------------------------------------------------------------

  function typing(target) {
    return target && (target.closest("input, textarea, select, [contenteditable=true]") !== null);
  }

  function onKey(ev) {
    if (document.querySelector("dialog[open]")) return;
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !$("intake").hidden) { submitIntake(ev); return; }
    if (typing(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var reviewing = !$("review").hidden;
    switch (ev.key) {
      case "?": $("help-dialog").showModal(); $("help-close").focus(); break;
      case "n": showIntake(); break;
      case "j": case "ArrowDown": if (!reviewing) return; move(1); break;
      case "k": case "ArrowUp": if (!reviewing) return; move(-1); break;
      case "u": if (!reviewing) return;
        var open = firstOpen(state.current + 1);
        if (open >= 0) select(open); else announce("Every finding of this article is decided.");
        break;
      case "c": if (!reviewing) return; confirmCurrent(); break;
      case "d": if (!reviewing) return; openDismiss(); break;
      case "e": if (!reviewing) return; openEdit(); break;
      case "[": if (!reviewing || state.articleIndex === 0) return; showArticle(state.articleIndex - 1); break;
      case "]": if (!reviewing || !state.run || state.articleIndex + 1 >= state.run.articles.length) return; showArticle(state.articleIndex + 1); break;
      default: return;
    }
    ev.preventDefault();
  }

  document.addEventListener("DOMContentLoaded", function () {
    try { $("editor").value = localStorage.getItem("calque.editor") || ""; } catch (e) { /* private window */ }
    $("editor").addEventListener("change", function () { editorName(); });
    $("intake-form").addEventListener("submit", submitIntake);
    readFileInto($("intake-text-file"), $("intake-text"), $("intake-heading"));
    readFileInto($("intake-original-file"), $("intake-original"), null);
    $("report-file").addEventListener("change", function () { openReportFile($("report-file")); });
    $("new-article").addEventListener("click", showIntake);
    $("help-button").addEventListener("click", function () { $("help-dialog").showModal(); $("help-close").focus(); });
    $("help-dialog").addEventListener("close", function () { var li = document.querySelector(".finding.current"); if (li) li.focus(); });
    $("dismiss-form").addEventListener("submit", submitDismiss);
    $("dismiss-form").addEventListener("keydown", dismissKeys);
    $("dismiss-cancel").addEventListener("click", function () { $("dismiss-dialog").close(); });
    $("dismiss-dialog").addEventListener("close", function () {
      var li = document.querySelector(".finding.current");
      if (li && !document.querySelector("dialog[open]")) li.focus({ preventScroll: true });
    });
    $("article-select").addEventListener("change", function () { showArticle(Number($("article-select").value)); });
    $("prev-article").addEventListener("click", function () { if (state.articleIndex > 0) showArticle(state.articleIndex - 1); });
    $("next-article").addEventListener("click", function () { if (state.articleIndex + 1 < state.run.articles.length) showArticle(state.articleIndex + 1); });
    document.addEventListener("keydown", onKey);
    loadResults();
  });
})();
