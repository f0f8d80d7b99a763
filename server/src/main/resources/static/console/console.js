// The server's event stream turns into a "parley-event" on <body>, which htmx fragments refresh on (hx-trigger).
// htmx drops a trigger that comes while the element's request is in flight, so events that arrive during a refresh
// are remembered and one more "parley-event" follows it: the page always ends up showing the last event. That one is
// sent only once the refreshed fragment has settled: a fragment swapped in (outerHTML) starts listening for
// "parley-event" when htmx processes it, in the settle step, htmx.config.defaultSettleDelay after the swap; an event
// sent before then reaches nobody and the page would wait for its next poll.
(function () {
  if (!window.EventSource || location.pathname === '/console/login') {
    return;
  }
  var inFlight = 0;
  var missed = {}; // conversation id -> the last event about it that came during a request

  function refresh(frame) {
    if (inFlight > 0) {
      missed[frame.conversation_id || ''] = frame;
      return;
    }
    document.body.dispatchEvent(new CustomEvent('parley-event', { detail: frame }));
    if (frame.conversation_id) {
      document.body.dispatchEvent(new CustomEvent('parley-event-' + frame.conversation_id, { detail: frame }));
    }
  }

  document.body.addEventListener('htmx:beforeRequest', function () {
    inFlight++;
  });
  document.body.addEventListener('htmx:afterRequest', function () {
    inFlight = Math.max(0, inFlight - 1);
    var frames = Object.keys(missed).map(function (id) { return missed[id]; });
    if (inFlight === 0 && frames.length > 0) {
      missed = {};
      // a timer due no earlier than htmx's settle timer, and set after it, runs after it (HTML timer ordering)
      setTimeout(function () { frames.forEach(refresh); }, settleDelay());
    }
  });

  function settleDelay() {
    return window.htmx && typeof window.htmx.config.defaultSettleDelay === 'number'
      ? window.htmx.config.defaultSettleDelay
      : 20;
  }

  var source = new EventSource('/console/events');
  source.onopen = function () {
    var reconnected = document.body.getAttribute('data-live') === 'reconnecting';
    document.body.setAttribute('data-live', 'connected');
    if (reconnected) {
      refresh({ type: 'event', conversation_id: '' }); // the inbox catches up on what happened meanwhile
    }
  };
  source.onerror = function () {
    document.body.setAttribute('data-live', 'reconnecting');
  };
  source.onmessage = function (message) {
    var frame;
    try {
      frame = JSON.parse(message.data);
    } catch (notJson) {
      return;
    }
    if (frame.type === 'event') {
      refresh(frame);
      document.body.dispatchEvent(new CustomEvent('parley-frame', { detail: frame }));
    } else if (frame.type === 'typing') {
      document.body.dispatchEvent(new CustomEvent('parley-typing', { detail: frame }));
    }
  };
})();

// A page that answers a form post (a new key's secret, shown once) must not post again when reloaded.
if (window.history.replaceState && document.querySelector('code.secret')) {
  window.history.replaceState(null, '', location.href);
}

// On a phone a table's rows become cards (console.css): each cell is labelled with its column's name, also in rows
// that arrive later (a delivery log, a search). A table wider than its box that is left scrolls in it, which
// keyboard users must be able to reach.
document.querySelectorAll('main table').forEach(function (table) {
  var names = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
  function label() {
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.children, function (cell) {
        var span = cell.colSpan || 1;
        if (span === 1 && names[column] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', names[column]);
        column += span;
      });
    });
  }
  if (names.some(Boolean)) {
    label();
    table.classList.add('stacks');
    new MutationObserver(label).observe(table, { childList: true, subtree: true });
  }
  if (table.scrollWidth > table.clientWidth) {
    table.tabIndex = 0;
  }
});

// The console's Content-Security-Policy runs no inline script or handler, so pages' small behaviours live here.
document.querySelectorAll('select[data-submit-on-change]').forEach(function (select) {
  select.addEventListener('change', function () {
    select.form.submit();
  });
});

// The widget page's live preview follows the form as it is edited.
(function () {
  var form = document.getElementById('config');
  var head = document.getElementById('preview-head');
  var body = document.getElementById('preview-body');
  if (!form || !head || !body || !form.color) {
    return;
  }
  head.style.background = form.color.value;
  form.addEventListener('input', function () {
    head.style.background = form.color.value;
    head.textContent = form.button_text.value;
    body.textContent = form.welcome_message.value;
  });
})();

