// The server's event stream turns into a "parley-event" on <body>, which htmx fragments refresh on (hx-trigger).
// htmx drops a trigger that comes while the element's request is in flight, so events that arrive during a refresh
// are remembered and one more "parley-event" follows it: the page always ends up showing the last event.
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
      setTimeout(function () { frames.forEach(refresh); }, 0);
    }
  });

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
    }
  };
})();

// A page that answers a form post (a new key's secret, shown once) must not post again when reloaded.
if (window.history.replaceState && document.querySelector('code.secret')) {
  window.history.replaceState(null, '', location.href);
}

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
