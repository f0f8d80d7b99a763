/*! Parley chat widget. Plain JavaScript, no dependencies. Embed:
 *  <script>window.ParleyConfig = { apiKey: 'pk_live_...' };</script>
 *  <script src="https://YOUR-PARLEY/widget.js" async></script>
 * Everything the server or a visitor wrote is rendered with textContent, never as HTML. */
(function () {
  'use strict';
  if (window.__parleyWidget) return;
  window.__parleyWidget = true;

  var own = document.currentScript || (function () {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) if (/\/widget\.js(\?|$)/.test(all[i].src)) return all[i];
    return null;
  })();
  var opts = window.ParleyConfig || window.OurPlatformConfig || {};
  var base = (opts.apiBase || (own ? new URL(own.src, location.href).origin : location.origin)).replace(/\/$/, '');
  var key = opts.apiKey;
  if (!key) { console.warn('Parley: window.ParleyConfig.apiKey is missing'); return; }

  var uz = /^uz/i.test(opts.language || navigator.language || '');
  var T = uz ? {
    open: 'Chatni ochish', close: 'Chatni yopish', send: 'Yuborish', input: 'Xabaringiz', human: 'Operator bilan gaplashish',
    typing: 'Yozmoqda…', escalated: 'Suhbat operatorga uzatildi. Tez orada javob beramiz.', sources: 'Manbalar',
    rate: 'Yordamimizni baholang', rateN: function (n) { return n + ' / 5 baho'; }, thanks: 'Rahmat!',
    offline: 'Aloqa uzildi. Qayta ulanmoqda…', error: 'Xabar yuborilmadi. Qayta urinib koʻring.', you: 'Siz', agent: 'Operator', bot: 'Yordamchi',
    attach: 'Fayl biriktirish', attached: 'Biriktirildi: ', first: 'Avval xabar yozing.',
    choose: 'Kim bilan gaplashmoqchisiz?', withBot: 'Yordamchidan soʻrash', withHuman: 'Operator bilan gaplashish',
    humanNext: 'Savolingizni yozing, operator javob beradi.', files: 'Fayllar', file: 'Fayl'
  } : {
    open: 'Open chat', close: 'Close chat', send: 'Send', input: 'Your message', human: 'Talk to a human',
    typing: 'Typing…', escalated: 'You are being connected to a human agent. We will reply here shortly.', sources: 'Sources',
    rate: 'How did we do?', rateN: function (n) { return 'Rate ' + n + ' out of 5'; }, thanks: 'Thank you for your feedback!',
    offline: 'Connection lost. Reconnecting…', error: 'Your message was not sent. Please try again.', you: 'You', agent: 'Agent', bot: 'Assistant',
    attach: 'Attach a file', attached: 'Attached: ', first: 'Send a message first.',
    choose: 'Who would you like to talk to?', withBot: 'Ask the assistant', withHuman: 'Talk to a person',
    humanNext: 'Write your question and a person will answer here.', files: 'Files', file: 'File'
  };

  var store = (function () { try { return window.localStorage; } catch (e) { return null; } })();
  var convKey = 'parley:' + key.slice(-12) + ':conversation', tokenKey = 'parley:' + key.slice(-12) + ':visitor';
  // The visitor token proves the conversation is this visitor's: the server shows it once, when the widget opens one.
  var state = { cfg: null, conv: store && store.getItem(convKey), visitor: store && store.getItem(tokenKey), seen: {}, last: null, open: false,
    status: null, rated: false, socket: null, socketUp: false, socketConv: null, poll: null, retry: 0, waiting: false,
    queue: [], sent: {}, draft: null, first: null };

  function api(method, path, body) {
    var headers = { 'Authorization': 'Bearer ' + key, 'Accept-Language': uz ? 'uz' : 'en' };
    if (state.visitor) headers['X-Parley-Visitor-Token'] = state.visitor;
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(base + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        return r.text().then(function (t) {
          var j = t ? JSON.parse(t) : {};
          if (!r.ok) { var e = new Error((j.error && j.error.message) || r.status); e.status = r.status; throw e; }
          return j;
        });
      });
  }

  // Icons are drawn, not typed: a glyph such as the paperclip emoji is a missing-glyph box where no font has it.
  var ICONS = {
    attach: 'M21 12.5l-8.5 8.5a5.5 5.5 0 0 1-7.8-7.8l9-9a3.7 3.7 0 0 1 5.2 5.2l-9 9a1.8 1.8 0 0 1-2.6-2.6l8.3-8.3',
    close: 'M6 6l12 12M18 6L6 18',
    send: 'M4 12l16-8-6 16-2-7z'
  };
  function icon(name) {
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg'), path = document.createElementNS(ns, 'path');
    svg.setAttribute('viewBox', '0 0 24 24'); svg.setAttribute('width', '20'); svg.setAttribute('height', '20');
    svg.setAttribute('aria-hidden', 'true'); svg.setAttribute('focusable', 'false');
    path.setAttribute('d', ICONS[name]); path.setAttribute('fill', 'none'); path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2'); path.setAttribute('stroke-linecap', 'round'); path.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(path);
    return svg;
  }

  // A reply that lists its sources as links does not name them again in its text ("Source: ...", "See also: ...").
  function withoutSourceLines(text, sources) {
    if (!sources.length) return text;
    var titles = sources.map(function (s) { return (s.title || '').trim(); }).filter(Boolean);
    return text.split('\n').filter(function (line) {
      var m = /^\s*(Source|Sources|See also|Manba|Manbalar|Shuningdek qarang):\s*(.+)$/i.exec(line);
      return !(m && titles.some(function (t) { return m[2].indexOf(t) === 0; }));
    }).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  }

  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) n.setAttribute(k, attrs[k]);
    if (text != null) n.textContent = text;
    return n;
  }

  function readable(hex) {
    var c = parseInt(hex.slice(1), 16), l = [c >> 16, (c >> 8) & 255, c & 255].map(function (v) {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] > 0.18 ? '#111111' : '#ffffff';
  }

  function globMatch(pattern, value) {
    var re = new RegExp('^' + pattern.split('*').map(function (p) { return p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'); }).join('.*') + '$');
    return re.test(value);
  }
  function onPage(pattern) { return globMatch(pattern, location.pathname) || globMatch(pattern, location.href); }

  api('GET', '/v1/widget/config').then(start, function (e) {
    console.warn('Parley: the widget is not available on this site (' + e.message + ')');
  });

  var ui = {};
  function start(cfg) {
    var theme = typeof opts.theme === 'object' && opts.theme ? opts.theme : {};
    var beh = opts.behavior || {};
    cfg.color = /^#[0-9a-f]{6}$/i.test(theme.primaryColor || '') ? theme.primaryColor : cfg.color;
    cfg.font_family = theme.fontFamily || cfg.font_family;
    cfg.border_radius = theme.borderRadius != null ? parseInt(theme.borderRadius, 10) || 0 : cfg.border_radius;
    cfg.theme = typeof opts.theme === 'string' ? opts.theme : cfg.theme;
    cfg.position = opts.position || cfg.position;
    cfg.welcome_message = opts.greeting || cfg.welcome_message;
    var pages = beh.showOnPages || cfg.behavior.show_on_pages;
    var hideMobile = beh.hideOnMobile != null ? beh.hideOnMobile : cfg.behavior.hide_on_mobile;
    if (pages.length && !pages.some(onPage)) return;
    if (hideMobile && window.matchMedia && matchMedia('(max-width: 640px)').matches) return;
    state.cfg = cfg;
    render(cfg);
    if (state.conv) { sync(); connect(); }
    if (beh.autoOpen != null ? beh.autoOpen : cfg.behavior.auto_open) toggle(true, false);
    (cfg.triggers || []).filter(function (t) { return onPage(t.url_pattern); }).forEach(arm);
  }

  function render(cfg) {
    var host = el('div', { id: 'parley-widget' });
    var root = host.attachShadow({ mode: 'open' });
    var dark = cfg.theme === 'dark', fg = readable(cfg.color), r = cfg.border_radius + 'px';
    var side = cfg.position === 'bottom-left' ? 'left' : 'right';
    var css = ':host{all:initial}*{box-sizing:border-box;font-family:' + cfg.font_family.replace(/[;{}<>]/g, '') + ';font-size:15px}' +
      '.w{position:fixed;bottom:20px;' + side + ':20px;z-index:2147483000;display:flex;flex-direction:column;align-items:flex-' + (side === 'left' ? 'start' : 'end') + '}' +
      'button{cursor:pointer;border:0;border-radius:' + r + ';font-weight:600}' +
      'button:focus-visible,textarea:focus-visible,a:focus-visible,.m:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}' +
      '.l{background:' + cfg.color + ';color:' + fg + ';padding:12px 18px;box-shadow:0 4px 14px rgba(0,0,0,.25)' + (cfg.shape === 'square' ? '' : ';border-radius:999px') + '}' +
      '.p{width:min(370px,calc(100vw - 40px));height:min(540px,calc(100vh - 100px));margin-bottom:12px;display:flex;flex-direction:column;overflow:hidden;border-radius:' + r + ';box-shadow:0 8px 30px rgba(0,0,0,.3);background:' + (dark ? '#1e1e24;color:#f2f2f2' : '#fff;color:#1b1b1f') + '}' +
      '.p[hidden]{display:none}.h{background:' + cfg.color + ';color:' + fg + ';padding:12px 14px;display:flex;align-items:center;gap:8px}.h strong{flex:1}' +
      '.h button{background:transparent;color:' + fg + ';padding:4px 6px;display:flex}svg{display:block}.h img{height:24px}' +
      '.m{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}' +
      '.b{max-width:85%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word;background:' + (dark ? '#2d2d36' : '#eef0f4') + '}' +
      '.b.customer{align-self:flex-end;background:' + cfg.color + ';color:' + fg + '}.b .who{display:block;font-size:12px;opacity:.8}' +
      '.b ul{margin:6px 0 0;padding-left:18px}.b ul.att{list-style:none;padding-left:0}.att li{display:flex;align-items:center;gap:4px}.att svg{width:16px;height:16px;flex:none}.b a{color:inherit}.n{font-size:13px;text-align:center;opacity:.85;padding:4px}' +
      '.f{display:flex;gap:6px;padding:8px;border-top:1px solid ' + (dark ? '#3a3a44' : '#dde') + '}' +
      'textarea{flex:1;resize:none;height:42px;padding:10px;border:1px solid #888;border-radius:8px;background:inherit;color:inherit}' +
      '.a{background:transparent;color:inherit;padding:0 6px;display:flex;align-items:center}.s{background:' + cfg.color + ';color:' + fg + ';padding:0 14px}.x{background:transparent;color:inherit;text-decoration:underline;font-weight:400;font-size:13px;padding:6px}' +
      '.r{display:flex;gap:4px;justify-content:center;flex-wrap:wrap}.r .o{width:auto;height:auto;padding:8px 12px}.r button{background:' + cfg.color + ';color:' + fg + ';width:38px;height:38px}.pw{font-size:11px;text-align:center;opacity:.7;padding:2px}';
    root.appendChild(el('style', {}, css));
    var w = el('div', { 'class': 'w' });
    var panel = el('div', { 'class': 'p', role: 'dialog', 'aria-label': cfg.store_name || 'Chat', id: 'parley-panel', hidden: '' });
    var head = el('div', { 'class': 'h' });
    if (cfg.branding.logo_url) head.appendChild(el('img', { src: cfg.branding.logo_url, alt: '' }));
    head.appendChild(el('strong', {}, cfg.store_name || 'Chat'));
    var close = el('button', { type: 'button', 'aria-label': T.close });
    close.appendChild(icon('close'));
    head.appendChild(close);
    // The conversation scrolls once it is long: keyboard users reach it to scroll it too.
    var log = el('div', { 'class': 'm', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
    // The assistant answers at any hour: the greeting is always the welcome, and outside the store's working hours
    // a note says that people are away (the offline message) rather than the whole chat being "offline".
    log.appendChild(el('div', { 'class': 'b assistant' }, cfg.welcome_message));
    if (cfg.online === false && cfg.offline_message) log.appendChild(el('div', { 'class': 'n offline-message' }, cfg.offline_message));
    // Where the store enables it, the shopper picks the assistant or a person before writing.
    if (cfg.behavior.pre_chat_choice && !state.conv) {
      var choice = el('div', { 'class': 'n choice', role: 'group', 'aria-label': T.choose });
      choice.appendChild(el('div', {}, T.choose));
      var pick = el('div', { 'class': 'r' });
      [[T.withBot, false], [T.withHuman, true]].forEach(function (option) {
        var b = el('button', { type: 'button', 'class': 'o' }, option[0]);
        b.addEventListener('click', function () {
          state.wantsHuman = option[1];
          choice.remove();
          if (option[1]) notice(T.humanNext);
          ui.input.focus();
        });
        pick.appendChild(b);
      });
      choice.appendChild(pick);
      log.appendChild(choice);
    }
    var typing = el('div', { 'class': 'n', hidden: '' }, T.typing);
    var human = el('button', { type: 'button', 'class': 'x' }, T.human);
    var form = el('form', { 'class': 'f' });
    var input = el('textarea', { 'aria-label': T.input, placeholder: T.input, maxlength: '4000' });
    var send = el('button', { type: 'submit', 'class': 's' }, T.send);
    var attach = el('button', { type: 'button', 'class': 'a', 'aria-label': T.attach, title: T.attach });
    attach.appendChild(icon('attach'));
    var file = el('input', { type: 'file', hidden: '', 'aria-hidden': 'true', tabindex: '-1' });
    form.appendChild(attach); form.appendChild(file); form.appendChild(input); form.appendChild(send);
    panel.appendChild(head); panel.appendChild(log); panel.appendChild(typing); panel.appendChild(human); panel.appendChild(form);
    if (cfg.branding.show_powered_by) panel.appendChild(el('div', { 'class': 'pw' }, 'Powered by Parley'));
    var launcher = el('button', { type: 'button', 'class': 'l', 'aria-label': T.open, 'aria-expanded': 'false', 'aria-controls': 'parley-panel' }, cfg.button_text);
    w.appendChild(panel); w.appendChild(launcher); root.appendChild(w);
    document.body.appendChild(host);
    ui = { root: root, panel: panel, log: log, typing: typing, input: input, launcher: launcher, human: human };

    launcher.addEventListener('click', function () { toggle(!state.open, true); });
    close.addEventListener('click', function () { toggle(false, true); });
    root.addEventListener('keydown', function (e) { if (e.key === 'Escape' && state.open) { e.stopPropagation(); toggle(false, true); } });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : submit(e); }
    });
    // The shopper's typing reaches the agents: at most one "typing" every 3 s and "stopped" after 4 s idle, well
    // inside the socket's rate limit, which would otherwise refuse the message itself. Only a "typing" actually sent
    // starts the 3 s, and sending the message (which empties the input) ends the typing: the next message's typing is
    // told at once.
    var typingAt = 0, typingIdle = null;
    function typingNow(on) {
      if (!state.socketUp || !state.conv) return false;
      state.socket.send(JSON.stringify({ type: 'typing', is_typing: on }));
      return true;
    }
    input.addEventListener('input', function () {
      clearTimeout(typingIdle);
      if (!input.value) { if (typingAt) typingNow(false); typingAt = 0; return; }
      if (Date.now() - typingAt > 3000 && typingNow(true)) typingAt = Date.now();
      typingIdle = setTimeout(function () { typingAt = 0; typingNow(false); }, 4000);
    });
    form.addEventListener('submit', submit);
    human.addEventListener('click', escalate);
    attach.addEventListener('click', function () { if (state.conv) file.click(); else { notice(T.first); ui.input.focus(); } });
    file.addEventListener('change', function () { if (file.files[0]) upload(file.files[0]); file.value = ''; });
    window.addEventListener('online', function () { sync(); connect(); });
  }

  function toggle(open, focus) {
    state.open = open;
    if (open) ui.panel.removeAttribute('hidden'); else ui.panel.setAttribute('hidden', '');
    ui.launcher.setAttribute('aria-expanded', String(open));
    ui.launcher.setAttribute('aria-label', open ? T.close : T.open);
    if (focus) (open ? ui.input : ui.launcher).focus();
    if (open) schedule();
  }

  function arm(t) {
    var fire = function () { if (!state.open && !state.conv) { notice(t.message, 'b assistant'); toggle(true, false); } };
    if (t.condition === 'exit_intent') {
      var onOut = function (e) { if (!e.relatedTarget && e.clientY <= 0) { document.removeEventListener('mouseout', onOut); fire(); } };
      document.addEventListener('mouseout', onOut);
    } else {
      setTimeout(fire, (t.delay_seconds || 0) * 1000);
    }
  }

  function notice(text, cls) { var n = el('div', { 'class': cls || 'n' }, text); ui.log.appendChild(n); ui.log.scrollTop = ui.log.scrollHeight; return n; }

  function submit(e) {
    e.preventDefault();
    var text = ui.input.value.trim();
    if (!text) return;
    ui.input.value = '';
    ui.input.dispatchEvent(new Event('input')); // the typing ends with the message
    var pending = notice(text, 'b customer');
    // One written while the previous message is on its way (its reply still growing) goes after it, in order.
    if (state.waiting) { state.queue.push({ text: text, pending: pending }); return; }
    dispatch(text, pending);
  }

  function dispatch(text, pending) {
    state.waiting = true;
    ui.typing.removeAttribute('hidden');
    // Through the socket when it is up: the reply then grows as it is written.
    if (state.conv && state.socketUp && state.socketConv === state.conv) return sendLive(text, pending);
    // The first message too, through a socket that opens the conversation for it: the socket opens it (empty) and
    // says so, then the message is stored with its reply in one transaction, or not at all (its text comes back to
    // the input, to be sent again in that conversation). A shopper who chose a person gets no reply to stream: REST.
    if (!state.conv && !state.wantsHuman && sockets()) { state.first = { text: text, pending: pending }; return connect(); }
    sendRest(text, pending);
  }

  // The message on its way is stored: the next one written meanwhile goes.
  function next() {
    state.waiting = false;
    var queued = state.queue.shift();
    if (queued) dispatch(queued.text, queued.pending);
  }

  // The message on its way was refused or cut off: its text, and those written after it, go back to the input.
  function giveBack(text) {
    var texts = [text].concat(state.queue.map(function (q) { q.pending.remove(); return q.text; }));
    state.queue = [];
    state.waiting = false;
    if (ui.input.value) texts.push(ui.input.value);
    ui.input.value = texts.join('\n');
  }

  function sendRest(text, pending) {
    var call = state.conv
      ? api('POST', '/v1/conversations/' + state.conv + '/messages', { content: text })
      : api('POST', '/v1/conversations', { channel: 'widget', initial_message: text, context: { page_url: location.href }, handoff: !!state.wantsHuman })
          .then(function (r) { setConv(r.conversation_id, r.visitor_token); return r; });
    call.then(function () { pending.remove(); return sync(); })
      .then(function () { ui.typing.setAttribute('hidden', ''); next(); }, function (err) {
        ui.typing.setAttribute('hidden', ''); pending.remove(); giveBack(text); notice(err.status === 429 ? err.message : T.error);
      });
  }

  function sendLive(text, pending) {
    var id = 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    var frame = { type: 'message', content: text, client_message_id: id };
    state.sent[id] = { text: text, pending: pending };
    state.socket.send(JSON.stringify(frame));
  }

  // A message sent through the socket: stored (acknowledged), or refused or cut off (the text goes back to the input).
  function settle(id, messageId, error) {
    var s = state.sent[id];
    if (!s) return;
    delete state.sent[id];
    if (messageId) {
      // It stays where it was written: the reply may already be growing below it.
      state.seen[messageId] = true;
      state.last = messageId;
      s.pending.insertBefore(el('span', { 'class': 'who' }, T.you), s.pending.firstChild);
      return next();
    }
    s.pending.remove();
    if (state.draft) { state.draft.remove(); state.draft = null; }
    ui.typing.setAttribute('hidden', '');
    giveBack(s.text);
    notice(error || T.error);
  }

  // The assistant's reply as it is written: a bubble that grows, replaced by the reply itself when it comes. Lines
  // naming sources wait for it too: the reply lists its sources once, as links.
  function grow(text) {
    if (!state.draft) {
      state.draft = el('div', { 'class': 'b assistant draft', 'aria-busy': 'true' });
      state.draft.appendChild(el('span', { 'class': 'who' }, T.bot));
      state.draft.appendChild(document.createTextNode(''));
      state.draftText = '';
      ui.log.appendChild(state.draft);
      ui.typing.setAttribute('hidden', '');
    }
    state.draftText += text;
    state.draft.lastChild.data = state.draftText.split('\n').filter(function (line) {
      return !/^\s*(Source|Sources|See also|Manba|Manbalar|Shuningdek qarang):/i.test(line);
    }).join('\n').replace(/\n{3,}/g, '\n\n');
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function escalate() {
    if (!state.conv) { ui.input.value = ui.input.value || T.human; return ui.input.focus(); }
    api('POST', '/v1/conversations/' + state.conv + '/escalate', { reason: 'customer_request' })
      .then(sync, function (err) { notice(err.message); });
  }

  // The files API: a signed upload URL, the bytes, then the file confirmed into this conversation.
  function upload(f) {
    var type = f.type || 'application/octet-stream';
    api('POST', '/v1/files/upload-url', { filename: f.name, content_type: type, size_bytes: f.size })
      .then(function (u) {
        return fetch(u.upload_url, { method: 'PUT', headers: { 'Content-Type': type }, body: f }).then(function (r) {
          if (!r.ok) return r.json().then(function (j) { throw new Error((j.error && j.error.message) || r.status); });
          return api('POST', '/v1/files/confirm', { file_id: u.file_id, chat_id: state.conv });
        });
      })
      .then(function (c) {
        var n = notice(T.attached, 'b customer attachment');
        n.appendChild(el('a', { href: c.url, target: '_blank', rel: 'noopener' }, c.filename));
      }, function (err) { notice(err.message || T.error); });
  }

  function setConv(id, visitor) {
    state.conv = id; state.visitor = visitor;
    if (store) { store.setItem(convKey, id); store.setItem(tokenKey, visitor); }
    connect(); schedule();
  }

  function sync() {
    if (!state.conv) return Promise.resolve();
    return api('GET', '/v1/conversations/' + state.conv + '?message_limit=200').then(function (c) {
      (c.messages || []).forEach(show);
      status(c.status);
      state.told = false;
    }, function (err) {
      if (err.status === 404) { state.conv = state.visitor = null; if (store) { store.removeItem(convKey); store.removeItem(tokenKey); } }
    });
  }

  function show(m) {
    if (state.seen[m.id] || m.role === 'note') return;
    state.seen[m.id] = true;
    state.last = m.id;
    // The team's own notice (who will reply, and when) is said once, in the server's words.
    if (m.role === 'system') { state.told = true; return notice(m.content); }
    var mine = m.role === 'user' || m.role === 'customer';
    var who = mine ? T.you : m.role === 'agent' ? (m.author && m.author.name) || T.agent : T.bot;
    var b = el('div', { 'class': 'b ' + (mine ? 'customer' : 'assistant') });
    b.appendChild(el('span', { 'class': 'who' }, who));
    var seen = {}, srcs = (m.sources || []).filter(function (s) { var k = s.source_id; return seen[k] ? false : (seen[k] = true); });
    b.appendChild(document.createTextNode(withoutSourceLines(m.content || '', srcs)));
    if (srcs.length) {
      var ul = el('ul', { 'class': 'src', 'aria-label': T.sources });
      srcs.forEach(function (s) {
        var li = el('li');
        li.appendChild(/^https?:\/\//i.test(s.url || '')
          ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title || s.url)
          : el('span', {}, s.title || ''));
        ul.appendChild(li);
      });
      b.appendChild(ul);
    }
    // Files the team sent, as links (only http(s), like sources).
    var files = (m.attachments || []).filter(function (f) { return /^https?:\/\//i.test(f.url || ''); });
    if (files.length) {
      var fl = el('ul', { 'class': 'att', 'aria-label': T.files });
      files.forEach(function (f) {
        var li = el('li');
        li.appendChild(icon('attach'));
        li.appendChild(el('a', { href: f.url, target: '_blank', rel: 'noopener noreferrer' }, f.filename || T.file));
        fl.appendChild(li);
      });
      b.appendChild(fl);
    }
    if (!mine && state.draft) { ui.log.replaceChild(b, state.draft); state.draft = null; } else ui.log.appendChild(b);
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function status(s) {
    if (s === state.status) return;
    var was = state.status;
    state.status = s;
    if ((s === 'escalated' || s === 'assigned') && was !== 'escalated' && was !== 'assigned' && !state.told) notice(T.escalated);
    if (s === 'resolved' && !state.rated) csat();
  }

  function csat() {
    state.rated = true;
    var box = el('div', { 'class': 'n', role: 'group', 'aria-label': T.rate });
    box.appendChild(el('div', {}, T.rate));
    var row = el('div', { 'class': 'r' });
    [1, 2, 3, 4, 5].forEach(function (n) {
      var b = el('button', { type: 'button', 'aria-label': T.rateN(n) }, String(n));
      b.addEventListener('click', function () {
        api('POST', '/v1/conversations/' + state.conv + '/feedback', { rating: n }).then(function () {
          box.textContent = T.thanks; ui.input.focus();
        }, function (err) { notice(err.message); });
      });
      row.appendChild(b);
    });
    box.appendChild(row);
    ui.log.appendChild(box);
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  // Live updates: messages by the socket when the server offers one; polling catches up after a drop and, slower
  // beside a socket, notices status changes (a resolution asks for a rating) that the socket does not carry.
  function schedule() {
    clearTimeout(state.poll);
    if (!state.conv) return;
    state.poll = setTimeout(function () { sync().then(schedule, schedule); }, state.socketUp ? 5000 : state.open ? 3000 : 15000);
  }

  function sockets() { return !!window.WebSocket && opts.socket !== false; }

  // A first message waiting for its socket goes by REST when none comes up.
  function firstByRest() {
    var first = state.first;
    state.first = null;
    if (first) sendRest(first.text, first.pending);
  }

  function connect() {
    if ((!state.conv && !state.first) || state.socket || !sockets()) return;
    var ws;
    try { ws = new WebSocket(base.replace(/^http/, 'ws') + '/v1/ws'); } catch (e) { return firstByRest(); }
    state.socket = ws;
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: 'auth', api_key: key, conversation_id: state.conv || undefined, visitor_token: state.visitor || undefined,
        last_message_id: state.last || undefined, stream: true, context: state.conv ? undefined : { page_url: location.href } }));
    };
    ws.onmessage = function (e) {
      var f; try { f = JSON.parse(e.data); } catch (x) { return; }
      if (f.type === 'authenticated') {
        state.socketUp = true; state.socketConv = f.conversation_id; state.retry = 0;
        if (state.first && !state.conv) { var first = state.first; state.first = null; sendLive(first.text, first.pending); }
        sync(); schedule();
      }
      else if (f.type === 'conversation') { state.socketConv = f.conversation_id; setConv(f.conversation_id, f.visitor_token); }
      else if (f.type === 'message_received') settle(f.client_message_id, f.message_id);
      else if (f.type === 'message.delta') grow(f.content || '');
      else if (f.type === 'message') sync();
      else if (f.type === 'typing') { if (f.is_typing && !state.draft) ui.typing.removeAttribute('hidden'); else ui.typing.setAttribute('hidden', ''); }
      else if (f.type === 'escalated') sync();
      else if (f.type === 'error') Object.keys(state.sent).forEach(function (id) { settle(id, null, f.message); });
    };
    ws.onclose = function () {
      var wasUp = state.socketUp;
      state.socket = null; state.socketUp = false; state.socketConv = null;
      Object.keys(state.sent).forEach(function (id) { settle(id); });
      firstByRest();
      schedule();
      if (wasUp) {
        // Reconnect with backoff; the auth frame's last_message_id and a sync catch up on what was missed.
        state.retry = Math.min(state.retry + 1, 6);
        setTimeout(connect, 500 * Math.pow(2, state.retry));
      }
    };
  }
})();
