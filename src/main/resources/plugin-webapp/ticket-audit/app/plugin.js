/*
 * The auditors' pages in Cockpit: "Tickets" (search every ticket, open or closed, export CSV) and one
 * ticket's trail (path on the diagram, approvals, SLA events, steps, decisions, variable changes, user
 * operations). Read-only: the pages only GET from the plugin's API (TicketAuditResource), which answers
 * only users who may read the ticket process's history.
 *
 * Plain DOM, no framework and no build step. Text from the history is always set as textContent, never
 * as HTML. The Service review page (plugin service-review) builds its page with the helpers exported here.
 */

const SERVICE_TYPES = [ // the values of the start form "submit-ticket"
  ['hardware', 'Hardware'], ['software', 'Software'], ['network', 'Network and communications'],
  ['account-access', 'Account and access'], ['security', 'Security'],
  ['consultation', 'Consultation and training'], ['other', 'Other']
];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const STATUSES = ['open', 'closed', 'cancelled'];
const SLA_OUTCOMES = [['met', 'met'], ['missed', 'missed']];
const PAGE_SIZE = 25;
const VIEWER_URL = new URL('./vendor/bpmn-navigated-viewer.production.min.js', import.meta.url).href;
const VIEWER_CSS_URL = new URL('./vendor/diagram-js.css', import.meta.url).href;

// --- talking to the plugin's API

function pluginApi(api) {
  return `${api.cockpitApi}/plugin/ticket-audit/${api.engine}`;
}

