// Draws the analytics page's charts from the figures the server put in #chart-data (JSON in a data attribute).
(function () {
  var holder = document.getElementById('chart-data');
  if (!holder || !window.Chart) {
    return;
  }
  var figures = JSON.parse(holder.getAttribute('data-chart'));
  var colours = ['#3538cd', '#12b76a', '#f79009', '#d92d20', '#7a5af8', '#06aed4', '#5b5d70'];
  function draw(id, type, labels, data, label) {
    new Chart(document.getElementById(id), {
      type: type,
      data: { labels: labels, datasets: [{ label: label, data: data, backgroundColor: type === 'line' ? '#3538cd' : colours, borderColor: '#3538cd' }] },
      options: { animation: false, plugins: { legend: { display: type === 'doughnut' } } }
    });
  }
  draw('chart-daily', 'line', figures.dates, figures.conversations, 'Conversations');
  draw('chart-sentiment', 'doughnut', Object.keys(figures.bySentiment), Object.values(figures.bySentiment), 'Conversations');
  draw('chart-intent', 'bar', Object.keys(figures.byIntent), Object.values(figures.byIntent), 'Conversations');
  draw('chart-actions', 'bar', Object.keys(figures.actionsTaken), Object.values(figures.actionsTaken), 'Actions');
})();
