// The server's event stream turns into a "parley-event" on <body>, which htmx fragments refresh on (hx-trigger).
(function () {
  if (!window.EventSource || location.pathname === '/console/login') {
    return;
  }
  var source = new EventSource('/console/events');
  source.onopen = function () {
    document.body.setAttribute('data-live', 'connected');
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
      document.body.dispatchEvent(new CustomEvent('parley-event', { detail: frame }));
    }
  };
})();
