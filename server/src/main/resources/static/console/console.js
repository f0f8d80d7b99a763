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
