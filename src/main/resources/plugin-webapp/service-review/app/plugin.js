/*
 * The Service review page in Cockpit, for service managers and auditors: one month's figures of the monthly
 * service review with charts (Chart.js, from a webjar), the trend over the months before, the meeting's findings
 * and actions once it was held, a print view (print or save as PDF) and a CSV export. Read-only: the page only
 * GETs from the plugin's API (ServiceReviewResource). The figures are defined in the README, "The monthly service
 * review".
 */
import {getJson, h, problem, table, time} from '../../../ticket-audit/static/app/plugin.js';

const CHART_URL = new URL('./vendor/chart.umd.js', import.meta.url).href;
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const PRIORITY_COLOURS = {P1: '#b71c1c', P2: '#ef6c00', P3: '#1976d2', P4: '#78909c', none: '#bdbdbd'};

function pluginApi(api) {
  return `${api.cockpitApi}/plugin/service-review/${api.engine}`;
}

function chosenMonth() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('month');
}

function loadCharts() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  // the UMD bundle sets window.Chart when no module loader is around, as in Cockpit
  return new Promise((resolve, reject) => {
    const script = h('script', {src: CHART_URL});
    script.addEventListener('load', () => resolve(window.Chart));
    script.addEventListener('error', () => reject(new Error(`${CHART_URL} did not load`)));
    document.head.append(script);
  });
}

// --- figures as text

/** Percentages and means have one decimal, as the report works them out: 40.0 %, 4.5. */
function decimal(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(1);
}

function percent(value) {
  return value === null || value === undefined ? '—' : `${decimal(value)} %`;
}

function number(value) {
  return value === null || value === undefined ? '—' : String(value);
}

function minutes(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  const whole = Math.round(value);
  return whole < 60 ? `${whole} min` : `${Math.floor(whole / 60)} h ${whole % 60} min`;
}

function target(meets) {
  if (meets === null || meets === undefined) {
    return '';
  }
  return h('span', {className: meets ? 'service-review-met' : 'service-review-missed'},
    meets ? 'met' : 'below target');
}

function tile(id, label, value, hint) {
  return h('div', {className: 'service-review-tile', id, title: hint},
    h('div', {className: 'service-review-tile-value'}, value), h('div', {className: 'service-review-tile-label'}, label));
}

function section(id, title, ...content) {
  return h('section', {id, className: 'service-review-section'}, h('h3', {}, title), content);
}

/** A chart beside its table: people look at the chart, and read the numbers when they need them. */
function figure(id, title, chart, tableNode) {
  return section(id, title, h('div', {className: 'service-review-figure'},
    h('div', {className: 'service-review-chart'}, chart), h('div', {className: 'service-review-table'}, tableNode)));
}

function canvas(id) {
  return h('canvas', {id, className: 'service-review-canvas'});
}

// --- the charts

function draw(Chart, id, config) {
  const node = document.getElementById(id);
  if (!node) {
    return;
  }
  config.options = Object.assign({animation: false, responsive: true, maintainAspectRatio: false}, config.options);
  new Chart(node, config);
}