// --- The inbox: times, keys, saved replies, the copilot's draft, typing, notifications. ---
(function () {
  var header = document.querySelector('header[data-me]');
  var me = header && header.getAttribute('data-me');
  var csrf = header && header.getAttribute('data-csrf');
  var main = document.querySelector('main[data-conversation]');
  var conversation = main && main.getAttribute('data-conversation');

  // Times: "5 min" in lists, the exact local time on hover.
  var exact = window.Intl ? new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }) : null;
  function ago(date) {
    var minutes = Math.floor((Date.now() - date.getTime()) / 60000);
    if (minutes < 1) return 'now';
    if (minutes < 60) return minutes + ' min';
    if (minutes < 1440) return Math.floor(minutes / 60) + ' h';
    if (minutes < 10080) return Math.floor(minutes / 1440) + ' d';
    return date.toLocaleDateString();
  }
  function times() {
    document.querySelectorAll('time[datetime]').forEach(function (t) {
      var date = new Date(t.getAttribute('datetime'));
      if (isNaN(date.getTime())) return;
      if (exact) t.title = exact.format(date);
      if (t.hasAttribute('data-relative')) t.textContent = ago(date);
      else t.textContent = date.toDateString() === new Date().toDateString()
        ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
        : date.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    });
  }
  times();
  setInterval(times, 30000);
  document.body.addEventListener('htmx:afterSwap', times);

  function post(url, fields) {
    var body = new URLSearchParams(fields || {});
    body.set('_csrf', csrf || '');
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin' });
  }

  // Keys: j/k next/previous conversation, r reply, n note, a assign to me, e resolve, ? shows them.
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('.conversation-row a')); }
  function move(step) {
    var all = rows();
    if (!all.length) return;
    var at = all.findIndex(function (a) { return a === document.activeElement || a.getAttribute('aria-current') === 'page'; });
    var next = all[Math.max(0, Math.min(all.length - 1, at + step))];
    if (at < 0) next = all[0];
    if (conversation) location.href = next.href; else next.focus();
  }
  document.addEventListener('keydown', function (e) {
    var target = e.target;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
    if (typing && e.key === 'Enter' && (e.ctrlKey || e.metaKey) && target.form) {
      e.preventDefault();
      target.form.requestSubmit();
      return;
    }
    if (typing && e.key === 'Escape') { target.blur(); return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    var reply = document.getElementById('reply'), note = document.getElementById('note');
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'r': if (reply) { e.preventDefault(); reply.focus(); } break;
      case 'n': if (note) { e.preventDefault(); note.focus(); } break;
      case 'a': {
        var assign = document.getElementById('assign-form');
        if (assign) { assign.agent_id.value = 'me'; assign.requestSubmit(); }
        break;
      }
      case 'e': { var resolve = document.getElementById('resolve-form'); if (resolve) resolve.requestSubmit(); break; }
      default: return;
    }
  });

  var reply = document.getElementById('reply');
  if (conversation && reply) {
    // Saved replies: "/" and a shortcut's start open the menu; Enter or Tab inserts, filled for this conversation.
    var menu = document.getElementById('saved-menu');
    var saved = null, shown = [], chosen = 0;
    reply.setAttribute('aria-controls', 'saved-menu');
    reply.setAttribute('aria-autocomplete', 'list');
    function load() {
      if (saved) return Promise.resolve(saved);
      return fetch('/console/conversations/' + conversation + '/saved-replies', { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) { saved = list; return list; });
    }
    function word() {
      var before = reply.value.slice(0, reply.selectionStart);
      var match = /(^|\s)\/([a-z0-9_-]*)$/.exec(before);
      return match ? { start: before.length - match[2].length - 1, text: match[2] } : null;
    }
    function close() { menu.hidden = true; shown = []; reply.removeAttribute('aria-activedescendant'); }
    function draw() {
      menu.textContent = '';
      shown.forEach(function (s, i) {
        var li = document.createElement('li');
        li.id = 'saved-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === chosen));
        var code = document.createElement('code');
        code.textContent = '/' + s.shortcut;
        li.appendChild(code);
        li.appendChild(document.createTextNode(s.content.length > 80 ? s.content.slice(0, 79) + '…' : s.content));
        li.addEventListener('mousedown', function (e) { e.preventDefault(); chosen = i; insert(); });
        menu.appendChild(li);
      });
      menu.hidden = shown.length === 0;
      if (shown.length) reply.setAttribute('aria-activedescendant', 'saved-' + chosen); else reply.removeAttribute('aria-activedescendant');
    }
    function insert() {
      var at = word(), pick = shown[chosen];
      if (!at || !pick) return close();
      reply.value = reply.value.slice(0, at.start) + pick.content + reply.value.slice(reply.selectionStart);
      var caret = at.start + pick.content.length;
      reply.setSelectionRange(caret, caret);
      close();
    }
    reply.addEventListener('input', function () {
      var at = word();
      if (!at) return close();
      load().then(function (list) {
        var now = word();
        if (!now) return close();
        shown = list.filter(function (s) { return s.shortcut.indexOf(now.text) === 0; }).slice(0, 8);
        chosen = 0;
        draw();
      });
    });
    reply.addEventListener('keydown', function (e) {
      if (menu.hidden || !shown.length) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        chosen = (chosen + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
        draw();
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        e.stopPropagation();
        insert();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    });
    reply.addEventListener('blur', function () { setTimeout(close, 150); });

    // The copilot's draft fills the reply box for the agent to edit; sending stays the agent's act.
    var draftButton = document.getElementById('draft-button');
    var draftSources = document.getElementById('draft-sources');
    draftButton.addEventListener('click', function () {
      draftButton.disabled = true;
      draftSources.textContent = 'Drafting…';
      fetch('/console/conversations/' + conversation + '/draft', { credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (draft) {
          reply.value = draft.reply;
          reply.focus();
          draftSources.textContent = '';
          var p = document.createElement('p');
          p.textContent = draft.sources.length ? 'The draft rests on:' : 'The draft rests on no source; check it before sending.';
          draftSources.appendChild(p);
          if (draft.sources.length) {
            var ul = document.createElement('ul');
            ul.className = 'draft-source-list';
            draft.sources.forEach(function (s) {
              var li = document.createElement('li');
              if (/^https?:\/\//i.test(s.url || '')) {
                var a = document.createElement('a');
                a.href = s.url; a.rel = 'noopener noreferrer'; a.target = '_blank'; a.textContent = s.title || s.url;
                li.appendChild(a);
              } else {
                li.textContent = s.title || '';
              }
              ul.appendChild(li);
            });
            draftSources.appendChild(ul);
          }
        })
        .catch(function () { draftSources.textContent = 'No draft could be made. Please write the reply yourself.'; })
        .then(function () { draftButton.disabled = false; });
    });

    // The agent's typing reaches the customer's widget: at most one "typing" every 3 s, "stopped" after 4 s idle.
    var sentAt = 0, idle = null;
    function typing(on) { post('/console/conversations/' + conversation + '/typing', { is_typing: String(on) }); }
    reply.addEventListener('input', function () {
      if (Date.now() - sentAt > 3000) { sentAt = Date.now(); typing(true); }
      clearTimeout(idle);
      idle = setTimeout(function () { sentAt = 0; typing(false); }, 4000);
    });
    reply.form.addEventListener('submit', function () { clearTimeout(idle); if (sentAt) typing(false); });

    // The chosen file is named beside the button, so the agent sees what the reply will carry.
    var file = document.getElementById('reply-file'), fileName = document.getElementById('reply-file-name');
    if (file && fileName) {
      file.addEventListener('change', function () {
        fileName.textContent = file.files.length ? 'Attached: ' + file.files[0].name : '';
      });
    }
  }

  // The customer's typing, shown under the transcript.
  var hideTyping = null;
  document.body.addEventListener('parley-typing', function (e) {
    var f = e.detail, line = document.getElementById('customer-typing');
    if (!line || f.conversation_id !== conversation || f.role !== 'customer') return;
    line.hidden = !f.is_typing;
    clearTimeout(hideTyping);
    if (f.is_typing) hideTyping = setTimeout(function () { line.hidden = true; }, 8000);
  });

  // Sound and a desktop notification for a conversation newly assigned to me, or a customer's reply in one of mine.
  var button = document.getElementById('notify-button');
  if (button && window.Notification && Notification.permission === 'default') {
    button.hidden = false;
    button.addEventListener('click', function () {
      Notification.requestPermission().then(function () { button.hidden = true; });
    });
  }
  function chime() {
    try {
      var Audio = window.AudioContext || window.webkitAudioContext;
      var context = new Audio(), tone = context.createOscillator(), gain = context.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, context.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.4);
      tone.connect(gain); gain.connect(context.destination);
      tone.start(); tone.stop(context.currentTime + 0.4);
    } catch (unavailable) { /* no sound on this device */ }
  }
  function mine(id) {
    var row = document.querySelector('.conversation-row[data-conversation="' + id + '"]');
    return row && row.getAttribute('data-assigned') === me;
  }
  window.parleyNotified = [];
  document.body.addEventListener('parley-frame', function (e) {
    var f = e.detail, data = f.data || {}, title = null;
    if (f.event === 'conversation.assigned' && data.agent_id === me && data.previous_agent_id !== me) {
      title = 'A conversation was assigned to you';
    } else if (f.event === 'message.received' && mine(f.conversation_id)) {
      title = 'The customer replied';
    }
    if (!title) return;
    window.parleyNotified.push({ title: title, conversation_id: f.conversation_id });
    chime();
    if (window.Notification && Notification.permission === 'granted') {
      var n = new Notification(title, { body: data.content || '', tag: f.conversation_id });
      n.onclick = function () { window.focus(); location.href = '/console/conversations/' + f.conversation_id; };
    }
  });
})();