export async function getJson(api, url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

// --- building the page

/** h('td', {className: 'x'}, 'text', otherNode): strings become text nodes, never HTML. */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else if (name === 'className') {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach(child => {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

/** 2026-11-10 09:05:00 in the browser's time zone (Cockpit's footer names it): unambiguous in any country. */
export function time(iso) {
  if (!iso) {
    return '';
  }
  const at = new Date(iso);
  const two = number => String(number).padStart(2, '0');
  const local = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} `
    + `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
  return h('time', {datetime: iso, title: iso}, local);
}

function duration(millis) {
  if (millis === null || millis === undefined) {
    return '';
  }
  const minutes = Math.round(millis / 60000);
  if (minutes < 1) {
    return `${Math.round(millis / 1000)} s`;
  }
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return [days && `${days} d`, hours && `${hours} h`, minutes % 60 && `${minutes % 60} min`].filter(Boolean).join(' ');
}

/** Long values (Json lists) fold away; short ones show as they are. */
function value(text) {
  if (text === null || text === undefined) {
    return h('span', {className: 'ticket-audit-none'}, '—');
  }
  return text.length > 80
    ? h('details', {}, h('summary', {}, text.slice(0, 60) + '…'), h('pre', {}, text))
    : h('span', {}, text);
}

export function table(id, headings, rows, emptyText) {
  if (!rows.length) {
    return h('p', {id, className: 'ticket-audit-empty'}, emptyText);
  }
  return h('table', {id, className: 'cam-table ticket-audit-table'},
    h('thead', {}, h('tr', {}, headings.map(heading => h('th', {}, heading)))),
    h('tbody', {}, rows.map(cells => h('tr', {}, cells.map(cell => h('td', {}, cell))))));
}

function section(id, title, ...content) {
  return h('section', {id, className: 'ticket-audit-section'}, h('h3', {}, title), content);
}

export function problem(node, error) {
  node.replaceChildren(h('div', {className: 'alert alert-danger ticket-audit-problem'}, error.message));
}

function select(name, options, chosen) {
  return h('select', {name, className: 'form-control'},
    h('option', {value: ''}, 'any'),
    options.map(([optionValue, label]) => h('option', {value: optionValue, selected: optionValue === chosen}, label)));
}

function field(label, control) {
  return h('label', {className: 'ticket-audit-field'}, h('span', {}, label), control);
}

// --- the search page: #/tickets?number=…&page=…

function searchParameters() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query);
}

/** The filters as the API takes them; dates from the date inputs are whole local days. */
function apiQuery(filters) {
  const query = new URLSearchParams();
  ['number', 'requester', 'serviceType', 'priority', 'status', 'sla'].forEach(name => {
    if (filters.get(name)) {
      query.set(name, filters.get(name));
    }
  });
  if (filters.get('from')) {
    query.set('submittedFrom', new Date(`${filters.get('from')}T00:00:00`).toISOString());
  }
  if (filters.get('to')) {
    const dayAfter = new Date(`${filters.get('to')}T00:00:00`);
    dayAfter.setDate(dayAfter.getDate() + 1);
    query.set('submittedTo', dayAfter.toISOString());
  }
  return query;
}

function searchForm(filters) {
  const form = h('form', {id: 'ticket-search-form', className: 'ticket-audit-form'},
    field('Number', h('input', {name: 'number', className: 'form-control', value: filters.get('number') || '',
      placeholder: '202611-007'})),
    field('Requester', h('input', {name: 'requester', className: 'form-control',
      value: filters.get('requester') || '', placeholder: 'name or user id'})),
    field('Service type', select('serviceType', SERVICE_TYPES, filters.get('serviceType'))),
    field('Priority', select('priority', PRIORITIES.map(p => [p, p]), filters.get('priority'))),
    field('Status', select('status', STATUSES.map(s => [s, s]), filters.get('status'))),
    field('Submitted from', h('input', {type: 'date', name: 'from', className: 'form-control',
      value: filters.get('from') || ''})),
    field('to', h('input', {type: 'date', name: 'to', className: 'form-control', value: filters.get('to') || ''})),
    field('SLA', select('sla', SLA_OUTCOMES, filters.get('sla'))),
    h('div', {className: 'ticket-audit-buttons'},
      h('button', {type: 'submit', className: 'btn btn-primary'}, 'Search'),
      h('a', {href: '#/tickets', className: 'btn btn-default'}, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    new FormData(form).forEach((formValue, name) => {
      if (String(formValue).trim()) {
        chosen.set(name, String(formValue).trim());
      }
    });
    window.location.hash = `#/tickets?${chosen}`;
  });
  return form;
}

function slaLabel(outcome) {
  return outcome ? h('span', {className: `ticket-audit-sla ticket-audit-sla-${outcome}`}, outcome) : '';
}

async function renderSearch(node, api) {
  const filters = searchParameters();
  const page = Math.max(0, parseInt(filters.get('page') || '0', 10) || 0);
  const results = h('div', {id: 'ticket-search-results'}, 'Searching…');
  const voided = h('div', {id: 'voided-numbers'});
  const query = apiQuery(filters);
  node.replaceChildren(h('div', {className: 'ticket-audit'},
    h('h2', {}, 'Tickets'),
    h('p', {className: 'ticket-audit-lead'},
      'Every ticket, open or closed, from the engine\'s history. Open one to see its full trail.'),
    searchForm(filters),
    results,
    voided));
  renderVoidedNumbers(voided, api);
  try {
    query.set('firstResult', String(page * PAGE_SIZE));
    query.set('maxResults', String(PAGE_SIZE));
    const found = await getJson(api, `${pluginApi(api)}/tickets?${query}`);
    query.delete('firstResult');
    query.delete('maxResults');
    const rows = found.tickets.map(ticket => [
      h('a', {href: `#/tickets/${encodeURIComponent(ticket.number)}`, className: 'ticket-audit-number'},
        ticket.number),
      ticket.title, ticket.requesterName ? `${ticket.requesterName} (${ticket.requesterId})` : ticket.requesterId,
      ticket.serviceType, ticket.priority, ticket.status, time(ticket.submittedAt), time(ticket.closedAt),
      slaLabel(ticket.responseSla), slaLabel(ticket.resolutionSla)]);
    const first = found.total ? found.firstResult + 1 : 0;
    const last = found.firstResult + found.tickets.length;
    const pageLink = (target, label, enabled) => {
      const to = new URLSearchParams(filters);
      to.set('page', String(target));
      return enabled ? h('a', {href: `#/tickets?${to}`, className: 'btn btn-default btn-sm'}, label)
        : h('span', {className: 'btn btn-default btn-sm disabled'}, label);
    };
    results.replaceChildren(
      h('div', {className: 'ticket-audit-pager'},
        h('span', {id: 'ticket-search-count'}, `${first}–${last} of ${found.total}`),
        pageLink(page - 1, '‹ Previous', page > 0),
        pageLink(page + 1, 'Next ›', last < found.total),
        h('a', {id: 'ticket-search-export', className: 'btn btn-default btn-sm',
          href: `${pluginApi(api)}/tickets.csv?${query}`, download: 'tickets.csv'}, 'Export CSV')),
      table('ticket-search-table', ['Number', 'Title', 'Requester', 'Service type', 'Priority', 'Status',
        'Submitted', 'Closed', 'Response SLA', 'Resolution SLA'], rows, 'No ticket matches.'));
  } catch (error) {
    problem(results, error);
  }
}

/** The gaps in the numbering: numbers handed out for a ticket whose opening failed or was interrupted. */
async function renderVoidedNumbers(node, api) {
  try {
    const numbers = await getJson(api, `${pluginApi(api)}/ticket-numbers/voided?maxResults=${PAGE_SIZE}`);
    node.replaceChildren(section('voided-numbers-section', 'Numbers without a ticket',
      h('p', {className: 'ticket-audit-lead'}, 'A number is taken before its ticket is stored. When storing fails '
        + '(a technical failure, or the application stopped half-way), no ticket has that number and it is never '
        + 'given again. The latest such numbers, each with its reason:'),
      table('voided-numbers-table', ['Number', 'Taken', 'Voided', 'Reason'],
        numbers.map(number => [number.number, time(number.takenAt), time(number.voidedAt), number.reason]),
        'Every number handed out belongs to a ticket.')));
  } catch (error) {
    problem(node, error);
  }
}

// --- one ticket's trail: #/tickets/{number}

function summary(ticket) {
  const priority = ticket.priorityCorrectedFrom
    ? `${ticket.priority} (corrected from ${ticket.priorityCorrectedFrom}: ${ticket.priorityCorrectionReason || 'no reason given'})`
    : ticket.priority;
  const facts = [
    ['Requester', ticket.requesterName ? `${ticket.requesterName} (${ticket.requesterId})` : ticket.requesterId],
    ['Service type', ticket.serviceType], ['Impact / urgency', `${ticket.impact} / ${ticket.urgency}`],
    ['Priority', priority], ['Status', ticket.status], ['Submitted', time(ticket.submittedAt)],
    ['Closed', time(ticket.closedAt)], ['Response SLA', slaLabel(ticket.responseSla)],
    ['Resolution SLA', slaLabel(ticket.resolutionSla)], ['Description', ticket.description]];
  return h('dl', {id: 'trail-summary', className: 'ticket-audit-summary'},
    facts.map(([term, description]) => [h('dt', {}, term), h('dd', {}, description || '—')]));
}

function who(step) {
  if (step.completedBy && step.assignee && step.completedBy !== step.assignee) {
    return `${step.completedBy} (assigned to ${step.assignee})`;
  }
  return step.completedBy || step.assignee || '';
}

function values(list) {
  return h('ul', {className: 'list-unstyled'}, list.map(item => h('li', {}, `${item.name} = `, value(item.value))));
}

function loadViewer() {
  if (!document.querySelector(`link[href="${VIEWER_CSS_URL}"]`)) {
    document.head.append(h('link', {rel: 'stylesheet', href: VIEWER_CSS_URL}));
  }
  if (window.BpmnJS) {
    return Promise.resolve(window.BpmnJS);
  }
  // the viewer's UMD bundle sets window.BpmnJS when no module loader is around, as in Cockpit
  return new Promise((resolve, reject) => {
    const script = h('script', {src: VIEWER_URL});
    script.addEventListener('load', () => resolve(window.BpmnJS));
    script.addEventListener('error', () => reject(new Error(`${VIEWER_URL} did not load`)));
    document.head.append(script);
  });
}

async function drawPath(container, api, path) {
  try {
    const [BpmnJS, diagram] = await Promise.all([loadViewer(),
      getJson(api, `${api.engineApi}/process-definition/${encodeURIComponent(path.processDefinitionId)}/xml`)]);
    container.replaceChildren();
    const viewer = new BpmnJS({container, height: '100%'});
    await viewer.importXML(diagram.bpmn20Xml);
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    // as tall as the diagram needs at the page's width, so a wide diagram does not float in white space
    const inner = canvas.viewbox().inner;
    if (inner.width > 0) {
      const fitted = container.clientWidth * inner.height / inner.width + 40;
      container.style.height = `${Math.round(Math.min(640, Math.max(240, fitted)))}px`;
      canvas.resized();
    }
    canvas.zoom('fit-viewport');
    const elements = viewer.get('elementRegistry');
    Object.entries(path.activities).forEach(([activityId, times]) => {
      const element = elements.get(activityId);
      if (!element) {
        return; // an element of a called process, or gone from this version's diagram
      }
      // an expanded sub-process gets a green frame only, so what happened inside it stays readable
      const expanded = element.type === 'bpmn:SubProcess' && element.businessObject.di
        && element.businessObject.di.isExpanded;
      canvas.addMarker(activityId, expanded ? 'ticket-audit-passed-scope' : 'ticket-audit-passed');
      if (times > 1) {
        overlays.add(activityId, {position: {bottom: 8, right: 8},
          html: h('span', {className: 'ticket-audit-count', title: `passed ${times} times`}, `×${times}`)});
      }
    });
    path.sequenceFlows.forEach(flowId => canvas.addMarker(flowId, 'ticket-audit-taken'));
    container.setAttribute('data-drawn', 'true');
  } catch (error) {
    container.replaceChildren(h('div', {className: 'alert alert-warning'},
      `The diagram could not be drawn: ${error.message}`));
  }
}

async function renderTrail(node, api, number) {
  node.replaceChildren(h('div', {className: 'ticket-audit'}, `Loading ticket ${number}…`));
  let trail;
  try {
    trail = await getJson(api, `${pluginApi(api)}/tickets/${encodeURIComponent(number)}`);
  } catch (error) {
    problem(node, error);
    return;
  }
  const ticket = trail.ticket;
  const diagram = h('div', {id: 'trail-diagram', className: 'ticket-audit-diagram'}, 'Drawing the diagram…');
  node.replaceChildren(h('div', {id: 'ticket-trail', className: 'ticket-audit'},
    h('a', {href: '#/tickets', className: 'ticket-audit-back'}, '‹ Tickets'),
    h('h2', {}, `Ticket ${ticket.number}: `, ticket.title || ''),
    summary(ticket),
    section('trail-path', 'Path taken', diagram,
      h('p', {className: 'ticket-audit-legend'}, 'Green: the steps and flows this ticket passed; ×n: how often.')),
    section('trail-approvals', 'Approvals', table('trail-approvals-table',
      ['Decided', 'Approver', 'Decision', 'Reason', 'Plan by', 'Risk'],
      trail.approvals.map(a => [time(a.decidedAt), a.approver, a.decision, value(a.reason), a.plannedBy, a.riskLevel]),
      'No change needed approval.')),
    section('trail-sla-events', 'SLA events', table('trail-sla-events-table', ['When', 'SLA', 'Event', 'Detail', 'By'],
      trail.slaEvents.map(e => [time(e.at), e.sla, e.event, value(e.detail), e.by || '']),
      'No warnings, breaches or pauses.')),
    section('trail-steps', 'Steps', table('trail-steps-table',
      ['Started', 'Step', 'Type', 'In', 'Who', 'Ended', 'Took'],
      trail.steps.map(s => [time(s.startedAt), s.canceled ? `${s.name} (cancelled)` : s.name, s.type, s.process,
        who(s), s.endedAt ? time(s.endedAt) : 'open', duration(s.durationMillis)]), 'No steps.')),
    section('trail-decisions', 'Decisions', table('trail-decisions-table',
      ['Evaluated', 'Decision', 'Version', 'Step', 'Inputs', 'Matched rule', 'Outputs'],
      trail.decisions.map(d => [time(d.evaluatedAt), `${d.decisionName} (${d.decisionKey})`, `v${d.version}`, d.step,
        values(d.inputs),
        h('ul', {className: 'list-unstyled'}, d.matchedRules.map(r => h('li', {title: r.description || ''}, r.ruleId,
          r.description ? h('div', {className: 'ticket-audit-rule'}, r.description) : ''))),
        values(d.matchedRules.flatMap(r => r.outputs))]),
      'No decision was evaluated.')),
    section('trail-variable-changes', 'Variable changes', table('trail-variable-changes-table',
      ['When', 'Variable', 'From', 'To', 'By', 'In step'],
      trail.variableChanges.map(c => [time(c.at), c.variable, value(c.oldValue), value(c.newValue), c.by, c.step || '']),
      'No variables.')),
    section('trail-conversation', 'Conversation', table('trail-conversation-table',
      ['When', 'Way', 'Notice', 'To / from', 'Subject and text', 'Delivery'],
      trail.conversation.map(m => [time(m.at), m.direction === 'in' ? 'received' : 'sent', m.kind,
        [m.recipients, m.addresses].filter(Boolean).join(': '),
        h('details', {}, h('summary', {}, m.subject), h('pre', {}, m.text)),
        [m.delivery, m.deliveredAt ? time(m.deliveredAt) : '', m.attempts > 1 ? ` after ${m.attempts} attempts` : '',
          m.lastError ? value(m.lastError) : '']]),
      'No notices.')),
    section('trail-operations', 'User operations', table('trail-operations-table',
      ['When', 'User', 'Operation', 'On', 'Property', 'From', 'To'],
      trail.operations.map(o => [time(o.at), o.user, o.operation, o.entity, o.property || '', value(o.oldValue),
        value(o.newValue)]),
      'No user operations.'))));
  drawPath(diagram, api, trail.path);
}

// --- registration with Cockpit

function routeNumber() {
  const match = window.location.hash.match(/^#\/tickets\/([^?]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

export default [
  {
    id: 'ticket-audit-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    properties: {path: '/tickets'},
    render: (node, {api}) => {
      getJson(api, `${pluginApi(api)}/access`).then(access => {
        if (access.mayAudit) {
          node.append(h('a', {href: '#/tickets', id: 'ticket-audit-menu'}, 'Tickets'));
        }
      }).catch(() => { /* no menu entry for whoever cannot ask */ });
    }
  },
  {
    id: 'ticket-audit-search',
    pluginPoint: 'cockpit.route',
    properties: {path: '/tickets'},
    render: (node, {api}) => {
      renderSearch(node, api);
    }
  },
  {
    id: 'ticket-audit-trail',
    pluginPoint: 'cockpit.route',
    properties: {path: '/tickets/:number'},
    render: (node, {api}) => {
      renderTrail(node, api, routeNumber());
    }
  }
];