function drawCharts(Chart, page) {
  const report = page.report;
  const months = page.trend.map(month => month.month);
  draw(Chart, 'chart-trend-volume', {
    type: 'bar',
    data: {labels: months, datasets: [
      {label: 'Opened', data: page.trend.map(month => month.opened), backgroundColor: COLOURS[0]},
      {label: 'Closed', data: page.trend.map(month => month.closed), backgroundColor: COLOURS[2]}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
  });
  draw(Chart, 'chart-trend-rates', {
    type: 'line',
    data: {labels: months, datasets: [
      ['First-line resolution', 'firstLineResolutionRate'], ['Response SLA met', 'responseSlaPercent'],
      ['Resolution SLA met', 'resolutionSlaPercent'], ['P1/P2 share', 'highPriorityShare'],
      ['Reopened', 'reopenRate']].map(([label, key], i) => ({label, data: page.trend.map(month => month[key]),
      borderColor: COLOURS[i], backgroundColor: COLOURS[i], spanGaps: true}))},
    options: {scales: {y: {min: 0, max: 100, title: {display: true, text: '%'}}}}
  });
  const priorities = Object.keys(report.opened.byPriority);
  draw(Chart, 'chart-priorities', {
    type: 'doughnut',
    data: {labels: priorities, datasets: [{data: priorities.map(p => report.opened.byPriority[p]),
      backgroundColor: priorities.map(p => PRIORITY_COLOURS[p] || COLOURS[7])}]}
  });
  const types = Object.keys(report.opened.byServiceType);
  draw(Chart, 'chart-service-types', {
    type: 'bar',
    data: {labels: types, datasets: [
      {label: 'Opened', data: types.map(t => report.opened.byServiceType[t]), backgroundColor: COLOURS[0]},
      {label: 'Closed', data: types.map(t => report.closed.byServiceType[t] || 0), backgroundColor: COLOURS[2]}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
  });
  const slaPriorities = Object.keys(report.slaByPriority);
  draw(Chart, 'chart-sla', {
    type: 'bar',
    data: {labels: slaPriorities, datasets: [
      {label: 'Response SLA met', data: slaPriorities.map(p => report.slaByPriority[p].responsePercent),
        backgroundColor: COLOURS[0]},
      {label: 'Resolution SLA met', data: slaPriorities.map(p => report.slaByPriority[p].resolutionPercent),
        backgroundColor: COLOURS[1]}]},
    options: {scales: {y: {min: 0, max: 100, title: {display: true, text: '%'}}}}
  });
  const dimensions = Object.keys(report.satisfaction.meanByDimension);
  draw(Chart, 'chart-satisfaction', {
    type: 'bar',
    data: {labels: dimensions, datasets: [
      {type: 'bar', label: 'Mean score', data: dimensions.map(d => report.satisfaction.meanByDimension[d]),
        backgroundColor: dimensions.map(d => report.satisfaction.meetsTarget[d] === false ? '#d62728' : '#2ca02c')},
      {type: 'line', label: `Target ${report.satisfaction.target}`, data: dimensions.map(() => report.satisfaction.target),
        borderColor: '#333', borderDash: [6, 4], pointRadius: 0}]},
    options: {scales: {y: {min: 0, max: 5}}}
  });
  const stages = Object.keys(report.medianStageMinutes);
  draw(Chart, 'chart-bottlenecks', {
    type: 'bar',
    data: {labels: stages, datasets: [{label: 'Median minutes', data: stages.map(s => report.medianStageMinutes[s]),
      backgroundColor: COLOURS[4]}]},
    options: {indexAxis: 'y', scales: {x: {beginAtZero: true, title: {display: true, text: 'minutes'}}}}
  });
}

// --- the page: #/service-review?month=2026-10

function entries(object) {
  return Object.entries(object || {});
}

function counts(report) {
  const rows = [];
  [['Service type', 'byServiceType'], ['Channel', 'byChannel'], ['Priority', 'byPriority']].forEach(([what, key]) => {
    const names = new Set([...Object.keys(report.opened[key]), ...Object.keys(report.closed[key])]);
    [...names].sort().forEach(name => rows.push([what, name, number(report.opened[key][name] || 0),
      number(report.closed[key][name] || 0)]));
  });
  return table('review-counts-table', ['By', '', 'Opened', 'Closed'], rows, 'No tickets this month.');
}

/** The knowledge base at first line; reports kept before it existed have none. */
function knowledge(figures) {
  if (!figures) {
    return '';
  }
  return section('review-knowledge', 'Knowledge base at first line',
    h('p', {id: 'review-knowledge-share'}, `Solved at first line with an article: ${figures.withArticle} of `
      + `${figures.solvedAtFirstLine} (${percent(figures.articleSharePercent)})`),
    table('review-articles-table', ['Article', 'Tickets solved'], figures.topArticles.map(article => [article.name,
      number(article.tickets)]), 'No ticket was solved with an article.'),
    h('p', {id: 'review-problems-open'}, `Problem investigations of recurring tickets: ${figures.problemsOpened} `
      + `opened, ${figures.problemsOpenAtMonthEnd} open at the month's end`));
}

function outcome(page) {
  if (!page.kept) {
    return section('review-outcome', 'Findings and actions',
      h('p', {className: 'service-review-lead'}, 'The month has not ended: these figures are as they stand now and '
        + 'are not kept. Its review starts on the first working day of next month.'));
  }
  if (!page.heldAt) {
    return section('review-outcome', 'Findings and actions',
      h('p', {className: 'service-review-lead'}, 'The review of this month has not been held yet: its task is in '
        + 'Tasklist for the service managers.'));
  }
  return section('review-outcome', 'Findings and actions',
    h('p', {className: 'service-review-lead'}, 'Held ', time(page.heldAt), ` by ${page.heldBy}.`),
    h('p', {id: 'review-findings', className: 'service-review-findings'}, page.outcome.findings),
    table('review-actions-table', ['Action', 'Owner', 'Due'], page.outcome.actions.map(action =>
      [action.action, action.ownerName || action.owner, action.due]), 'No actions were agreed.'));
}

function render(node, api, page) {
  const report = page.report;
  const slaRows = entries(report.slaByPriority).map(([priority, sla]) => {
    const times = report.timesByPriority[priority] || {};
    return [priority, number(sla.closed), percent(sla.responsePercent), percent(sla.resolutionPercent),
      minutes(times.meanToFirstResponse), minutes(times.medianToFirstResponse), minutes(times.meanToResolution),
      minutes(times.medianToResolution)];
  });
  const satisfaction = report.satisfaction;
  const csvUrl = `${pluginApi(api)}/reviews/${encodeURIComponent(page.month)}.csv`;
  node.replaceChildren(h('div', {id: 'service-review', className: 'service-review'},
    h('div', {className: 'service-review-heading'},
      h('h2', {}, `Service review: ${page.monthName}`),
      monthPicker(page.month),
      h('div', {className: 'service-review-buttons'},
        h('button', {type: 'button', id: 'service-review-print', className: 'btn btn-default',
          onclick: () => window.print()}, 'Print or save as PDF'),
        h('a', {id: 'service-review-csv', className: 'btn btn-default', href: csvUrl,
          download: `service-review-${page.month}.csv`}, 'Export CSV'))),
    h('p', {id: 'service-review-status', className: 'service-review-lead'}, page.kept
      ? ['Worked out ', time(page.computedAt), ' from the engine\'s history and kept as it was.']
      : ['So far: worked out ', time(page.computedAt), '; the month has not ended.']),
    h('div', {id: 'service-review-tiles', className: 'service-review-tiles'},
      tile('tile-opened', 'opened', number(report.opened.total), 'Tickets submitted in the month'),
      tile('tile-closed', 'closed', number(report.closed.total), 'Tickets closed in the month'),
      tile('tile-high-priority', 'P1/P2 of opened', percent(report.highPriorityShare), 'Share of the tickets opened'),
      tile('tile-first-line', 'solved at first line', percent(report.firstLineResolutionRate),
        'Closed tickets the service desk solved itself and that were not reopened'),
      tile('tile-reopened', 'reopened', percent(report.reopenRate), 'Closed tickets the requester reopened'),
      tile('tile-rated', 'rated', number(satisfaction.rated), 'Closed tickets whose requester rated the service')),
    section('review-trend', `Trend over ${page.trend.length} months`, h('div', {className: 'service-review-figure'},
      h('div', {className: 'service-review-chart'}, canvas('chart-trend-volume')),
      h('div', {className: 'service-review-chart'}, canvas('chart-trend-rates'))),
    table('review-trend-table', ['Month', 'Opened', 'Closed', 'P1/P2', 'First line', 'Response SLA', 'Resolution SLA',
      'Reopened', 'Satisfaction'], page.trend.map(month => [month.month, number(month.opened), number(month.closed),
      percent(month.highPriorityShare), percent(month.firstLineResolutionRate), percent(month.responseSlaPercent),
      percent(month.resolutionSlaPercent), percent(month.reopenRate), decimal(month.satisfaction)]), '')),
    figure('review-priorities', 'Tickets by priority, service type and channel', canvas('chart-priorities'),
      counts(report)),
    figure('review-service-types', 'Opened and closed by service type', canvas('chart-service-types'),
      table('review-resolution-table', ['Service type', 'Closed', 'Confirmed fixed', 'Target', ''],
        entries(report.resolutionByServiceType).map(([type, r]) => [type, number(r.closed), percent(r.percent),
          percent(r.targetPercent), target(r.meetsTarget)]), 'No ticket closed.')),
    figure('review-sla', 'SLA compliance and business time per priority', canvas('chart-sla'),
      table('review-sla-table', ['Priority', 'Closed', 'Response met', 'Resolution met', 'Mean to response',
        'Median to response', 'Mean to resolution', 'Median to resolution'], slaRows, 'No ticket closed.')),
    figure('review-satisfaction', `Satisfaction (${satisfaction.rated} rated)`, canvas('chart-satisfaction'),
      [table('review-satisfaction-table', ['Dimension', 'Mean', `Target ${satisfaction.target}`],
        entries(satisfaction.meanByDimension).map(([dimension, mean]) => [dimension, decimal(mean),
          target(satisfaction.meetsTarget[dimension])]), ''),
      h('p', {id: 'review-low-ratings'}, `Low ratings: ${satisfaction.lowRatings}, followed up: `
        + `${satisfaction.lowRatingsFollowedUp}`)]),
    figure('review-bottlenecks', 'Bottlenecks: median time per stage', canvas('chart-bottlenecks'),
      table('review-bottlenecks-table', ['Stage', 'Median'], entries(report.medianStageMinutes)
        .map(([stage, value]) => [stage, minutes(value)]), '')),
    section('review-problems', 'Frequent problems and escalations', h('div', {className: 'service-review-figure'},
      h('div', {className: 'service-review-table'},
        table('review-systems-table', ['Affected system', 'Tickets'], report.recurringSystems.map(r => [r.name,
          number(r.tickets)]), 'No affected system recurred.')),
      h('div', {className: 'service-review-table'},
        table('review-requesters-table', ['Requester', 'Tickets'], report.repeatRequesters.map(r => [r.name,
          number(r.tickets)]), 'No requester opened more than one ticket.')),
      h('div', {className: 'service-review-table'},
        table('review-escalations-table', ['Escalation level', 'Tickets'], entries(report.escalationsByLevel)
          .map(([level, count]) => [`Level ${level}`, number(count)]), 'No escalations.')))),
    knowledge(report.knowledge),
    outcome(page)));
}

function monthPicker(month) {
  const input = h('input', {type: 'month', id: 'service-review-month', className: 'form-control', value: month,
    max: new Date().toISOString().slice(0, 7)});
  const form = h('form', {className: 'service-review-month'}, h('label', {for: 'service-review-month'}, 'Month'),
    input, h('button', {type: 'submit', className: 'btn btn-primary'}, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (input.value) {
      window.location.hash = `#/service-review?month=${encodeURIComponent(input.value)}`;
    }
  });
  return form;
}

async function renderPage(node, api) {
  node.replaceChildren(h('div', {className: 'service-review'}, 'Working out the review…'));
  try {
    const access = await getJson(api, `${pluginApi(api)}/access`);
    const month = chosenMonth() || access.lastEnded;
    const [Chart, page] = await Promise.all([loadCharts(),
      getJson(api, `${pluginApi(api)}/reviews/${encodeURIComponent(month)}`)]);
    render(node, api, page);
    drawCharts(Chart, page);
    document.getElementById('service-review').setAttribute('data-drawn', 'true');
  } catch (error) {
    problem(node, error);
  }
}

export default [
  {
    id: 'service-review-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 9,
    properties: {path: '/service-review'},
    render: (node, {api}) => {
      getJson(api, `${pluginApi(api)}/access`).then(access => {
        if (access.mayView) {
          node.append(h('a', {href: '#/service-review', id: 'service-review-menu'}, 'Service review'));
        }
      }).catch(() => { /* no menu entry for whoever cannot ask */ });
    }
  },
  {
    id: 'service-review-page',
    pluginPoint: 'cockpit.route',
    properties: {path: '/service-review'},
    render: (node, {api}) => {
      renderPage(node, api);
    }
  }
];
